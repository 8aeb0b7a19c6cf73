// A past year kept as its published per-workshop figures (no raw replies): its shape, and the turns
// report → summary → report, so comparisons and trends read a summary year like a computed one.
import * as z from "zod/mini";
import { fiscalYearRange } from "./fiscalYear";
import {
  EFFECTS_BY_ACTION,
  PROJECTS_BY_ACTION,
  crossTableFromColumns,
  followUpActionsTableFromCounts,
  repliesTableFromCounts,
  yesNoTableFromCounts,
} from "./tables";
import type { SurveyReport } from "./report";
import {
  FOLLOW_UP_ACTIONS,
  type EffectsByActionColumn,
  type FollowUpAction,
  type ProjectsByActionColumn,
  type ReportWorkshop,
  type WorkshopKind,
  type YesNoRow,
} from "./types";

export const MAX_SUMMARY_WORKSHOPS = 200;
export const MAX_SUMMARY_COUNT = 100_000;
/** Longest administrations list per column of one workshop (the region has ~33 members). */
export const MAX_LISTED_ADMINISTRATIONS = 100;

const count = z.int().check(z.minimum(0), z.maximum(MAX_SUMMARY_COUNT));
const administrationCode = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z]{2,3}$/, "is not a code like FJ"));
const codeList = z.array(administrationCode).check(z.maxLength(MAX_LISTED_ADMINISTRATIONS));

export const summaryYesNo = z.strictObject({ yes: count, no: count });
export type SummaryYesNo = z.infer<typeof summaryYesNo>;

/** The columns of published Tables 4 and 7 for one workshop: administration codes, as printed. */
export const summaryAdministrations = z.strictObject({
  shared: codeList,
  inhouse: codeList,
  effects: codeList,
  reports: codeList,
  recommendations: codeList,
  projects: codeList,
});
export type SummaryAdministrations = z.infer<typeof summaryAdministrations>;
export const SUMMARY_LIST_COLUMNS = ["shared", "inhouse", "effects", "reports", "recommendations", "projects"] as const;

/** One workshop's row across the published Tables 1–7. */
export const summaryWorkshop = z
  .strictObject({
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    kind: z.enum(["regional", "sub-regional", "national"]),
    /** "2022-11"; absent when the report gives no month. */
    month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "is not a month like 2022-11"))),
    participatingAdministrations: count,
    /** Absent when the report gives only administrations (the per-participant rate is then unknown). */
    invitedParticipants: z.optional(count),
    replies: count,
    actions: z.strictObject({
      shared_materials: count,
      submitted_report: count,
      made_recommendations: count,
      inhouse_workshop: count,
      developed_manuals: count,
      other: count,
    }),
    directEffects: summaryYesNo,
    efficiency: summaryYesNo,
    newProjects: summaryYesNo,
    /** Absent when the report's Tables 4 and 7 are not at hand. */
    administrations: z.optional(summaryAdministrations),
  })
  .check(
    z.refine(
      (w) => FOLLOW_UP_ACTIONS.every((a) => w.actions[a] <= w.replies),
      "An action cannot have more respondents than the workshop has replies.",
    ),
    z.refine(
      (w) => [w.directEffects, w.efficiency, w.newProjects].every((q) => q.yes + q.no <= w.replies),
      "Yes and No together cannot exceed the workshop's replies.",
    ),
  );
export type SummaryWorkshop = z.infer<typeof summaryWorkshop>;

/** PUT /api/console/summary-years/:fiscalYear: the whole year at once. */
export const summaryYearFigures = z.strictObject({
  workshops: z.array(summaryWorkshop).check(z.minLength(1), z.maxLength(MAX_SUMMARY_WORKSHOPS)),
});
export type SummaryYearFigures = z.infer<typeof summaryYearFigures>;

export interface SummaryYear extends SummaryYearFigures {
  /** "2021/22". */
  fiscalYear: string;
}

const yesNoOf = (row: YesNoRow): SummaryYesNo => ({ yes: row.yes, no: row.no });

/** The published figures of a computed report, workshop by workshop. */
export function summaryOfReport(report: SurveyReport): SummaryYear {
  const t = report.tables;
  const workshops = report.workshops.map((w, i): SummaryWorkshop => {
    const actions = {} as Record<FollowUpAction, number>;
    for (const a of FOLLOW_UP_ACTIONS) actions[a] = t.followUpActions.rows[i].actions[a].count;
    const effects = t.effectsByAction.rows[i].administrations;
    const projects = t.projectsByAction.rows[i].administrations;
    const codes = (list: ReadonlyArray<{ code: string }>) => list.map((a) => a.code);
    return {
      title: w.title,
      kind: w.kind,
      ...(w.month ? { month: w.month } : {}),
      participatingAdministrations: w.participatingAdministrations,
      invitedParticipants: w.invitedParticipants,
      replies: t.replies.rows[i].replies,
      actions,
      directEffects: yesNoOf(t.directEffects.rows[i]),
      efficiency: yesNoOf(t.efficiency.rows[i]),
      newProjects: yesNoOf(t.newProjects.rows[i]),
      administrations: {
        shared: codes(effects.shared),
        inhouse: codes(effects.inhouse),
        effects: codes(effects.effects),
        reports: codes(projects.reports),
        recommendations: codes(projects.recommendations),
        projects: codes(projects.projects),
      },
    };
  });
  return { fiscalYear: report.fiscalYear, workshops };
}

/** Per listed administration, the columns of one cross table it appears in. */
function columnsOf<K extends string>(
  lists: Partial<Record<K, readonly string[]>> | undefined,
  keys: readonly K[],
): Map<string, Set<K>> {
  const columns = new Map<string, Set<K>>();
  for (const k of keys)
    for (const code of lists?.[k] ?? []) {
      const set = columns.get(code) ?? new Set<K>();
      set.add(k);
      columns.set(code, set);
    }
  return columns;
}

/**
 * A summary year as a report: the seven tables summed, subtotalled and rounded by the same rules as
 * a computed year (Tables 4 and 7 are empty for workshops stored without their lists).
 * Throws a RangeError for a malformed fiscal year label.
 */
export function reportFromSummary(summary: SummaryYear): SurveyReport {
  fiscalYearRange(summary.fiscalYear);
  const byId = new Map<string, SummaryWorkshop>();
  const workshops: ReportWorkshop[] = summary.workshops.map((s, i) => {
    const id = `summary:${summary.fiscalYear}:${i + 1}`;
    byId.set(id, s);
    return {
      id,
      title: s.title,
      kind: s.kind as WorkshopKind,
      fiscalYear: summary.fiscalYear,
      participatingAdministrations: s.participatingAdministrations,
      invitedParticipants: s.invitedParticipants ?? 0,
      ...(s.month ? { month: s.month } : {}),
    };
  });
  const of = (w: ReportWorkshop) => byId.get(w.id)!;
  const effectsKeys: EffectsByActionColumn[] = ["shared", "inhouse", "effects"];
  const projectsKeys: ProjectsByActionColumn[] = ["reports", "recommendations", "projects"];
  const replies = summary.workshops.reduce((n, w) => n + w.replies, 0);
  return {
    fiscalYear: summary.fiscalYear,
    workshops,
    replies,
    ignoredReplies: 0,
    tables: {
      replies: repliesTableFromCounts(workshops, (w) => ({
        participatingAdministrations: of(w).participatingAdministrations,
        invitedParticipants: of(w).invitedParticipants ?? 0,
        replies: of(w).replies,
        respondingAdministrations: columnsOf(of(w).administrations, SUMMARY_LIST_COLUMNS).size,
      })),
      followUpActions: followUpActionsTableFromCounts(workshops, (w) => {
        const s = of(w);
        // A summary knows who took which action, not who skipped the question: all replies count as answered.
        return { replies: s.replies, answered: s.replies, noActionYet: 0, ...s.actions };
      }),
      directEffects: yesNoTableFromCounts(workshops, (w) => ({ replies: of(w).replies, ...of(w).directEffects })),
      effectsByAction: crossTableFromColumns(EFFECTS_BY_ACTION, workshops, (w) =>
        columnsOf(of(w).administrations, effectsKeys),
      ),
      efficiency: yesNoTableFromCounts(workshops, (w) => ({ replies: of(w).replies, ...of(w).efficiency })),
      newProjects: yesNoTableFromCounts(workshops, (w) => ({ replies: of(w).replies, ...of(w).newProjects })),
      projectsByAction: crossTableFromColumns(PROJECTS_BY_ACTION, workshops, (w) =>
        columnsOf(of(w).administrations, projectsKeys),
      ),
    },
    // A summary holds the published figures, already whole: no reply of it was left out of any table.
    leftOut: {
      followUpActions: [],
      directEffects: [],
      effectsByAction: [],
      efficiency: [],
      newProjects: [],
      projectsByAction: [],
    },
  };
}

/** GET /api/console/summary-years: one line per stored year. */
export interface SummaryYearListing {
  fiscalYear: string;
  workshops: number;
  replies: number;
  updatedAt: string;
}

/** GET /api/console/trends: each year's headline percentages, oldest first, and where they come from. */
export interface TrendsYear {
  fiscalYear: string;
  source: "replies" | "summary" | "workshops";
  replies: number;
  figures: Array<{ key: string; table: number; label: string; value: number | null }>;
}
