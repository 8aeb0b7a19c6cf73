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
}

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
    else if (text.trim() !== "")
      issues.push({ sheet: sheet.name, row: 1, column: text.trim(), message: "this column is not one the sheet has" });
  });
  for (const c of SUMMARY_SHEET_COLUMNS)
    if (c.required && !position.has(c.key))
      issues.push({ sheet: sheet.name, row: 1, column: c.header, message: "this column is missing from the header" });
  if (issues.length > 0) return { ok: false, issues };
  if (sheet.rows.length === 0)
    return { ok: false, issues: [{ sheet: sheet.name, row: 2, column: "", message: "the sheet has no workshops" }] };
  if (sheet.rows.length > MAX_SUMMARY_WORKSHOPS) {
    const row = sheet.rows[MAX_SUMMARY_WORKSHOPS].row;
    const message = `a year may hold at most ${MAX_SUMMARY_WORKSHOPS} workshops; this is one too many`;
    return { ok: false, issues: [{ sheet: sheet.name, row, column: "", message }] };
  }

  const workshops: SummaryWorkshop[] = [];
  for (const { row, cells } of sheet.rows) {
    const rowIssues: SummarySheetIssue[] = [];
    const refuse = (key: SummarySheetColumn["key"], message: string) =>
      rowIssues.push({
        sheet: sheet.name,
        row,
        column: SUMMARY_SHEET_COLUMNS.find((c) => c.key === key)!.header,
        message,
      });
    const text = (key: SummarySheetColumn["key"]) => {
      const i = position.get(key);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const whole = (key: NumberKey): number | undefined => {
      const value = text(key);
      if (value === "") {
        if (SUMMARY_SHEET_COLUMNS.find((c) => c.key === key)!.required) refuse(key, "a number is needed here");
        return undefined;
      }
      if (!/^\d{1,6}$/.test(value)) {
        refuse(key, `"${value}" is not a whole number of 0 or more`);
        return undefined;
      }
      return Number(value);
    };

    const title = text("workshop");
    if (title === "") refuse("workshop", "the workshop's title is missing");
    else if (title.length > 300) refuse("workshop", "the title is longer than 300 characters");
    const kindText = normalise(text("kind"));
    const kind = KIND_WORDS[kindText];
    if (!kind) refuse("kind", `"${text("kind")}" is not a kind: write regional, sub-regional or national`);
    const month = text("month");
    if (month !== "" && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      refuse("month", `"${month}" is not a month: write it like 2022-11`);
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
        refuse(yesKey, `Yes (${yes}) and No (${no}) together are more than the ${replies} replies`);
      return { yes, no };
    };
    const directEffects = yesNo("effects_yes", "effects_no");
    const efficiency = yesNo("efficiency_yes", "efficiency_no");
    const newProjects = yesNo("projects_yes", "projects_no");
    if (replies !== undefined)
      for (const a of FOLLOW_UP_ACTIONS)
        if (actions[a] > replies) refuse(a, `${actions[a]} respondents is more than the ${replies} replies`);

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
        if (bad !== undefined) refuse(`list_${k}`, `"${bad}" is not an administration code like FJ`);
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
      else
        rowIssues.push({
          sheet: sheet.name,
          row,
          column: "",
          message: parsed.error.issues[0]?.message ?? "this row cannot be read",
        });
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
