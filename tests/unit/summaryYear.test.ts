// A past year kept only as its published figures: report → summary → report gives the same tables and comparisons.
import { describe, expect, it } from "vitest";
import {
  compareYears,
  computeReport,
  reportFromSummary,
  summaryOfReport,
  summaryWorkshop,
  summaryYearFigures,
  type SummaryWorkshop,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

const fy2023 = computeReport({ fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES });
// Next year's report, to compare against: the same workshops, half the replies.
const fy2024 = computeReport({
  fiscalYear: "2023/24",
  workshops: FY2022_23_WORKSHOPS.map((w) => ({ ...w, fiscalYear: "2023/24" })),
  replies: FY2022_23_REPLIES.filter((_, i) => i % 2 === 0),
});

describe("a summary year", () => {
  it("turns the computed FY 2022/23 report into a summary that gives back the same comparison figures", () => {
    const summary = summaryOfReport(fy2023);
    // Stored as JSON in the database: the round trip goes through text.
    const stored = JSON.parse(JSON.stringify(summary)) as typeof summary;
    const fromSummary = reportFromSummary(stored);
    expect(compareYears(fy2024, fromSummary)).toEqual(compareYears(fy2024, fy2023));
    expect(compareYears(fy2024, fromSummary).find((c) => c.key === "replies.ratePerAdministration")?.previous).toBe(50);
  });

  it("gives back the published totals of Tables 1, 2, 3, 5 and 6", () => {
    const t = reportFromSummary(summaryOfReport(fy2023)).tables;
    expect([t.replies.total.participatingAdministrations, t.replies.total.replies]).toEqual([139, 70]);
    expect(t.replies.subtotals.map((s) => [s.kind, s.replies, s.ratePerAdministration])).toEqual([
      ["sub-regional", 32, 73],
      ["regional", 38, 40],
    ]);
    expect(Object.values(t.followUpActions.total.actions).map((a) => a.count)).toEqual([58, 56, 34, 36, 11, 14]);
    expect([
      t.directEffects.total.yes,
      t.efficiency.total.yes,
      t.newProjects.total.yes,
      t.newProjects.total.no,
    ]).toEqual([39, 67, 36, 34]);
  });

  it("validates as the stored figures of a year", () => {
    const summary = summaryOfReport(fy2023);
    expect(summaryYearFigures.safeParse({ workshops: summary.workshops }).success).toBe(true);
  });

  it("refuses a workshop row with more Yes and No than replies", () => {
    const row: SummaryWorkshop = summaryOfReport(fy2023).workshops[0];
    const result = summaryWorkshop.safeParse({ ...row, efficiency: { yes: row.replies, no: 1 } });
    expect(result.success).toBe(false);
  });

  it("computes Tables 4 and 7 from the published administrations lists, and leaves them empty without", () => {
    const summary = summaryOfReport(fy2023);
    expect(reportFromSummary(summary).tables.effectsByAction.total).toEqual(fy2023.tables.effectsByAction.total);
    const withoutLists = {
      ...summary,
      workshops: summary.workshops.map(({ administrations: _lists, ...w }) => w),
    };
    expect(reportFromSummary(withoutLists).tables.effectsByAction.total.columns.effects.percent).toBeNull();
  });
});
