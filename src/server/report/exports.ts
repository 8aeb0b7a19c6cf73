// Exports of the report: each table as rows with one key and label per column (for CSV, XLSX and JSON), and the CSV writer.
import { ANSWER_TAG_LABELS, type ReportQuotes } from "../../shared/feedback";
import {
  ANALYTIC_WORDING,
  FOLLOW_UP_ACTIONS,
  type AnalyticTableKey,
  type AnalyticWording,
  type CrossRow,
  type CrossTable,
  type CrossWorkshopLists,
  type FollowUpActionsRow,
  type RepliesRow,
  type ReportTable,
  type SubtotalScope,
  type SurveyReport,
  type TotalScope,
  type WorkshopScope,
  type YesNoRow,
  type YearComparison,
} from "../../shared/report";
import type { Cell, Row, Sheet } from "./xlsx";

export type { Cell, Row, Sheet } from "./xlsx";

type AnyScope = WorkshopScope | SubtotalScope | TotalScope;
type AnyTable = ReportTable<RepliesRow> | ReportTable<FollowUpActionsRow> | ReportTable<YesNoRow> | CrossTable<string>;

/** The first three cells of every row: number, workshop (or subtotal / total), kind. */
function scopeCells(row: AnyScope, w: AnalyticWording): Cell[] {
  if (row.scope === "workshop") return [row.number, row.title, w.kinds[row.kind]];
  if (row.scope === "subtotal") return [null, w.subtotal(row.kind, row.workshops), w.kinds[row.kind]];
  return [null, w.total(row.workshops), null];
}

/** A column of an exported table: its key (the JSON's) and its label (the CSV's and XLSX's header). */
export interface ExportColumn {
  key: string;
  label: string;
}
type ColumnKey = keyof AnalyticWording["columns"];
/** The columns of `keys`, headed in `w`'s words. */
const columns = (w: AnalyticWording, ...keys: ColumnKey[]): ExportColumn[] =>
  keys.map((key) => ({ key, label: w.columns[key] }));
const column = (key: string, label: string): ExportColumn => ({ key, label });

const scopeColumns = (w: AnalyticWording) => columns(w, "number", "workshop", "kind");

const repliesColumns = (w: AnalyticWording): ExportColumn[] => [
  ...scopeColumns(w),
  ...columns(
    w,
    "participatingAdministrations",
    "invitedParticipants",
    "replies",
    "respondingAdministrations",
    "ratePerAdministration",
    "ratePerParticipant",
  ),
];

const actionsColumns = (w: AnalyticWording): ExportColumn[] => [
  ...scopeColumns(w),
  ...columns(w, "replies", "answered", "noActionYet"),
  ...FOLLOW_UP_ACTIONS.flatMap((a) => [
    column(`actions.${a}.count`, w.actions[a]),
    column(`actions.${a}.percent`, w.percentOf(w.actions[a])),
  ]),
];

const yesNoColumns = (w: AnalyticWording): ExportColumn[] => [
  ...scopeColumns(w),
  ...columns(w, "replies", "yes", "no", "unanswered", "yesPercent", "noPercent"),
];

function crossColumns(table: CrossTable<string>, w: AnalyticWording): ExportColumn[] {
  return [
    ...scopeColumns(w),
    ...columns(w, "respondingAdministrations"),
    ...Object.keys(table.total.columns).flatMap((k) => {
      const label = w.crossColumns?.[k] ?? table.total.columns[k].label;
      return [
        column(`columns.${k}.administrations`, w.cross.administrations(label)),
        column(`columns.${k}.entries`, w.cross.entries(label)),
        column(`columns.${k}.marked`, w.cross.marked(label)),
        column(`columns.${k}.percent`, w.cross.percent(label)),
      ];
    }),
  ];
}

const labels = (columns: readonly ExportColumn[]): Cell[] => columns.map((c) => c.label);

function allRows<R>(table: ReportTable<R, unknown>): Array<AnyScope & R> {
  return [...table.rows, ...table.subtotals, table.total] as Array<AnyScope & R>;
}

function repliesRows(table: ReportTable<RepliesRow>, w: AnalyticWording): Row[] {
  const header = labels(repliesColumns(w));
  return [
    header,
    ...allRows(table).map((r) => [
      ...scopeCells(r, w),
      r.participatingAdministrations,
      r.invitedParticipants,
      r.replies,
      r.respondingAdministrations,
      r.ratePerAdministration,
      r.ratePerParticipant,
    ]),
  ];
}

function followUpActionsRows(table: ReportTable<FollowUpActionsRow>, w: AnalyticWording): Row[] {
  const header = labels(actionsColumns(w));
  return [
    header,
    ...allRows(table).map((r) => [
      ...scopeCells(r, w),
      r.replies,
      r.answered,
      r.noActionYet,
      ...FOLLOW_UP_ACTIONS.flatMap((a) => [r.actions[a].count, r.actions[a].percent]),
    ]),
  ];
}

function yesNoRows(table: ReportTable<YesNoRow>, w: AnalyticWording): Row[] {
  const header = labels(yesNoColumns(w));
  return [
    header,
    ...allRows(table).map((r) => [
      ...scopeCells(r, w),
      r.replies,
      r.yes,
      r.no,
      r.unanswered,
      r.yesPercent,
      r.noPercent,
    ]),
  ];
}

/** An administration as listed in tables 4 and 7: its code, with "*" where it appears in both. */
function listed(a: { code: string; marked: boolean }): string {
  return a.marked ? `${a.code}*` : a.code;
}

function crossRows(table: CrossTable<string>, w: AnalyticWording): Row[] {
  const keys = Object.keys(table.total.columns);
  const header = labels(crossColumns(table, w));
  const rows = allRows(table) as Array<AnyScope & CrossRow<string> & Partial<CrossWorkshopLists<string>>>;
  return [
    header,
    ...rows.map((r) => [
      ...scopeCells(r, w),
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
 * Headings and row labels in English (the exports' words) unless another wording is given.
 */
export function tableToRows(table: AnyTable, w: AnalyticWording = ANALYTIC_WORDING.en): Row[] {
  const sample = table.total as unknown as Record<string, unknown>;
  if ("columns" in sample) return crossRows(table as CrossTable<string>, w);
  if ("actions" in sample) return followUpActionsRows(table as ReportTable<FollowUpActionsRow>, w);
  if ("participatingAdministrations" in sample) return repliesRows(table as ReportTable<RepliesRow>, w);
  return yesNoRows(table as ReportTable<YesNoRow>, w);
}

/** The key and label of each column tableToRows gives, in its order. */
export function tableColumns(table: AnyTable, w: AnalyticWording = ANALYTIC_WORDING.en): ExportColumn[] {
  const sample = table.total as unknown as Record<string, unknown>;
  if ("columns" in sample) return crossColumns(table as CrossTable<string>, w);
  if ("actions" in sample) return actionsColumns(w);
  if ("participatingAdministrations" in sample) return repliesColumns(w);
  return yesNoColumns(w);
}

export type ReportTableKey = AnalyticTableKey;

/** The seven tables in the report's order, with their number and title. */
export const REPORT_TABLES: ReadonlyArray<{ key: ReportTableKey; number: number; title: string }> = (
  [
    "replies",
    "followUpActions",
    "directEffects",
    "effectsByAction",
    "efficiency",
    "newProjects",
    "projectsByAction",
  ] as const
).map((key, i) => ({ key, number: i + 1, title: ANALYTIC_WORDING.en.titles[key] }));

/** One sheet per table ("Table 2 Follow-up actions"), in the report's order; English unless another wording is given. */
export function reportToSheets(report: SurveyReport, w: AnalyticWording = ANALYTIC_WORDING.en): Sheet[] {
  return REPORT_TABLES.map((t) => ({
    name: w.sheetName(t.number, w.titles[t.key]),
    rows: tableToRows(report.tables[t.key] as AnyTable, w),
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
