// The report's inputs read from the database: the workshops of one fiscal year and the replies that count.
// Kept whole past 300 lines: one read of a year, the workshops, invitations and replies it joins and their mapping.
import type { Answers } from "../../shared/answers";
import {
  bindingsByVersion,
  compareYears,
  computeReport,
  fiscalYearRange,
  previousFiscalYear,
  reportFromSummary,
  type BindingsOf,
  type ReportReply,
  type ReportWorkshop,
  type SurveyReport,
  type WorkshopKind,
  type YearComparison,
} from "../../shared/report";
import type { ExpressionBuilder } from "kysely";
import type { OutriggerDatabase } from "../db/database";
import type { Database } from "../db/schema";
import { listBoundVersions } from "../db/reportBindings";
import { findSummaryYear } from "../db/summaryYears";

const KINDS: readonly WorkshopKind[] = ["regional", "sub-regional", "national"];

export interface ReportInput {
  workshops: ReportWorkshop[];
  replies: ReportReply[];
}

/** A stored reply of one of the year's workshops, with what the exports and the tracking need. */
export interface StoredYearReply {
  id: string;
  campaignId: string;
  workshopId: string;
  invitationCode: string;
  questionnaireId: string;
  questionnaireVersion: number;
  /** From the reply's `administration` answer, else the invitation's administration (may be ""). */
  administrationCode: string;
  answers: Answers;
  submittedAt: string;
  receivedAt: string;
  /** True for the one reply per invitation that counts (the latest received), never for a withdrawn invitation's. */
  counted: boolean;
  /** Its invitation was withdrawn: kept, marked, and left out of the tables. */
  invitationWithdrawn: boolean;
}

export interface YearData {
  fiscalYear: string;
  workshops: ReportWorkshop[];
  /** Every stored reply of the year's campaigns, oldest received first. */
  storedReplies: StoredYearReply[];
}

function parseAnswers(text: string): Answers {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Answers) : {};
  } catch {
    return {};
  }
}

function toKind(kind: string): WorkshopKind {
  return (KINDS as readonly string[]).includes(kind) ? (kind as WorkshopKind) : "national";
}

/** Rows of the year's campaigns that count: neither the campaign nor its workshop put away (archived demo data). */
function inLiveCampaignsOf(fiscalYear: string) {
  return (eb: ExpressionBuilder<Database, "workshops" | "campaigns">) =>
    eb.and([
      eb("workshops.fiscal_year", "=", fiscalYear),
      eb("workshops.archived_at", "is", null),
      eb("campaigns.archived_at", "is", null),
    ]);
}

/** Later wins: received_at, then submitted_at, then id (so the choice never depends on row order). */
export function isLater(
  a: { receivedAt: string; submittedAt: string; id: string },
  b: { receivedAt: string; submittedAt: string; id: string },
): boolean {
  const ta = Date.parse(a.receivedAt);
  const tb = Date.parse(b.receivedAt);
  if (ta !== tb) return ta > tb;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt > b.submittedAt;
  return a.id > b.id;
}

/**
 * Workshops of the fiscal year (the organiser's report order first, then by start date, undated last,
 * then id) with their counts,
 * and every stored reply of their campaigns. Throws a RangeError for a malformed fiscal year label.
 */
export async function loadYearData(db: OutriggerDatabase, fiscalYear: string): Promise<YearData> {
  fiscalYearRange(fiscalYear);
  const workshopRows = await db
    .selectFrom("workshops")
    .select([
      "id",
      "title",
      "kind",
      "starts_on",
      "month",
      "participating_administrations",
      "invited_participants",
      "report_position",
    ])
    .where("fiscal_year", "=", fiscalYear)
    // Archived workshops (the demo data put away) are in no table; their rows stay stored.
    .where("archived_at", "is", null)
    .execute();
  workshopRows.sort((a, b) => {
    // The organiser's numbering first (positions come back as strings from some drivers), then chronological.
    const pa = a.report_position === null ? Infinity : Number(a.report_position);
    const pb = b.report_position === null ? Infinity : Number(b.report_position);
    if (pa !== pb) return pa - pb;
    // A workshop known only by its month sorts as its first day.
    const sa = a.starts_on ?? (a.month === null ? null : `${a.month}-01`);
    const sb = b.starts_on ?? (b.month === null ? null : `${b.month}-01`);
    if (sa !== sb) {
      if (sa === null) return 1;
      if (sb === null) return -1;
      return sa < sb ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  const listedAdministrations = await db
    .selectFrom("workshop_administrations")
    .innerJoin("workshops", "workshops.id", "workshop_administrations.workshop_id")
    .select([
      "workshop_administrations.workshop_id as workshopId",
      "workshop_administrations.administration_code as code",
    ])
    .where("workshops.fiscal_year", "=", fiscalYear)
    .where("workshops.archived_at", "is", null)
    .execute();

  const invitations = await db
    .selectFrom("invitations")
    .innerJoin("campaigns", "campaigns.id", "invitations.campaign_id")
    .innerJoin("workshops", "workshops.id", "campaigns.workshop_id")
    .select([
      "invitations.code as code",
      "invitations.administration_code as administrationCode",
      "invitations.withdrawn_at as withdrawnAt",
      "campaigns.workshop_id as workshopId",
    ])
    .where(inLiveCampaignsOf(fiscalYear))
    .execute();

  const replyRows = await db
    .selectFrom("replies")
    .innerJoin("campaigns", "campaigns.id", "replies.campaign_id")
    .innerJoin("workshops", "workshops.id", "campaigns.workshop_id")
    .select([
      "replies.id as id",
      "replies.campaign_id as campaignId",
      "campaigns.workshop_id as workshopId",
      "replies.invitation_code as invitationCode",
      "replies.questionnaire_id as questionnaireId",
      "replies.questionnaire_version as questionnaireVersion",
      "replies.answers as answers",
      "replies.submitted_at as submittedAt",
      "replies.received_at as receivedAt",
    ])
    .where(inLiveCampaignsOf(fiscalYear))
    .execute();

  const invitationAdministration = new Map<string, string>();
  const invitedBy = new Map<string, number>();
  const invitedAdministrations = new Map<string, Set<string>>();
  const withdrawnCodes = new Set<string>();
  for (const i of invitations) {
    const code = (i.administrationCode ?? "").trim().toUpperCase();
    if (code !== "") invitationAdministration.set(i.code, code);
    // A withdrawn invitation is no longer one of the invited; its replies are marked below.
    if (i.withdrawnAt !== null) {
      withdrawnCodes.add(i.code);
      continue;
    }
    invitedBy.set(i.workshopId, (invitedBy.get(i.workshopId) ?? 0) + 1);
    if (code !== "") {
      const set = invitedAdministrations.get(i.workshopId) ?? new Set<string>();
      set.add(code);
      invitedAdministrations.set(i.workshopId, set);
    }
  }
  const listedBy = new Map<string, Set<string>>();
  for (const a of listedAdministrations) {
    const set = listedBy.get(a.workshopId) ?? new Set<string>();
    set.add(a.code);
    listedBy.set(a.workshopId, set);
  }

  const workshops: ReportWorkshop[] = workshopRows.map((w) => {
    const stored = w.participating_administrations === null ? null : Number(w.participating_administrations);
    const participatingAdministrations =
      stored ?? listedBy.get(w.id)?.size ?? invitedAdministrations.get(w.id)?.size ?? 0;
    return {
      id: w.id,
      title: w.title,
      kind: toKind(w.kind),
      fiscalYear,
      participatingAdministrations,
      // An imported earlier round says how many were invited without the invitations themselves.
      invitedParticipants:
        w.invited_participants === null ? (invitedBy.get(w.id) ?? 0) : Number(w.invited_participants),
      ...(w.starts_on ? { month: w.starts_on.slice(0, 7) } : w.month ? { month: w.month } : {}),
    };
  });

  const storedReplies: StoredYearReply[] = replyRows.map((r) => {
    const answers = parseAnswers(r.answers);
    const fromAnswer = typeof answers.administration === "string" ? answers.administration.trim().toUpperCase() : "";
    return {
      id: r.id,
      campaignId: r.campaignId,
      workshopId: r.workshopId,
      invitationCode: r.invitationCode,
      questionnaireId: r.questionnaireId,
      questionnaireVersion: Number(r.questionnaireVersion),
      administrationCode: fromAnswer !== "" ? fromAnswer : (invitationAdministration.get(r.invitationCode) ?? ""),
      answers,
      submittedAt: r.submittedAt,
      receivedAt: r.receivedAt,
      counted: false,
      invitationWithdrawn: withdrawnCodes.has(r.invitationCode),
    };
  });
  const latest = new Map<string, StoredYearReply>();
  for (const r of storedReplies) {
    if (r.invitationWithdrawn) continue;
    const current = latest.get(r.invitationCode);
    if (!current || isLater(r, current)) latest.set(r.invitationCode, r);
  }
  for (const r of latest.values()) r.counted = true;
  storedReplies.sort(
    (a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  return { fiscalYear, workshops, storedReplies };
}

/** The replies that count, as the report functions take them. */
export function countedReplies(data: YearData): ReportReply[] {
  return data.storedReplies
    .filter((r) => r.counted)
    .map((r) => ({
      workshopId: r.workshopId,
      administrationCode: r.administrationCode,
      answers: r.answers,
      id: r.id,
      questionnaireId: r.questionnaireId,
      questionnaireVersion: r.questionnaireVersion,
    }));
}

/** The report's input for one fiscal year: its workshops and one reply per invitation. */
export async function loadReportInput(db: OutriggerDatabase, fiscalYear: string): Promise<ReportInput> {
  const data = await loadYearData(db, fiscalYear);
  return { workshops: data.workshops, replies: countedReplies(data) };
}

export interface BuiltReport {
  report: SurveyReport;
  /** The previous fiscal year's report: from its replies, else from its stored summary, else from its workshops alone. */
  previous: SurveyReport | null;
  /** Where the previous year's figures come from (null when there is no previous year). */
  previousSource: YearSource | null;
  /** Headline percentages of this year beside the previous year's (previous null when there is none). */
  comparison: YearComparison[];
}

export type YearSource = "replies" | "summary" | "workshops";

/**
 * A year's report for comparisons and trends: computed from its replies when it has any; else from the
 * organiser's stored summary (the raw replies of past rounds are often not here); else from its
 * workshops with no replies; null when the year has none of these.
 */
export async function yearReport(
  db: OutriggerDatabase,
  fiscalYear: string,
  bindingsOf?: BindingsOf,
): Promise<{ report: SurveyReport; source: YearSource } | null> {
  // Each reply is read through its own version's bindings, as stored now.
  const readWith = bindingsOf ?? bindingsByVersion(await listBoundVersions(db));
  const input = await loadReportInput(db, fiscalYear);
  if (input.replies.length > 0)
    return { report: computeReport({ fiscalYear, ...input, bindingsOf: readWith }), source: "replies" };
  const summary = await findSummaryYear(db, fiscalYear);
  if (summary) return { report: reportFromSummary(summary), source: "summary" };
  if (input.workshops.length > 0)
    return { report: computeReport({ fiscalYear, ...input, bindingsOf: readWith }), source: "workshops" };
  return null;
}

/** The seven tables of one fiscal year, and the previous year's (see yearReport). */
export async function buildReport(db: OutriggerDatabase, fiscalYear: string): Promise<BuiltReport> {
  return (await buildReportWithReplies(db, fiscalYear)).built;
}

/**
 * The built report and the replies it counted, oldest received first (the published Tables 4 and 7
 * list administrations in that order). Kept apart from buildReport so its JSON carries no raw answers.
 */
export async function buildReportWithReplies(
  db: OutriggerDatabase,
  fiscalYear: string,
): Promise<{ built: BuiltReport; replies: ReportReply[] }> {
  // Each reply is read through its own version's bindings, as stored now.
  const bindingsOf = bindingsByVersion(await listBoundVersions(db));
  const input = await loadReportInput(db, fiscalYear);
  const report = computeReport({ fiscalYear, ...input, bindingsOf });
  const previous = await yearReport(db, previousFiscalYear(fiscalYear), bindingsOf);
  return {
    built: {
      report,
      previous: previous?.report ?? null,
      previousSource: previous?.source ?? null,
      comparison: compareYears(report, previous?.report),
    },
    replies: input.replies,
  };
}
