// The summary sheet: a past year's published figures as one row per workshop (.xlsx or .csv), read
// cell by cell into a summary year, each refused cell named by sheet, row and column; and written back out.
import {
  MAX_SUMMARY_WORKSHOPS,
  summaryWorkshop,
  type SummaryAdministrations,
  type SummaryWorkshop,
  type SummaryYesNo,
} from "./summaryYear";
import { FOLLOW_UP_ACTIONS, type FollowUpAction, type WorkshopKind } from "./types";
import { importProblem as p, sayImportProblem, type ImportProblem } from "../importProblemWords";

type NumberKey =
  | "administrations"
  | "invited"
  | "replies"
  | FollowUpAction
  | "effects_yes"
  | "effects_no"
  | "efficiency_yes"
  | "efficiency_no"
  | "projects_yes"
  | "projects_no";
type ListKey = keyof SummaryAdministrations;

export interface SummarySheetColumn {
  key: "workshop" | "kind" | "month" | NumberKey | `list_${ListKey}`;
  /** The header cell, as the template writes it (read without case or surrounding spaces). */
  header: string;
  required: boolean;
}

/** The columns of the summary sheet, in the template's order. */
export const SUMMARY_SHEET_COLUMNS: readonly SummarySheetColumn[] = [
  { key: "workshop", header: "Workshop", required: true },
  { key: "kind", header: "Kind", required: true },
  { key: "month", header: "Month", required: false },
  { key: "administrations", header: "Participating administrations", required: true },
  { key: "invited", header: "Invited participants", required: false },
  { key: "replies", header: "Replies", required: true },
  { key: "shared_materials", header: "Shared materials", required: true },
  { key: "submitted_report", header: "Submitted reports", required: true },
  { key: "made_recommendations", header: "Made recommendations", required: true },
  { key: "inhouse_workshop", header: "In-house workshop", required: true },
  { key: "developed_manuals", header: "Developed manuals", required: true },
  { key: "other", header: "Others", required: true },
  { key: "effects_yes", header: "Direct effects yes", required: true },
  { key: "effects_no", header: "Direct effects no", required: false },
  { key: "efficiency_yes", header: "Efficiency yes", required: true },
  { key: "efficiency_no", header: "Efficiency no", required: false },
  { key: "projects_yes", header: "New projects yes", required: true },
  { key: "projects_no", header: "New projects no", required: false },
  { key: "list_shared", header: "Table 4 shared", required: false },
  { key: "list_inhouse", header: "Table 4 in-house", required: false },
  { key: "list_effects", header: "Table 4 effects", required: false },
  { key: "list_reports", header: "Table 7 reports", required: false },
  { key: "list_recommendations", header: "Table 7 recommendations", required: false },
  { key: "list_projects", header: "Table 7 projects", required: false },
];

const LIST_KEYS: readonly ListKey[] = ["shared", "inhouse", "effects", "reports", "recommendations", "projects"];
const KIND_WORDS: Record<string, WorkshopKind> = {
  regional: "regional",
  r: "regional",
  "sub-regional": "sub-regional",
  subregional: "sub-regional",
  s: "sub-regional",
  national: "national",
  n: "national",
};

/** A sheet as plain text cells: the header row and the data rows with their numbers in the file (1-based). */
export interface PlainSheet {
  name: string;
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

export interface SummarySheetIssue {
  sheet: string;
  row: number;
  /** The column's header as the template writes it ("" for the whole row). */
  column: string;
  message: string;
  /** The problem as data (its English is `message`); absent for a schema's own sentence. */
  problem?: ImportProblem;
}

const issueAt = (sheet: string, row: number, column: string, problem: ImportProblem): SummarySheetIssue => ({
  sheet,
  row,
  column,
  message: sayImportProblem(problem),
  problem,
});

export type SummarySheetResult =
  { ok: true; workshops: SummaryWorkshop[] } | { ok: false; issues: SummarySheetIssue[] };

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** Reads the sheet's rows into workshops; any refused cell refuses the whole sheet (nothing half-imported). */
export function readSummarySheet(sheet: PlainSheet): SummarySheetResult {
  const issues: SummarySheetIssue[] = [];
  const position = new Map<SummarySheetColumn["key"], number>();
  sheet.header.forEach((text, i) => {
    const column = SUMMARY_SHEET_COLUMNS.find((c) => normalise(c.header) === normalise(text));
    if (column) position.set(column.key, i);
    else if (text.trim() !== "") issues.push(issueAt(sheet.name, 1, text.trim(), p("summaryUnknownColumn")));
  });
  for (const c of SUMMARY_SHEET_COLUMNS)
    if (c.required && !position.has(c.key)) issues.push(issueAt(sheet.name, 1, c.header, p("summaryMissingColumn")));
  if (issues.length > 0) return { ok: false, issues };
  if (sheet.rows.length === 0) return { ok: false, issues: [issueAt(sheet.name, 2, "", p("summaryNoWorkshops"))] };
  if (sheet.rows.length > MAX_SUMMARY_WORKSHOPS) {
    const row = sheet.rows[MAX_SUMMARY_WORKSHOPS].row;
    const tooMany = p("summaryTooManyWorkshops", { max: String(MAX_SUMMARY_WORKSHOPS) });
    return { ok: false, issues: [issueAt(sheet.name, row, "", tooMany)] };
  }

  const workshops: SummaryWorkshop[] = [];
  for (const { row, cells } of sheet.rows) {
    const rowIssues: SummarySheetIssue[] = [];
    const refuse = (key: SummarySheetColumn["key"], problem: ImportProblem) =>
      rowIssues.push(issueAt(sheet.name, row, SUMMARY_SHEET_COLUMNS.find((c) => c.key === key)!.header, problem));
    const text = (key: SummarySheetColumn["key"]) => {
      const i = position.get(key);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const whole = (key: NumberKey): number | undefined => {
      const value = text(key);
      if (value === "") {
        if (SUMMARY_SHEET_COLUMNS.find((c) => c.key === key)!.required) refuse(key, p("summaryNumberNeeded"));
        return undefined;
      }
      if (!/^\d{1,6}$/.test(value)) {
        refuse(key, p("summaryNotWholeNumber", { value }));
        return undefined;
      }
      return Number(value);
    };

    const title = text("workshop");
    if (title === "") refuse("workshop", p("summaryTitleMissing"));
    else if (title.length > 300) refuse("workshop", p("summaryTitleTooLong"));
    const kindText = normalise(text("kind"));
    const kind = KIND_WORDS[kindText];
    if (!kind) refuse("kind", p("summaryNotKind", { value: text("kind") }));
    const month = text("month");
    if (month !== "" && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) refuse("month", p("summaryNotMonth", { value: month }));
    const administrations = whole("administrations");
    const invited = whole("invited");
    const replies = whole("replies");
    const actions = {} as Record<FollowUpAction, number>;
    for (const a of FOLLOW_UP_ACTIONS) actions[a] = whole(a) ?? 0;
    const yesNo = (yesKey: NumberKey, noKey: NumberKey): SummaryYesNo => {
      const yes = whole(yesKey) ?? 0;
      // The published Tables 3 and 5 print only "yes": the rest of the replies are taken as "no".
      const no = whole(noKey) ?? Math.max(0, (replies ?? 0) - yes);
      if (replies !== undefined && yes + no > replies)
        refuse(yesKey, p("summaryYesNoOverReplies", { yes: String(yes), no: String(no), replies: String(replies) }));
      return { yes, no };
    };
    const directEffects = yesNo("effects_yes", "effects_no");
    const efficiency = yesNo("efficiency_yes", "efficiency_no");
    const newProjects = yesNo("projects_yes", "projects_no");
    if (replies !== undefined)
      for (const a of FOLLOW_UP_ACTIONS)
        if (actions[a] > replies)
          refuse(a, p("summaryActionOverReplies", { count: String(actions[a]), replies: String(replies) }));

    // A row with every list cell blank has no Tables 4 and 7 lists (as when the columns are left out).
    let lists: SummaryAdministrations | undefined;
    if (LIST_KEYS.some((k) => text(`list_${k}`) !== "")) {
      lists = {} as SummaryAdministrations;
      for (const k of LIST_KEYS) {
        const codes = text(`list_${k}`)
          .split(/[\s,;]+/)
          .filter((c) => c !== "")
          .map((c) => c.toUpperCase());
        const bad = codes.find((c) => !/^[A-Z]{2,3}$/.test(c));
        if (bad !== undefined) refuse(`list_${k}`, p("summaryNotAdministrationCode", { value: bad }));
        lists[k] = codes;
      }
    }

    if (rowIssues.length === 0) {
      const candidate = {
        title,
        kind,
        ...(month !== "" ? { month } : {}),
        participatingAdministrations: administrations,
        ...(invited !== undefined ? { invitedParticipants: invited } : {}),
        replies,
        actions,
        directEffects,
        efficiency,
        newProjects,
        ...(lists ? { administrations: lists } : {}),
      };
      const parsed = summaryWorkshop.safeParse(candidate);
      if (parsed.success) workshops.push(parsed.data);
      else {
        // A schema's own sentence stays free English text; with none, the row is said unreadable.
        const said = parsed.error.issues[0]?.message;
        rowIssues.push(
          said === undefined
            ? issueAt(sheet.name, row, "", p("summaryRowUnreadable"))
            : { sheet: sheet.name, row, column: "", message: said },
        );
      }
    }
    issues.push(...rowIssues);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, workshops };
}

/** The workshops as the summary sheet's rows, header first: what the template and a download of a year hold. */
export function summarySheetRows(workshops: readonly SummaryWorkshop[]): string[][] {
  const cell = (w: SummaryWorkshop, key: SummarySheetColumn["key"]): string => {
    const lists = w.administrations;
    switch (key) {
      case "workshop":
        return w.title;
      case "kind":
        return w.kind;
      case "month":
        return w.month ?? "";
      case "administrations":
        return String(w.participatingAdministrations);
      case "invited":
        return w.invitedParticipants === undefined ? "" : String(w.invitedParticipants);
      case "replies":
        return String(w.replies);
      case "effects_yes":
        return String(w.directEffects.yes);
      case "effects_no":
        return String(w.directEffects.no);
      case "efficiency_yes":
        return String(w.efficiency.yes);
      case "efficiency_no":
        return String(w.efficiency.no);
      case "projects_yes":
        return String(w.newProjects.yes);
      case "projects_no":
        return String(w.newProjects.no);
      default:
        if (key.startsWith("list_")) return lists ? lists[key.slice(5) as ListKey].join(" ") : "";
        return String(w.actions[key as FollowUpAction]);
    }
  };
  return [
    SUMMARY_SHEET_COLUMNS.map((c) => c.header),
    ...workshops.map((w) => SUMMARY_SHEET_COLUMNS.map((c) => cell(w, c.key))),
  ];
}
