// Inputs and row shapes of the Good Practice Report tables. Plain data: no DOM, no Node APIs.
import type { Answers } from "../answers";

export type WorkshopKind = "regional" | "sub-regional" | "national";

/** Subtotals appear in this order; "national" only when the year has a national workshop. */
export const SUBTOTAL_KINDS: readonly WorkshopKind[] = ["sub-regional", "regional", "national"];

/** A workshop as the report sees it. The counts come from the organiser's workshop and invitation records. */
export interface ReportWorkshop {
  id: string;
  title: string;
  kind: WorkshopKind;
  /** Fiscal year label, July–June: "2022/23". */
  fiscalYear: string;
  /** Number of member administrations that took part (the published reply rate divides by this). */
  participatingAdministrations: number;
  /** Number of people invited to the follow-up survey. */
  invitedParticipants: number;
  /** Calendar month the workshop took place, "2022-11" (the published Table 1 prints it); absent when unknown. */
  month?: string;
}

/**
 * One reply that counts for the report: one per respondent (the caller keeps only the reply that
 * counts when a respondent sent several). The administration is the respondent's, as the report
 * lists it (two-letter code); it is trimmed and upper-cased before use.
 */
export interface ReportReply {
  workshopId: string;
  administrationCode: string;
  answers: Answers;
  /** The stored reply's id, so a table that leaves the reply out can name it. */
  id?: string;
  /** The questionnaire version the reply was made on: its bindings are how the report reads it. */
  questionnaireId?: string;
  questionnaireVersion?: number;
}

/** Replies of one questionnaire version that a table could not count, and why (report JSON: `leftOut`). */
export interface LeftOutReplies {
  questionnaireId: string;
  /** null for replies that do not say their version. */
  version: number | null;
  replies: number;
  /** The ids of those replies, where known. */
  replyIds: string[];
  /** The bindings (of `ReportBindings`) the table needs and this version lacks: what a screen words the reason from. */
  unbound: string[];
  /** The reason in English, as the data exports carry it. */
  reason: string;
}

/** A whole percent as the report prints it (half rounds up); null where the denominator is 0. */
export type Percent = number | null;

export interface WorkshopScope {
  scope: "workshop";
  /** 1-based position in the workshop list the table was computed from. */
  number: number;
  workshopId: string;
  title: string;
  kind: WorkshopKind;
}

export interface SubtotalScope {
  scope: "subtotal";
  kind: WorkshopKind;
  /** How many workshops the subtotal sums. */
  workshops: number;
}

export interface TotalScope {
  scope: "total";
  workshops: number;
}

/**
 * Every table: one row per workshop (in the given order), subtotals by kind, and a total.
 * Subtotal and total counts are sums of the workshop rows; their percentages are computed from
 * those summed counts (never averaged from the rows' percentages).
 */
export interface ReportTable<Row, WorkshopExtra = Record<never, never>> {
  rows: Array<WorkshopScope & Row & WorkshopExtra>;
  subtotals: Array<SubtotalScope & Row>;
  total: TotalScope & Row;
}

// ---- Table 1 ---------------------------------------------------------------------------------

export interface RepliesRow {
  participatingAdministrations: number;
  invitedParticipants: number;
  replies: number;
  /** Distinct administrations among the respondents; in subtotals and the total, the sum over workshops. */
  respondingAdministrations: number;
  /** replies ÷ participating administrations, as the office publishes it (may exceed 100%). */
  ratePerAdministration: Percent;
  /** replies ÷ invited participants. */
  ratePerParticipant: Percent;
}

// ---- Table 2 ---------------------------------------------------------------------------------

export const FOLLOW_UP_ACTIONS = [
  "shared_materials",
  "submitted_report",
  "made_recommendations",
  "inhouse_workshop",
  "developed_manuals",
  "other",
] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

export const FOLLOW_UP_ACTION_LABELS: Record<FollowUpAction, string> = {
  shared_materials: "Shared materials",
  submitted_report: "Submitted reports",
  made_recommendations: "Made recommendations",
  inhouse_workshop: "In-house workshop",
  developed_manuals: "Developed manuals / SOPs",
  other: "Others",
};

export interface CountAndPercent {
  count: number;
  percent: Percent;
}

export interface FollowUpActionsRow {
  replies: number;
  /** Replies that answered the question: chose at least one action, or "none yet" (the rest skipped it). */
  answered: number;
  /** Replies that said they had taken no follow-up action yet (counted in replies and answered, in no action column). */
  noActionYet: number;
  /** Respondents who chose each action, and that count as a % of replies. */
  actions: Record<FollowUpAction, CountAndPercent>;
}

// ---- Tables 3, 5, 6 --------------------------------------------------------------------------

export interface YesNoRow {
  replies: number;
  yes: number;
  no: number;
  /** Replies that skipped the question: replies = yes + no + unanswered. */
  unanswered: number;
  /** yes ÷ replies, as published (a skipped answer counts in replies, so it lowers the rate). */
  yesPercent: Percent;
  /** no ÷ replies. */
  noPercent: Percent;
}

// ---- Tables 4, 7 -----------------------------------------------------------------------------

export type EffectsByActionColumn = "shared" | "inhouse" | "effects";
export type ProjectsByActionColumn = "reports" | "recommendations" | "projects";

/** An administration listed in a column, with the other columns of the same workshop it also appears in. */
export interface MarkedAdministration<K extends string = string> {
  code: string;
  /** True where the administration appears "in both" (see CrossColumn.marked). */
  marked: boolean;
  alsoIn: K[];
}

export interface CrossColumn {
  role: "action" | "outcome";
  label: string;
  /** Administration entries in this column (summed over workshops in subtotals and the total). */
  entries: number;
  /**
   * Action column: entries whose administration also realized the outcome.
   * Outcome column: entries whose administration also took at least one of the action columns.
   */
  marked: number;
  /** marked ÷ entries. */
  percent: Percent;
}

export interface CrossRow<K extends string> {
  /** Distinct administrations among the workshop's respondents (summed over workshops below). */
  respondingAdministrations: number;
  columns: Record<K, CrossColumn>;
}

export interface CrossWorkshopLists<K extends string> {
  /** Per column, the administrations (codes, sorted, unique) with their marks. */
  administrations: Record<K, Array<MarkedAdministration<K>>>;
}

export type CrossTable<K extends string> = ReportTable<CrossRow<K>, CrossWorkshopLists<K>>;
