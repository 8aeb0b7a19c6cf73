// The summary sheet read cell by cell: the report's own words accepted, blank No filled in, a year too long refused.
import { describe, expect, it } from "vitest";
import {
  MAX_SUMMARY_WORKSHOPS,
  SUMMARY_SHEET_COLUMNS,
  computeReport,
  readSummarySheet,
  summaryOfReport,
  summarySheetRows,
  type PlainSheet,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

const REQUIRED = SUMMARY_SHEET_COLUMNS.filter((c) => c.required).map((c) => c.header);
const sheetOf = (header: string[], rows: string[][]): PlainSheet => ({
  name: "Summary",
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe("the summary sheet", () => {
  it("reads back what it writes, Tables 4 and 7 lists included", () => {
    const { workshops } = summaryOfReport(
      computeReport({ fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES }),
    );
    const [header, ...rows] = summarySheetRows(workshops);
    expect(readSummarySheet(sheetOf(header, rows))).toEqual({ ok: true, workshops });
  });

  it("takes kinds as the report marks them (R, S), headers in any case, and a blank No as the rest of the replies", () => {
    const header = REQUIRED.map((h) => h.toUpperCase());
    const result = readSummarySheet(
      sheetOf(header, [["Canines", "R", "18", "6", "5", "5", "4", "4", "1", "3", "3", "6", "2"]]),
    );
    expect(result.ok && result.workshops[0]).toMatchObject({
      kind: "regional",
      replies: 6,
      directEffects: { yes: 3, no: 3 },
      newProjects: { yes: 2, no: 4 },
    });
    expect(result.ok && result.workshops[0].administrations).toBeUndefined();
  });

  it("refuses a column it does not know, naming it", () => {
    const result = readSummarySheet(sheetOf([...REQUIRED, "Notes"], []));
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          sheet: "Summary",
          row: 1,
          column: "Notes",
          message: "this column is not one the sheet has",
          problem: { code: "summaryUnknownColumn" },
        },
      ],
    });
  });

  it("refuses a year with more workshops than a year may hold, at the first row too many", () => {
    const row = ["W", "regional", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"];
    const result = readSummarySheet(
      sheetOf(
        REQUIRED,
        Array.from({ length: MAX_SUMMARY_WORKSHOPS + 1 }, () => row),
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.row)).toEqual([MAX_SUMMARY_WORKSHOPS + 2]);
  });

  it("refuses an administration code that is not one, in its list column", () => {
    const header = [...REQUIRED, "Table 4 shared"];
    const result = readSummarySheet(
      sheetOf(header, [["W", "S", "3", "2", "2", "0", "0", "0", "0", "0", "0", "0", "0", "FJ, Tonga"]]),
    );
    expect(!result.ok && result.issues).toEqual([
      {
        sheet: "Summary",
        row: 2,
        column: "Table 4 shared",
        message: '"TONGA" is not an administration code like FJ',
        problem: { code: "summaryNotAdministrationCode", params: { value: "TONGA" } },
      },
    ]);
  });
});
