// The seven tables of the Good Practice Report, computed from raw replies by pure functions.
// Kept whole past 300 lines: the seven tables and their shared counting rules read best side by side.
//
// Counting rules (the same in every table):
// - Every reply given for a workshop counts once in that workshop's "replies", whatever it answered.
// - A reply that skipped a question counts in replies but in neither "yes" nor "no" of that
//   question (it is "unanswered"); percentages are of replies, as published, so a skip lowers them.
//   A yes/no answer is "yes" or "no" (case and surrounding spaces ignored); anything else is a skip.
// - Follow-up actions: each respondent counts at most once per action; unknown choice values are ignored.
//   "None yet" answers the question: it counts in "answered" and "noActionYet", and in no action column.
// - Tables 1, 2, 3, 5, 6 count respondents: an administration with two respondents counts twice.
//   Tables 4 and 7 list administrations: it appears once per workshop, and in a column when any
//   of its respondents to that workshop qualifies.
// - Replies whose workshop is not in the workshop list are left out (computeReport counts them).
// - Each reply is read through its questionnaire version's bindings (bindings.ts); a table its version does not
//   feed leaves it out altogether, so the table stays consistent (computeReport lists what was left out).
// - Subtotals and the total are sums of the workshop rows; percentages come from those sums.
// - Dividing by zero gives null, never NaN or Infinity.
import {
  FOLLOW_UP_ACTIONS,
  SUBTOTAL_KINDS,
  type CountAndPercent,
  type CrossColumn,
  type CrossRow,
  type CrossTable,
  type CrossWorkshopLists,
  type EffectsByActionColumn,
  type FollowUpAction,
  type FollowUpActionsRow,
  type MarkedAdministration,
  type ProjectsByActionColumn,
  type RepliesRow,
  type ReportReply,
  type ReportTable,
  type ReportWorkshop,
  type SubtotalScope,
  type WorkshopScope,
  type YesNoRow,
} from "./types";
import { wholePercent } from "./percent";
import { readActions, readYesNo, type YesNoTableKey } from "./bindings";
import { feedsTable, normalizeAdministrationCode, shippedBindingsReader, type BindingsOf } from "./replyReading";

// ---- Grouping and summing ----------------------------------------------------------------------

function repliesByWorkshop(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
): Map<string, ReportReply[]> {
  const byWorkshop = new Map<string, ReportReply[]>();
  for (const w of workshops) {
    if (byWorkshop.has(w.id)) throw new Error(`workshop ${JSON.stringify(w.id)} is listed twice`);
    byWorkshop.set(w.id, []);
  }
  for (const r of replies) byWorkshop.get(r.workshopId)?.push(r);
  return byWorkshop;
}

/** Sum, subtotal and finish a table from per-workshop counts (flat records of numbers). */
function buildTable<C extends Record<string, number>, Row, Extra = Record<never, never>>(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  keys: readonly (keyof C)[],
  count: (workshop: ReportWorkshop, replies: ReportReply[]) => { counts: C; extra: Extra },
  finish: (counts: C) => Row,
): ReportTable<Row, Extra> {
  const byWorkshop = repliesByWorkshop(workshops, replies);
  return tableFromCounts(workshops, keys, (w) => count(w, byWorkshop.get(w.id) ?? []), finish);
}

/**
 * A table from counts already made per workshop (a stored summary year has no replies to count):
 * the same summing, subtotals and percentages as a table computed from replies.
 */
export function tableFromCounts<C extends Record<string, number>, Row, Extra = Record<never, never>>(
  workshops: readonly ReportWorkshop[],
  keys: readonly (keyof C)[],
  countsOf: (workshop: ReportWorkshop) => { counts: C; extra: Extra },
  finish: (counts: C) => Row,
): ReportTable<Row, Extra> {
  const counted = workshops.map((w) => ({ workshop: w, ...countsOf(w) }));
  const sum = (items: readonly C[]): C => {
    const total = {} as Record<keyof C, number>;
    for (const k of keys) total[k] = items.reduce<number>((s, item) => s + item[k], 0);
    return total as C;
  };
  const rows = counted.map(({ workshop, counts, extra }, i) => {
    const scope: WorkshopScope = {
      scope: "workshop",
      number: i + 1,
      workshopId: workshop.id,
      title: workshop.title,
      kind: workshop.kind,
    };
    return { ...scope, ...finish(counts), ...extra };
  });
  const subtotals = SUBTOTAL_KINDS.filter((kind) => kind !== "national" || workshops.some((w) => w.kind === kind)).map(
    (kind) => {
      const ofKind = counted.filter((c) => c.workshop.kind === kind);
      const scope: SubtotalScope = { scope: "subtotal", kind, workshops: ofKind.length };
      return { ...scope, ...finish(sum(ofKind.map((c) => c.counts))) };
    },
  );
  const total = { scope: "total" as const, workshops: counted.length, ...finish(sum(counted.map((c) => c.counts))) };
  return { rows, subtotals, total };
}

// ---- Table 1: replies ------------------------------------------------------------------------

export type RepliesCounts = {
  participatingAdministrations: number;
  invitedParticipants: number;
  replies: number;
  respondingAdministrations: number;
};
const REPLIES_KEYS = [
  "participatingAdministrations",
  "invitedParticipants",
  "replies",
  "respondingAdministrations",
] as const;

function finishReplies(c: RepliesCounts): RepliesRow {
  return {
    ...c,
    ratePerAdministration: wholePercent(c.replies, c.participatingAdministrations),
    ratePerParticipant: wholePercent(c.replies, c.invitedParticipants),
  };
}

/** Table 1 from counts made per workshop. */
export function repliesTableFromCounts(
  workshops: readonly ReportWorkshop[],
  countsOf: (workshop: ReportWorkshop) => RepliesCounts,
): ReportTable<RepliesRow> {
  return tableFromCounts(workshops, REPLIES_KEYS, (w) => ({ counts: countsOf(w), extra: {} }), finishReplies);
}

/** Table 1: participating administrations, invited participants, replies and both reply rates. */
export function repliesTable(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
): ReportTable<RepliesRow> {
  return buildTable<RepliesCounts, RepliesRow>(
    workshops,
    replies,
    REPLIES_KEYS,
    (w, rs) => ({
      counts: {
        participatingAdministrations: w.participatingAdministrations,
        invitedParticipants: w.invitedParticipants,
        replies: rs.length,
        respondingAdministrations: new Set(
          rs.map((r) => normalizeAdministrationCode(r.administrationCode)).filter((c) => c !== ""),
        ).size,
      },
      extra: {},
    }),
    finishReplies,
  );
}

// ---- Table 2: follow-up actions --------------------------------------------------------------

export type ActionCounts = Record<FollowUpAction, number> & { replies: number; answered: number; noActionYet: number };
const ACTION_KEYS = ["replies", "answered", "noActionYet", ...FOLLOW_UP_ACTIONS] as const;

function finishActions(c: ActionCounts): FollowUpActionsRow {
  const actions = {} as Record<FollowUpAction, CountAndPercent>;
  for (const a of FOLLOW_UP_ACTIONS) actions[a] = { count: c[a], percent: wholePercent(c[a], c.replies) };
  return { replies: c.replies, answered: c.answered, noActionYet: c.noActionYet, actions };
}

/** Table 2 from counts made per workshop. */
export function followUpActionsTableFromCounts(
  workshops: readonly ReportWorkshop[],
  countsOf: (workshop: ReportWorkshop) => ActionCounts,
): ReportTable<FollowUpActionsRow> {
  return tableFromCounts(workshops, ACTION_KEYS, (w) => ({ counts: countsOf(w), extra: {} }), finishActions);
}

/** Table 2: per action, the respondents who chose it, and that as a % of replies. */
export function followUpActionsTable(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): ReportTable<FollowUpActionsRow> {
  return buildTable<ActionCounts, FollowUpActionsRow>(
    workshops,
    replies.filter((r) => feedsTable(bindingsOf(r), "followUpActions")),
    ACTION_KEYS,
    (_w, rs) => {
      const counts = { replies: rs.length, answered: 0, noActionYet: 0 } as ActionCounts;
      for (const a of FOLLOW_UP_ACTIONS) counts[a] = 0;
      for (const r of rs) {
        const { chosen, noActionYet: noneYet } = readActions(r.answers, bindingsOf(r).followUpActions!);
        if (chosen.size > 0 || noneYet) counts.answered += 1;
        // An answer combining "none yet" with actions is refused on receipt; if one slips in, its actions count.
        if (noneYet && chosen.size === 0) counts.noActionYet += 1;
        for (const a of chosen) counts[a] += 1;
      }
      return { counts, extra: {} };
    },
    finishActions,
  );
}

// ---- Tables 3, 5, 6: yes / no ----------------------------------------------------------------

export type YesNoCounts = { replies: number; yes: number; no: number };
const YES_NO_KEYS = ["replies", "yes", "no"] as const;

function finishYesNo(c: YesNoCounts): YesNoRow {
  return {
    replies: c.replies,
    yes: c.yes,
    no: c.no,
    unanswered: c.replies - c.yes - c.no,
    yesPercent: wholePercent(c.yes, c.replies),
    noPercent: wholePercent(c.no, c.replies),
  };
}

/** Table 3, 5 or 6 from counts made per workshop. */
export function yesNoTableFromCounts(
  workshops: readonly ReportWorkshop[],
  countsOf: (workshop: ReportWorkshop) => YesNoCounts,
): ReportTable<YesNoRow> {
  return tableFromCounts(workshops, YES_NO_KEYS, (w) => ({ counts: countsOf(w), extra: {} }), finishYesNo);
}

/** A yes/no question per workshop: replies, yes, no, unanswered, and yes/no as % of replies. */
export function yesNoTable(
  table: YesNoTableKey,
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): ReportTable<YesNoRow> {
  return buildTable<YesNoCounts, YesNoRow>(
    workshops,
    replies.filter((r) => feedsTable(bindingsOf(r), table)),
    YES_NO_KEYS,
    (_w, rs) => {
      const counts: YesNoCounts = { replies: rs.length, yes: 0, no: 0 };
      for (const r of rs) {
        const answer = readYesNo(r.answers, bindingsOf(r)[table]!);
        if (answer !== null) counts[answer] += 1;
      }
      return { counts, extra: {} };
    },
    finishYesNo,
  );
}

/** Table 3: have respondents observed direct effects? */
export function directEffectsTable(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): ReportTable<YesNoRow> {
  return yesNoTable("directEffects", workshops, replies, bindingsOf);
}

/** Table 5: did the workshop improve the work efficiency and effectiveness of the administration? */
export function efficiencyTable(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): ReportTable<YesNoRow> {
  return yesNoTable("efficiency", workshops, replies, bindingsOf);
}

/** Table 6: has the administration initiated new (or enhanced) modernization projects? */
export function newProjectsTable(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): ReportTable<YesNoRow> {
  return yesNoTable("newProjects", workshops, replies, bindingsOf);
}

// ---- Tables 4, 7: administrations by action × outcome -----------------------------------------

/** Two action columns and one outcome column, each a test on one reply. */
export interface CrossTableDefinition<A extends string, O extends string> {
  actions: ReadonlyArray<{ key: A; label: string; action: FollowUpAction }>;
  outcome: { key: O; label: string; table: "directEffects" | "newProjects" };
}

export const EFFECTS_BY_ACTION: CrossTableDefinition<"shared" | "inhouse", "effects"> = {
  actions: [
    { key: "shared", label: "Shared materials", action: "shared_materials" },
    { key: "inhouse", label: "Organized in-house workshop", action: "inhouse_workshop" },
  ],
  outcome: { key: "effects", label: "Realized direct effects", table: "directEffects" },
};

export const PROJECTS_BY_ACTION: CrossTableDefinition<"reports" | "recommendations", "projects"> = {
  actions: [
    { key: "reports", label: "Submitted reports", action: "submitted_report" },
    { key: "recommendations", label: "Made recommendations", action: "made_recommendations" },
  ],
  outcome: { key: "projects", label: "Initiated new projects", table: "newProjects" },
};

/**
 * Per workshop, the administrations in each column (codes, sorted, unique), marked where they
 * appear "in both": in an action column, when the administration also realized the outcome; in the
 * outcome column, when it also took at least one of the actions. Entries and marks are then summed
 * over workshops: the total row's percents are "% of shared entries that also realized effects",
 * "% of in-house entries that also realized effects", "% of effects entries that had shared and/or
 * organized in-house" (table 4), and likewise for table 7.
 * Replies with a blank administration code cannot be listed and are left out of these two tables.
 */
export function crossTable<A extends string, O extends string>(
  definition: CrossTableDefinition<A, O>,
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): CrossTable<A | O> {
  const outcomeTable = definition.outcome.table === "directEffects" ? "effectsByAction" : "projectsByAction";
  const byWorkshop = repliesByWorkshop(
    workshops,
    replies.filter((r) => feedsTable(bindingsOf(r), outcomeTable)),
  );
  return crossTableFromColumns(definition, workshops, (w) => {
    const columnsOf = new Map<string, Set<A | O>>();
    for (const r of byWorkshop.get(w.id) ?? []) {
      const code = normalizeAdministrationCode(r.administrationCode);
      if (code === "") continue;
      const cols = columnsOf.get(code) ?? new Set<A | O>();
      columnsOf.set(code, cols);
      const bindings = bindingsOf(r);
      const { chosen } = readActions(r.answers, bindings.followUpActions!);
      for (const a of definition.actions) if (chosen.has(a.action)) cols.add(a.key);
      if (readYesNo(r.answers, bindings[definition.outcome.table]!) === "yes") cols.add(definition.outcome.key);
    }
    return columnsOf;
  });
}

/**
 * Table 4 or 7 from, per workshop, the columns each listed administration appears in (a summary
 * year stores the published lists): the same marks, sums and percentages as from replies.
 */
export function crossTableFromColumns<A extends string, O extends string>(
  definition: CrossTableDefinition<A, O>,
  workshops: readonly ReportWorkshop[],
  columnsOf: (workshop: ReportWorkshop) => ReadonlyMap<string, ReadonlySet<A | O>>,
): CrossTable<A | O> {
  type K = A | O;
  const columnKeys: K[] = [...definition.actions.map((a) => a.key), definition.outcome.key];
  const counterKeys = ["respondingAdministrations", ...columnKeys.flatMap((k) => [`${k}:entries`, `${k}:marked`])];
  const label = (k: K): string =>
    k === definition.outcome.key ? definition.outcome.label : definition.actions.find((a) => a.key === k)!.label;

  return tableFromCounts<Record<string, number>, CrossRow<K>, CrossWorkshopLists<K>>(
    workshops,
    counterKeys,
    (w) => {
      const columns = columnsOf(w);
      const codes = [...columns.keys()].sort();
      const administrations = {} as Record<K, Array<MarkedAdministration<K>>>;
      const counts: Record<string, number> = { respondingAdministrations: codes.length };
      for (const k of columnKeys) {
        const isOutcome = k === definition.outcome.key;
        const listed = codes
          .filter((code) => columns.get(code)!.has(k))
          .map((code) => {
            const cols = columns.get(code)!;
            // An action column is marked by the outcome; the outcome column by any action.
            const alsoIn = columnKeys.filter(
              (other) => other !== k && cols.has(other) && (isOutcome || other === definition.outcome.key),
            );
            return { code, marked: alsoIn.length > 0, alsoIn };
          });
        administrations[k] = listed;
        counts[`${k}:entries`] = listed.length;
        counts[`${k}:marked`] = listed.filter((a) => a.marked).length;
      }
      return { counts, extra: { administrations } };
    },
    (c) => {
      const columns = {} as Record<K, CrossColumn>;
      for (const k of columnKeys) {
        const entries = c[`${k}:entries`];
        const marked = c[`${k}:marked`];
        columns[k] = {
          role: k === definition.outcome.key ? "outcome" : "action",
          label: label(k),
          entries,
          marked,
          percent: wholePercent(marked, entries),
        };
      }
      return { respondingAdministrations: c.respondingAdministrations, columns };
    },
  );
}

/** Table 4: administrations that shared materials / organized in-house workshops / realized direct effects. */
export function effectsByActionTable(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): CrossTable<EffectsByActionColumn> {
  return crossTable(EFFECTS_BY_ACTION, workshops, replies, bindingsOf);
}

/** Table 7: administrations that submitted reports / made recommendations / initiated new projects. */
export function projectsByActionTable(
  workshops: readonly ReportWorkshop[],
  replies: readonly ReportReply[],
  bindingsOf: BindingsOf = shippedBindingsReader,
): CrossTable<ProjectsByActionColumn> {
  return crossTable(PROJECTS_BY_ACTION, workshops, replies, bindingsOf);
}
