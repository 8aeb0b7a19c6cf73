// Tables 1–7 laid out as the office publishes them: rows of text cells carrying the report's marks.
// The analytic tables (tables.ts) hold every figure; this layout picks and words them the way the
// printed report does, so the console, the "as published" XLSX and the Word draft show the same cells.
import { formatPercent } from "./percent";
import type { SurveyReport } from "./report";
import { normalizeAdministrationCode } from "./replyReading";
import {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_ACTION_LABELS,
  type CrossTable,
  type Percent,
  type ReportReply,
  type ReportTable,
  type WorkshopKind,
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

const MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** "2022-11" → "Nov. 2022"; null for anything that is not a year and month (read as text, never as a Date). */
export function publishedMonth(month: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})/.exec(month ?? "");
  if (!m) return null;
  const index = Number(m[2]) - 1;
  return index >= 0 && index < 12 ? `${MONTHS[index]} ${m[1]}` : null;
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

const KIND_TOTAL_LABELS: Record<WorkshopKind, string> = {
  "sub-regional": "Sub-regional workshops",
  regional: "Regional workshops",
  national: "National workshops",
};

function table1(report: SurveyReport): PublishedTable {
  const t = report.tables.replies;
  const monthOf = new Map(report.workshops.map((w) => [w.id, publishedMonth(w.month)]));
  return {
    number: 1,
    caption: "Replies per workshop",
    header: ["No.", "Workshop", "Participating administrations", "Replies"],
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
          text(KIND_TOTAL_LABELS[s.kind]),
          text(s.participatingAdministrations),
          text(countWithPercent(s.replies, s.ratePerAdministration)),
        ],
      })),
      {
        kind: "total",
        cells: [
          text(""),
          text("Total"),
          text(t.total.participatingAdministrations),
          text(countWithPercent(t.total.replies, t.total.ratePerAdministration)),
        ],
      },
    ],
    notes: ["The reply rate is the number of replies divided by the number of participating administrations."],
  };
}

function table2(report: SurveyReport): PublishedTable {
  const t = report.tables.followUpActions;
  return {
    number: 2,
    caption: "Follow-up actions taken after the workshop",
    header: ["Workshop", ...FOLLOW_UP_ACTIONS.map((a) => FOLLOW_UP_ACTION_LABELS[a])],
    rows: [
      ...t.rows.map((r) => ({
        kind: "workshop" as const,
        cells: [text(r.number), ...FOLLOW_UP_ACTIONS.map((a) => text(r.actions[a].count))],
      })),
      { kind: "total", cells: [text("Total"), ...FOLLOW_UP_ACTIONS.map((a) => text(t.total.actions[a].count))] },
    ],
    notes: [],
  };
}

function yesNo(
  number: number,
  caption: string,
  t: ReportTable<YesNoRow>,
  withNo: boolean,
  notes: string[] = [],
): PublishedTable {
  return {
    number,
    caption,
    header: ["Workshop", "Replies", "Yes", ...(withNo ? ["No"] : [])],
    rows: [
      ...t.rows.map((r) => ({
        kind: "workshop" as const,
        cells: [text(r.number), text(r.replies), text(r.yes), ...(withNo ? [text(r.no)] : [])],
      })),
      {
        kind: "total",
        cells: [
          text("Total"),
          text(t.total.replies),
          text(countWithPercent(t.total.yes, t.total.yesPercent)),
          ...(withNo ? [text(countWithPercent(t.total.no, t.total.noPercent))] : []),
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
  const marked = (k: K) => text(countWithPercent(total[k].marked, total[k].percent));
  return {
    number: wording.number,
    caption: wording.caption,
    header: ["Workshop", ...columns.map((k) => total[k].label)],
    rows: [
      ...t.rows.map((r) => ({
        kind: "workshop" as const,
        cells: [text(r.number), ...columns.map((k) => listCell(r.workshopId, k, r.administrations[k]))],
      })),
      { kind: "total", cells: [text("Total"), ...columns.map((k) => text(total[k].entries))] },
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
 * workshop's administrations in the order their replies arrived, as the office types them.
 */
export function publishedTables(report: SurveyReport, repliesInArrivalOrder: readonly ReportReply[]): PublishedTable[] {
  const arrival = arrivalPositions(repliesInArrivalOrder);
  const t = report.tables;
  return [
    table1(report),
    table2(report),
    yesNo(3, "Direct effects observed from applying the lessons learnt", t.directEffects, false, [
      '"No" includes "not yet".',
    ]),
    crossLayout(
      t.effectsByAction,
      {
        number: 4,
        caption: "Administrations that shared materials or organized in-house workshops, and direct effects",
        actions: ["shared", "inhouse"],
        outcome: "effects",
        ledTo: "Presumably led to direct effects",
        attributedTo: "Attributed to sharing and/or in-house workshops",
        notes: [
          "NB1: Underlined administrations also realized direct effects.",
          "NB2: Administrations in bold also shared materials and/or organized an in-house workshop.",
        ],
      },
      arrival,
    ),
    yesNo(5, "Improvement of work efficiency and effectiveness", t.efficiency, false),
    yesNo(6, "New or enhanced modernization projects", t.newProjects, true),
    crossLayout(
      t.projectsByAction,
      {
        number: 7,
        caption: "Administrations that submitted reports or made recommendations, and new projects",
        actions: ["reports", "recommendations"],
        outcome: "projects",
        ledTo: "Presumably led to new projects",
        attributedTo: "Attributed to reports and/or recommendations",
        notes: [
          "NB1: Underlined administrations also initiated new projects.",
          "NB2: Administrations in bold also submitted reports and/or made recommendations.",
        ],
      },
      arrival,
    ),
  ];
}
