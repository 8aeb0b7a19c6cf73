// The "at a glance" figures of a report table given as rows: the total row's percentage columns, as bars to look at.
import type { RowsTableCell } from "./RowsTable";

export interface PercentBar {
  /** The column's name without its " (%)" ("Shared the materials"). */
  label: string;
  percent: number;
}

const PERCENT_COLUMN = /^(.*?)\s*\(%\)$/;

/**
 * The last row whose workshop cell says "Total" gives one bar per "… (%)" column that holds a number.
 * A table without such a row or column gives none (nothing to draw, the table says it all).
 */
export function totalPercentBars(rows: RowsTableCell[][]): PercentBar[] {
  const header = rows[0] ?? [];
  const total = rows
    .slice(1)
    .reverse()
    .find((row) => row.some((cell) => /^Total\b/.test(String(cell ?? ""))));
  if (!total) return [];
  const bars: PercentBar[] = [];
  header.forEach((name, column) => {
    const label = PERCENT_COLUMN.exec(String(name ?? ""))?.[1];
    const value = total[column];
    if (label && typeof value === "number" && Number.isFinite(value))
      bars.push({ label, percent: Math.max(0, Math.min(100, value)) });
  });
  return bars;
}
