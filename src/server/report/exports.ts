// Exports of the report: each table as rows with one key and label per column (for CSV, XLSX and JSON), and the CSV writer.
import { ANSWER_TAG_LABELS, type ReportQuotes } from "../../shared/feedback";
import {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_ACTION_LABELS,
  type CrossRow,
  type CrossTable,
  type CrossWorkshopLists,
  type FollowUpActionsRow,
  type RepliesRow,
  type ReportTable,
  type SubtotalScope,
  type SurveyReport,
  type TotalScope,
  type WorkshopKind,
  type WorkshopScope,
  type YesNoRow,
  type YearComparison,
} from "../../shared/report";
import type { Cell, Row, Sheet } from "./xlsx";

export type { Cell, Row, Sheet } from "./xlsx";

type AnyScope = WorkshopScope | SubtotalScope | TotalScope;
type AnyTable = ReportTable<RepliesRow> | ReportTable<FollowUpActionsRow> | ReportTable<YesNoRow> | CrossTable<string>;

const KIND_LABELS: Record<WorkshopKind, string> = {
  regional: "Regional",
  "sub-regional": "Sub-regional",
  national: "National",
};

/** The first three cells of every row: number, workshop (or subtotal / total), kind. */
function scopeCells(row: AnyScope): Cell[] {
  if (row.scope === "workshop") return [row.number, row.title, KIND_LABELS[row.kind]];
  if (row.scope === "subtotal")
    return [null, `${KIND_LABELS[row.kind]} workshops (${row.workshops})`, KIND_LABELS[row.kind]];
  return [null, `Total (${row.workshops} workshops)`, null];
}

/** A column of an exported table: its key (the JSON's) and its label (the CSV's and XLSX's header). */
export interface ExportColumn {
  key: string;
  label: string;
}
const column = (key: string, label: string): ExportColumn => ({ key, label });

const SCOPE_COLUMNS: ExportColumn[] = [column("number", "#"), column("workshop", "Workshop"), column("kind", "Kind")];

const REPLIES_COLUMNS: ExportColumn[] = [
  ...SCOPE_COLUMNS,
  column("participatingAdministrations", "Participating administrations"),
  column("invitedParticipants", "Invited participants"),
  column("replies", "Replies"),
  column("respondingAdministrations", "Responding administrations"),
  column("ratePerAdministration", "Reply rate per administration (%)"),
  column("ratePerParticipant", "Reply rate per participant (%)"),
];

const ACTIONS_COLUMNS: ExportColumn[] = [
  ...SCOPE_COLUMNS,
  column("replies", "Replies"),
  column("answered", "Answered"),
  column("noActionYet", "No action yet"),
  ...FOLLOW_UP_ACTIONS.flatMap((a) => [
    column(`actions.${a}.count`, FOLLOW_UP_ACTION_LABELS[a]),
    column(`actions.${a}.percent`, `${FOLLOW_UP_ACTION_LABELS[a]} (%)`),
  ]),
];

const YES_NO_COLUMNS: ExportColumn[] = [
  ...SCOPE_COLUMNS,
  column("replies", "Replies"),
  column("yes", "Yes"),
  column("no", "No"),
  column("unanswered", "Unanswered"),
  column("yesPercent", "Yes (%)"),
  column("noPercent", "No (%)"),
];

function crossColumns(table: CrossTable<string>): ExportColumn[] {
  return [
    ...SCOPE_COLUMNS,
    column("respondingAdministrations", "Responding administrations"),
    ...Object.keys(table.total.columns).flatMap((k) => {
      const label = table.total.columns[k].label;
      return [
        column(`columns.${k}.administrations`, `${label}: administrations (* = in both)`),
        column(`columns.${k}.entries`, `${label}: entries`),
        column(`columns.${k}.marked`, `${label}: in both`),
        column(`columns.${k}.percent`, `${label}: in both (%)`),
      ];
    }),
  ];
}

const labels = (columns: readonly ExportColumn[]): Cell[] => columns.map((c) => c.label);

function allRows<R>(table: ReportTable<R, unknown>): Array<AnyScope & R> {
  return [...table.rows, ...table.subtotals, table.total] as Array<AnyScope & R>;
}

function repliesRows(table: ReportTable<RepliesRow>): Row[] {
  const header = labels(REPLIES_COLUMNS);
  return [
    header,
    ...allRows(table).map((r) => [
      ...scopeCells(r),
      r.participatingAdministrations,
      r.invitedParticipants,
      r.replies,
      r.respondingAdministrations,
      r.ratePerAdministration,
      r.ratePerParticipant,
    ]),
  ];
}

function followUpActionsRows(table: ReportTable<FollowUpActionsRow>): Row[] {
  const header = labels(ACTIONS_COLUMNS);
  return [
    header,
    ...allRows(table).map((r) => [
      ...scopeCells(r),
      r.replies,
      r.answered,
      r.noActionYet,
      ...FOLLOW_UP_ACTIONS.flatMap((a) => [r.actions[a].count, r.actions[a].percent]),
    ]),
  ];
}

function yesNoRows(table: ReportTable<YesNoRow>): Row[] {
  const header = labels(YES_NO_COLUMNS);
  return [
    header,
    ...allRows(table).map((r) => [...scopeCells(r), r.replies, r.yes, r.no, r.unanswered, r.yesPercent, r.noPercent]),
  ];
}

/** An administration as listed in tables 4 and 7: its code, with "*" where it appears in both. */
function listed(a: { code: string; marked: boolean }): string {
  return a.marked ? `${a.code}*` : a.code;
}

function crossRows(table: CrossTable<string>): Row[] {
  const keys = Object.keys(table.total.columns);
  const header = labels(crossColumns(table));
  const rows = allRows(table) as Array<AnyScope & CrossRow<string> & Partial<CrossWorkshopLists<string>>>;
  return [
    header,
    ...rows.map((r) => [
      ...scopeCells(r),
      r.respondingAdministrations,
      ...keys.flatMap((k) => {
        const c = r.columns[k];
        const names = r.scope === "workshop" && r.administrations ? r.administrations[k].map(listed).join(", ") : null;
        return [names, c.entries, c.marked, c.percent];
      }),
    ]),
  ];
}

/**
 * One report table as a header row and one row per workshop, subtotal and total. Counts are
 * numbers; percentages are numbers 0–100 (whole percents) or empty where there is nothing to divide by.
 */
export function tableToRows(table: AnyTable): Row[] {
  const sample = table.total as unknown as Record<string, unknown>;
  if ("columns" in sample) return crossRows(table as CrossTable<string>);
  if ("actions" in sample) return followUpActionsRows(table as ReportTable<FollowUpActionsRow>);
  if ("participatingAdministrations" in sample) return repliesRows(table as ReportTable<RepliesRow>);
  return yesNoRows(table as ReportTable<YesNoRow>);
}

/** The key and label of each column tableToRows gives, in its order. */
export function tableColumns(table: AnyTable): ExportColumn[] {
  const sample = table.total as unknown as Record<string, unknown>;
  if ("columns" in sample) return crossColumns(table as CrossTable<string>);
  if ("actions" in sample) return ACTIONS_COLUMNS;
  if ("participatingAdministrations" in sample) return REPLIES_COLUMNS;
  return YES_NO_COLUMNS;
}

export type ReportTableKey = keyof SurveyReport["tables"];

/** The seven tables in the report's order, with their number and title. */
export const REPORT_TABLES: ReadonlyArray<{ key: ReportTableKey; number: number; title: string }> = [
  { key: "replies", number: 1, title: "Replies" },
  { key: "followUpActions", number: 2, title: "Follow-up actions" },
  { key: "directEffects", number: 3, title: "Direct effects" },
  { key: "effectsByAction", number: 4, title: "Direct effects x actions" },
  { key: "efficiency", number: 5, title: "Efficiency" },
  { key: "newProjects", number: 6, title: "New projects" },
  { key: "projectsByAction", number: 7, title: "New projects x actions" },
];

/** One sheet per table ("Table 2 Follow-up actions"), in the report's order. */
export function reportToSheets(report: SurveyReport): Sheet[] {
  return REPORT_TABLES.map((t) => ({
    name: `Table ${t.number} ${t.title}`,
    rows: tableToRows(report.tables[t.key] as AnyTable),
  }));
}

/** The year-on-year comparison as rows. */
export function comparisonToRows(comparison: readonly YearComparison[]): Row[] {
  return [
    ["Table", "Figure", "Previous year (%)", "This year (%)", "Change"],
    ...comparison.map((c) => [c.table, c.label, c.previous, c.current, c.text]),
  ];
}

/** The picked quotes as rows, under their report headings in the report's order (the "Quotes" sheet, quotes.csv). */
export function quotesToRows(quotes: ReportQuotes): Row[] {
  return [
    ["Heading", "Quote", "Administration", "Administration code", "Workshop", "Tag", "Needs review"],
    ...quotes.headings.flatMap((h) =>
      h.quotes.map((q) => [
        h.label,
        q.text,
        q.administration.name,
        q.administration.code,
        q.workshop.title,
        ANSWER_TAG_LABELS[q.tag],
        q.needsReview === true ? "yes" : "no",
      ]),
    ),
  ];
}

// ---- CSV ---------------------------------------------------------------------------------------

/** Characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written to CSV: a leading = + - @ (or tab / CR) is neutralised with a single quote. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: fields quoted where needed, CRLF line ends, and a UTF-8 byte order mark so Excel reads accents. */
export function toCsv(rows: readonly Row[]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

// ---- JSON --------------------------------------------------------------------------------------

export interface ReportJsonExtras {
  previous?: SurveyReport | null;
  comparison?: readonly YearComparison[];
  generatedAt?: Date;
  /** The picked quotes by heading, as GET …/quotes lists them. */
  quotes?: ReportQuotes["headings"];
}

/** The report as JSON text: every table with its counts and percentages (null where undefined). */
export function reportToJson(report: SurveyReport, extras: ReportJsonExtras = {}): string {
  const body: Record<string, unknown> = { format: "outrigger-report", formatVersion: 1 };
  if (extras.generatedAt) body.generatedAt = extras.generatedAt.toISOString();
  body.report = report;
  // The same rows as the CSV and XLSX, each column with its key and label, so the three exports agree.
  body.tables = REPORT_TABLES.map((t) => {
    const table = report.tables[t.key] as AnyTable;
    return {
      key: t.key,
      number: t.number,
      title: t.title,
      columns: tableColumns(table),
      rows: tableToRows(table).slice(1),
    };
  });
  if (extras.comparison) body.comparison = extras.comparison;
  if (extras.previous !== undefined) body.previous = extras.previous;
  if (extras.quotes) body.quotes = extras.quotes;
  return JSON.stringify(body, null, 2);
}
