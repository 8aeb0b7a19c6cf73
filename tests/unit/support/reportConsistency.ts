// Checks that a report table is internally consistent: subtotals and total are the sums of the
// workshop rows (every numeric count, at any depth), and each row's percentages follow its counts.
import { expect } from "vitest";
import type { ReportTable } from "../../../src/shared/report";

/** Every numeric leaf that is a count (percent-like fields are checked by `percents`). */
function counts(value: unknown, path = ""): Record<string, number> {
  const out: Record<string, number> = {};
  if (typeof value === "number") {
    if (!/(percent|rate)/i.test(path) && path !== "number" && path !== "workshops") out[path] = value;
  } else if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) Object.assign(out, counts(v, path ? `${path}.${k}` : k));
  }
  return out;
}

function sumCounts(rows: readonly unknown[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const row of rows) for (const [k, v] of Object.entries(counts(row))) total[k] = (total[k] ?? 0) + v;
  return total;
}

export function expectConsistent<Row extends object, Extra>(table: ReportTable<Row, Extra>, percents: (row: Row) => void): void {
  const strip = (row: object) => {
    const { administrations: _lists, ...rest } = row as Record<string, unknown>;
    return rest;
  };
  expect(counts(table.total)).toEqual(sumCounts(table.rows.map(strip)));
  for (const s of table.subtotals) {
    const ofKind = table.rows.filter((r) => r.kind === s.kind);
    expect(s.workshops).toBe(ofKind.length);
    expect(counts(s), s.kind).toEqual(sumCounts(ofKind.map(strip)));
  }
  expect(sumCounts(table.subtotals)).toEqual(counts(table.total));
  expect(table.total.workshops).toBe(table.rows.length);
  for (const row of [...table.rows, ...table.subtotals, table.total]) {
    percents(row);
    for (const [k, v] of Object.entries(counts(row))) {
      expect(Number.isInteger(v) && v >= 0, k).toBe(true);
    }
  }
}
