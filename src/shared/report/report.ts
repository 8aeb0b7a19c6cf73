// All seven tables for one fiscal year, and this year's figures beside the previous year's.
import { fiscalYearRange } from "./fiscalYear";
import { BOUND_TABLES, type BoundTableKey } from "./bindings";
import { formatPercent } from "./percent";
import { feedsTable, shippedBindingsReader, type BindingsOf } from "./replyReading";
import {
  directEffectsTable,
  effectsByActionTable,
  efficiencyTable,
  followUpActionsTable,
  newProjectsTable,
  projectsByActionTable,
  repliesTable,
} from "./tables";
import {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_ACTION_LABELS,
  type CrossTable,
  type EffectsByActionColumn,
  type FollowUpActionsRow,
  type LeftOutReplies,
  type Percent,
  type ProjectsByActionColumn,
  type RepliesRow,
  type ReportReply,
  type ReportTable,
  type ReportWorkshop,
  type YesNoRow,
} from "./types";

export interface SurveyReport {
  fiscalYear: string;
  /** The workshops of that fiscal year, in the order given. */
  workshops: ReportWorkshop[];
  /** Replies counted (their workshop is one of the year's). */
  replies: number;
  /** Replies left out because their workshop is not one of the year's. */
  ignoredReplies: number;
  tables: {
    replies: ReportTable<RepliesRow>;
    followUpActions: ReportTable<FollowUpActionsRow>;
    directEffects: ReportTable<YesNoRow>;
    effectsByAction: CrossTable<EffectsByActionColumn>;
    efficiency: ReportTable<YesNoRow>;
    newProjects: ReportTable<YesNoRow>;
    projectsByAction: CrossTable<ProjectsByActionColumn>;
  };
  /** Per table (2–7), the replies it could not count because their version does not feed it; [] when none. */
  leftOut: Record<BoundTableKey, LeftOutReplies[]>;
}

/** Per table, the counted replies whose version's bindings do not feed it, grouped by version. */
function leftOutReplies(
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf,
): Record<BoundTableKey, LeftOutReplies[]> {
  const leftOut = {} as Record<BoundTableKey, LeftOutReplies[]>;
  for (const table of Object.keys(BOUND_TABLES) as BoundTableKey[]) {
    const byVersion = new Map<string, LeftOutReplies>();
    for (const r of replies) {
      const bindings = bindingsOf(r);
      if (feedsTable(bindings, table)) continue;
      const questionnaireId = r.questionnaireId ?? "";
      const version = r.questionnaireVersion ?? null;
      const key = `${questionnaireId}@${version}`;
      const unbound = BOUND_TABLES[table].needs.filter((need) => bindings[need] === null);
      const group = byVersion.get(key) ?? {
        questionnaireId,
        version,
        replies: 0,
        replyIds: [],
        unbound: [...unbound],
        reason:
          `Table ${BOUND_TABLES[table].number} cannot count replies to ${questionnaireId || "the questionnaire"}` +
          `${version === null ? "" : ` version ${version}`}: that version has no usable binding for ${unbound.join(" and ")}.`,
      };
      group.replies += 1;
      if (r.id !== undefined) group.replyIds.push(r.id);
      byVersion.set(key, group);
    }
    leftOut[table] = [...byVersion.values()];
  }
  return leftOut;
}

/**
 * The report of one fiscal year: workshops whose fiscalYear is another year are left out, and so
 * are replies to workshops not in the year. Throws a RangeError for a malformed fiscal year label.
 */
export function computeReport(input: {
  fiscalYear: string;
  workshops: readonly ReportWorkshop[];
  replies: readonly ReportReply[];
  /** How each reply's version is read; default: the newest shipped version's bindings for every reply. */
  bindingsOf?: BindingsOf;
}): SurveyReport {
  const bindingsOf = input.bindingsOf ?? shippedBindingsReader;
  fiscalYearRange(input.fiscalYear);
  const workshops = input.workshops.filter((w) => w.fiscalYear === input.fiscalYear);
  const ids = new Set(workshops.map((w) => w.id));
  const replies = input.replies.filter((r) => ids.has(r.workshopId));
  return {
    fiscalYear: input.fiscalYear,
    workshops,
    replies: replies.length,
    ignoredReplies: input.replies.length - replies.length,
    tables: {
      replies: repliesTable(workshops, replies),
      followUpActions: followUpActionsTable(workshops, replies, bindingsOf),
      directEffects: directEffectsTable(workshops, replies, bindingsOf),
      effectsByAction: effectsByActionTable(workshops, replies, bindingsOf),
      efficiency: efficiencyTable(workshops, replies, bindingsOf),
      newProjects: newProjectsTable(workshops, replies, bindingsOf),
      projectsByAction: projectsByActionTable(workshops, replies, bindingsOf),
    },
    leftOut: leftOutReplies(replies, bindingsOf),
  };
}

export interface YearComparison {
  /** Stable key, e.g. "followUpActions.shared_materials". */
  key: string;
  /** The report's table number (1–7). */
  table: number;
  label: string;
  previous: Percent;
  current: Percent;
  /** "43% → 66%" where both years have the figure, otherwise null. */
  text: string | null;
  /** "43% in 2021/22 → 66% in 2022/23" where both years have the figure, otherwise null. */
  longText: string | null;
}

/** "43% → 66%", or null unless both are known. */
export function formatChange(previous: Percent, current: Percent): string | null {
  return previous === null || current === null ? null : `${formatPercent(previous)} → ${formatPercent(current)}`;
}

export interface HeadlineFigure {
  key: string;
  table: number;
  label: string;
  value: Percent;
}

/** The year's headline percentages (each table's total), in the report's order: compared across years and trended. */
export function headlineFigures(report: SurveyReport): HeadlineFigure[] {
  const t = report.tables;
  return [
    {
      key: "replies.ratePerAdministration",
      table: 1,
      label: "Reply rate (per administration)",
      value: t.replies.total.ratePerAdministration,
    },
    {
      key: "replies.ratePerParticipant",
      table: 1,
      label: "Reply rate (per invited participant)",
      value: t.replies.total.ratePerParticipant,
    },
    ...FOLLOW_UP_ACTIONS.map((a) => ({
      key: `followUpActions.${a}`,
      table: 2,
      label: FOLLOW_UP_ACTION_LABELS[a],
      value: t.followUpActions.total.actions[a].percent,
    })),
    { key: "directEffects.yes", table: 3, label: "Observed direct effects", value: t.directEffects.total.yesPercent },
    {
      key: "effectsByAction.shared",
      table: 4,
      label: "Shared materials and realized direct effects",
      value: t.effectsByAction.total.columns.shared.percent,
    },
    {
      key: "effectsByAction.inhouse",
      table: 4,
      label: "Organized in-house workshop and realized direct effects",
      value: t.effectsByAction.total.columns.inhouse.percent,
    },
    {
      key: "effectsByAction.effects",
      table: 4,
      label: "Realized direct effects after sharing and/or in-house workshop",
      value: t.effectsByAction.total.columns.effects.percent,
    },
    {
      key: "efficiency.yes",
      table: 5,
      label: "Improved work efficiency and effectiveness",
      value: t.efficiency.total.yesPercent,
    },
    { key: "newProjects.yes", table: 6, label: "Initiated new projects", value: t.newProjects.total.yesPercent },
    {
      key: "projectsByAction.reports",
      table: 7,
      label: "Submitted reports and initiated new projects",
      value: t.projectsByAction.total.columns.reports.percent,
    },
    {
      key: "projectsByAction.recommendations",
      table: 7,
      label: "Made recommendations and initiated new projects",
      value: t.projectsByAction.total.columns.recommendations.percent,
    },
    {
      key: "projectsByAction.projects",
      table: 7,
      label: "Initiated new projects after reports and/or recommendations",
      value: t.projectsByAction.total.columns.projects.percent,
    },
  ];
}

/**
 * This year's headline percentages (the totals of each table) beside the previous year's.
 * Every figure is listed; `text` is set only where both years have it (no previous report, or a
 * total that divides by zero in either year, gives previous/current null and text null).
 */
export function compareYears(current: SurveyReport, previous: SurveyReport | null | undefined): YearComparison[] {
  const before = new Map(previous ? headlineFigures(previous).map((f) => [f.key, f.value] as const) : []);
  return headlineFigures(current).map((f) => {
    const prev = before.get(f.key) ?? null;
    const text = formatChange(prev, f.value);
    return {
      key: f.key,
      table: f.table,
      label: f.label,
      previous: prev,
      current: f.value,
      text,
      longText:
        text === null || !previous
          ? null
          : `${formatPercent(prev)} in ${previous.fiscalYear} → ${formatPercent(f.value)} in ${current.fiscalYear}`,
    };
  });
}
