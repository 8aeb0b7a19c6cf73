// Tables 1–7 laid out as the office publishes them: rows of text cells carrying the report's marks.
// The analytic tables (tables.ts) hold every figure; this layout picks and words them the way the
// printed report does, so the console, the "as published" XLSX and the Word draft show the same cells, in English
// (the printed report's words) or French (publishedWording.ts).
import { formatPercent } from "./percent";
import { PUBLISHED_WORDING, countWithPercentIn, type PublishedWording, type ReportLanguage } from "./publishedWording";
import type { SurveyReport } from "./report";
import { normalizeAdministrationCode } from "./replyReading";
import {
  FOLLOW_UP_ACTIONS,
  type CrossTable,
  type Percent,
  type ReportReply,
  type ReportTable,
  type YesNoRow,
} from "./types";

/** A stretch of text in a cell; NB1 underlines, NB2 bolds. */
export interface PublishedRun {
  text: string;
  underline?: boolean;
  bold?: boolean;
}

export interface PublishedCell {
  runs: PublishedRun[];
}

/** "summary" rows are the "presumably led to" and "attributed to" lines under Tables 4 and 7. */
export type PublishedRowKind = "workshop" | "subtotal" | "total" | "summary";

export interface PublishedRow {
  kind: PublishedRowKind;
  cells: PublishedCell[];
}

export interface PublishedTable {
  number: number;
  caption: string;
  header: string[];
  rows: PublishedRow[];
  /** Printed under the table (the NB1 / NB2 explanations of the marks). */
  notes: string[];
}

/** Where the report prints nothing to count. */
export const PRINTED_DASH = "-";

/** "2022-11" → "Nov. 2022" ("nov. 2022"); null for anything that is not a year and month (read as text, not a Date). */
export function publishedMonth(month: string | undefined, language: ReportLanguage = "en"): string | null {
  const m = /^(\d{4})-(\d{2})/.exec(month ?? "");
  if (!m) return null;
  const index = Number(m[2]) - 1;
  return index >= 0 && index < 12 ? `${PUBLISHED_WORDING[language].months[index]} ${m[1]}` : null;
}

/** "32 (73%)", or just "32" where there is nothing to divide by. */
export function countWithPercent(count: number, percent: Percent): string {
  return percent === null ? String(count) : `${count} (${formatPercent(percent)})`;
}

/** The cell's text without its marks. */
export function cellText(cell: PublishedCell): string {
  return cell.runs.map((r) => r.text).join("");
}

const text = (value: string | number): PublishedCell => ({ runs: [{ text: String(value) }] });

function table1(report: SurveyReport, language: ReportLanguage): PublishedTable {
  const t = report.tables.replies;
  const w = PUBLISHED_WORDING[language];
  const monthOf = new Map(report.workshops.map((workshop) => [workshop.id, publishedMonth(workshop.month, language)]));
  return {
    number: 1,
    caption: w.table1.caption,
    header: [w.table1.number, w.workshop, w.table1.participating, w.replies],
    rows: [
      ...t.rows.map((r) => {
        const month = monthOf.get(r.workshopId);
        return {
          kind: "workshop" as const,
          cells: [
            text(r.number),
            text(month ? `${r.title} (${month})` : r.title),
            text(r.participatingAdministrations),
            text(r.replies),
          ],
        };
      }),
      ...t.subtotals.map((s) => ({
        kind: "subtotal" as const,
        cells: [
          text(""),
          text(w.kindTotals[s.kind]),
          text(s.participatingAdministrations),
          text(countWithPercentIn(w, s.replies, s.ratePerAdministration)),
        ],
      })),
      {
        kind: "total",
        cells: [
          text(""),
          text(w.total),
          text(t.total.participatingAdministrations),
          text(countWithPercentIn(w, t.total.replies, t.total.ratePerAdministration)),
        ],
      },
    ],
    notes: [w.table1.note],
  };
}

function table2(report: SurveyReport, w: PublishedWording): PublishedTable {
  const t = report.tables.followUpActions;
  return {
    number: 2,
    caption: w.table2.caption,
    header: [w.workshop, ...FOLLOW_UP_ACTIONS.map((a) => w.table2.actions[a])],
    rows: [
      ...t.rows.map((r) => ({
        kind: "workshop" as const,
        cells: [text(r.number), ...FOLLOW_UP_ACTIONS.map((a) => text(r.actions[a].count))],
      })),
      { kind: "total", cells: [text(w.total), ...FOLLOW_UP_ACTIONS.map((a) => text(t.total.actions[a].count))] },
    ],
    notes: [],
  };
}

function yesNo(
  w: PublishedWording,
  number: number,
  caption: string,
  t: ReportTable<YesNoRow>,
  withNo: boolean,
  notes: string[] = [],
): PublishedTable {
  return {
    number,
    caption,
    header: [w.workshop, w.replies, w.yes, ...(withNo ? [w.no] : [])],
    rows: [
      ...t.rows.map((r) => ({
        kind: "workshop" as const,
        cells: [text(r.number), text(r.replies), text(r.yes), ...(withNo ? [text(r.no)] : [])],
      })),
      {
        kind: "total",
        cells: [
          text(w.total),
          text(t.total.replies),
          text(countWithPercentIn(w, t.total.yes, t.total.yesPercent)),
          ...(withNo ? [text(countWithPercentIn(w, t.total.no, t.total.noPercent))] : []),
        ],
      },
    ],
    notes,
  };
}

/** Per workshop, each administration's place in the order its first reply arrived. */
function arrivalPositions(replies: readonly ReportReply[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of replies) {
    const positions = out.get(r.workshopId) ?? new Map<string, number>();
    out.set(r.workshopId, positions);
    const code = normalizeAdministrationCode(r.administrationCode);
    if (code !== "" && !positions.has(code)) positions.set(code, positions.size);
  }
  return out;
}

interface CrossWording<K extends string> {
  number: number;
  caption: string;
  actions: [K, K];
  outcome: K;
  ledTo: string;
  attributedTo: string;
  notes: [string, string];
}

function crossLayout<K extends string>(
  w: PublishedWording,
  t: CrossTable<K>,
  wording: CrossWording<K>,
  arrival: Map<string, Map<string, number>>,
): PublishedTable {
  const columns: K[] = [...wording.actions, wording.outcome];
  const listCell = (workshopId: string, column: K, listed: ReadonlyArray<{ code: string; marked: boolean }>) => {
    if (listed.length === 0) return text(PRINTED_DASH);
    const positions = arrival.get(workshopId) ?? new Map<string, number>();
    const place = (code: string) => positions.get(code) ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...listed].sort((a, b) => place(a.code) - place(b.code) || (a.code < b.code ? -1 : 1));
    const isOutcome = column === wording.outcome;
    const runs: PublishedRun[] = [];
    ordered.forEach((a, i) => {
      if (i > 0) runs.push({ text: ", " });
      runs.push(
        a.marked ? (isOutcome ? { text: a.code, bold: true } : { text: a.code, underline: true }) : { text: a.code },
      );
    });
    return { runs };
  };
  const total = t.total.columns;
  const marked = (k: K) => text(countWithPercentIn(w, total[k].marked, total[k].percent));
  return {
    number: wording.number,
    caption: wording.caption,
    header: [w.workshop, ...columns.map((k) => w.crossColumns?.[k] ?? total[k].label)],
    rows: [
      ...t.rows.map((r) => ({
        kind: "workshop" as const,
        cells: [text(r.number), ...columns.map((k) => listCell(r.workshopId, k, r.administrations[k]))],
      })),
      { kind: "total", cells: [text(w.total), ...columns.map((k) => text(total[k].entries))] },
      {
        kind: "summary",
        cells: [text(wording.ledTo), ...wording.actions.map(marked), text(PRINTED_DASH)],
      },
      {
        kind: "summary",
        cells: [text(wording.attributedTo), text(PRINTED_DASH), text(PRINTED_DASH), marked(wording.outcome)],
      },
    ],
    notes: wording.notes,
  };
}

/**
 * Tables 1–7 as published, workshops numbered in the report's order (the order of report.workshops).
 * `repliesInArrivalOrder` are the replies the report counted, oldest first: Tables 4 and 7 list a
 * workshop's administrations in the order their replies arrived, as the office types them. Worded in `language`.
 */
export function publishedTables(
  report: SurveyReport,
  repliesInArrivalOrder: readonly ReportReply[],
  language: ReportLanguage = "en",
): PublishedTable[] {
  const arrival = arrivalPositions(repliesInArrivalOrder);
  const t = report.tables;
  const w = PUBLISHED_WORDING[language];
  return [
    table1(report, language),
    table2(report, w),
    yesNo(w, 3, w.table3.caption, t.directEffects, false, [w.table3.note]),
    crossLayout(
      w,
      t.effectsByAction,
      { number: 4, actions: ["shared", "inhouse"], outcome: "effects", ...w.table4 },
      arrival,
    ),
    yesNo(w, 5, w.table5.caption, t.efficiency, false),
    yesNo(w, 6, w.table6.caption, t.newProjects, true),
    crossLayout(
      w,
      t.projectsByAction,
      { number: 7, actions: ["reports", "recommendations"], outcome: "projects", ...w.table7 },
      arrival,
    ),
  ];
}
