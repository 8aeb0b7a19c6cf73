// Edge cases of the report tables: empty workshops, skipped questions, two respondents from one
// administration, national workshops, rounding, fiscal years, and the previous year's figures.
import { describe, expect, it } from "vitest";
import {
  compareYears,
  computeReport,
  directEffectsTable,
  efficiencyTable,
  effectsByActionTable,
  fiscalYearOf,
  fiscalYearRange,
  followUpActionsTable,
  formatChange,
  newProjectsTable,
  previousFiscalYear,
  projectsByActionTable,
  repliesTable,
  surveyYearOf,
  wholePercent,
  type ReportReply,
  type ReportWorkshop,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

const workshop = (
  id: string,
  kind: ReportWorkshop["kind"],
  adm = 5,
  invited = 10,
  fiscalYear = "2022/23",
): ReportWorkshop => ({
  id,
  title: `Workshop ${id}`,
  kind,
  fiscalYear,
  participatingAdministrations: adm,
  invitedParticipants: invited,
});

const complete = (workshopId: string, code: string): ReportReply => ({
  workshopId,
  administrationCode: code,
  answers: {
    followUpActions: { choices: ["shared_materials"] },
    directEffects: "yes",
    efficiencyImproved: "yes",
    newProjects: "no",
  },
});

/** No NaN, no Infinity anywhere in a computed value. */
function expectNoNaN(value: unknown): void {
  JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    return v;
  });
}

describe("a workshop with no replies", () => {
  const workshops = [
    workshop("busy", "sub-regional"),
    workshop("quiet", "regional"),
    workshop("none", "regional", 0, 0),
  ];
  const replies = [complete("busy", "FJ")];

  it("has reply rates of 0, or null where nobody took part", () => {
    const t = repliesTable(workshops, replies);
    expect(t.rows.map((r) => [r.replies, r.ratePerAdministration, r.ratePerParticipant])).toEqual([
      [1, 20, 10],
      [0, 0, 0],
      [0, null, null],
    ]);
    expect(t.subtotals[1]).toMatchObject({
      kind: "regional",
      replies: 0,
      participatingAdministrations: 5,
      ratePerAdministration: 0,
    });
    expectNoNaN(t);
  });

  it("has null percentages in the tables that divide by its replies", () => {
    const actions = followUpActionsTable(workshops, replies);
    expect(actions.rows[1].actions.shared_materials).toEqual({ count: 0, percent: null });
    expect(actions.subtotals[1].actions.shared_materials).toEqual({ count: 0, percent: null });
    for (const table of [directEffectsTable, efficiencyTable, newProjectsTable]) {
      const t = table(workshops, replies);
      expect(t.rows[1]).toMatchObject({ replies: 0, yes: 0, no: 0, unanswered: 0, yesPercent: null, noPercent: null });
      expectNoNaN(t);
    }
    expectNoNaN(effectsByActionTable(workshops, replies));
    expectNoNaN(projectsByActionTable(workshops, replies));
  });

  it("a year without workshops gives zero totals and null percentages, with both usual subtotals", () => {
    const report = computeReport({ fiscalYear: "2024/25", workshops: [], replies: [] });
    expect(report.tables.replies.subtotals.map((s) => [s.kind, s.workshops, s.replies])).toEqual([
      ["sub-regional", 0, 0],
      ["regional", 0, 0],
    ]);
    expect(report.tables.replies.total.ratePerAdministration).toBeNull();
    expect(report.tables.efficiency.total.yesPercent).toBeNull();
    expect(report.tables.effectsByAction.total.columns.effects.percent).toBeNull();
    expectNoNaN(report);
  });
});

describe("a reply that skipped a question", () => {
  const workshops = [workshop("w", "regional")];
  const replies: ReportReply[] = [
    complete("w", "FJ"),
    complete("w", "TO"),
    {
      workshopId: "w",
      administrationCode: "WS",
      answers: { followUpActions: { choices: [] }, directEffects: "", newProjects: "maybe" },
    },
  ];

  it("counts in replies but in neither yes nor no; percentages stay of replies, as published", () => {
    const effects = directEffectsTable(workshops, replies).total;
    expect(effects).toMatchObject({ replies: 3, yes: 2, no: 0, unanswered: 1, yesPercent: 67, noPercent: 0 });
    const efficiency = efficiencyTable(workshops, replies).total;
    expect(efficiency).toMatchObject({ replies: 3, yes: 2, no: 0, unanswered: 1 });
    const projects = newProjectsTable(workshops, replies).total;
    expect(projects).toMatchObject({ replies: 3, yes: 0, no: 2, unanswered: 1, noPercent: 67 });
  });

  it("counts in replies but not as having chosen an action", () => {
    const t = followUpActionsTable(workshops, replies).total;
    expect([t.replies, t.answered, t.actions.shared_materials.count, t.actions.shared_materials.percent]).toEqual([
      3, 2, 2, 67,
    ]);
  });

  it("a choice repeated counts once, and unknown choices are ignored", () => {
    const r: ReportReply = {
      workshopId: "w",
      administrationCode: "FJ",
      answers: { followUpActions: { choices: ["other", "other", "bribed_someone"], specify: "x" } },
    };
    const t = followUpActionsTable(workshops, [r]).total;
    expect([t.answered, t.actions.other.count, t.actions.other.percent]).toEqual([1, 1, 100]);
  });
});

describe("an administration with two respondents", () => {
  const workshops = [workshop("w", "sub-regional")];
  const replies = [complete("w", "FJ"), complete("w", "fj"), complete("w", "TO")];

  it("both respondents count in tables 1, 2, 3, 5 and 6", () => {
    expect(repliesTable(workshops, replies).total).toMatchObject({
      replies: 3,
      respondingAdministrations: 2,
      ratePerAdministration: 60,
    });
    expect(followUpActionsTable(workshops, replies).total.actions.shared_materials.count).toBe(3);
    expect(directEffectsTable(workshops, replies).total.yes).toBe(3);
    expect(efficiencyTable(workshops, replies).total.yes).toBe(3);
    expect(newProjectsTable(workshops, replies).total.no).toBe(3);
  });

  it("the administration is listed once in tables 4 and 7", () => {
    const t4 = effectsByActionTable(workshops, replies);
    expect(t4.rows[0].administrations.shared.map((a) => a.code)).toEqual(["FJ", "TO"]);
    expect(t4.total.columns.shared).toMatchObject({ entries: 2, marked: 2, percent: 100 });
    const t7 = projectsByActionTable(workshops, replies);
    expect(t7.rows[0].administrations.projects).toEqual([]);
  });
});

describe("a reply with a blank administration code", () => {
  const workshops = [workshop("w", "sub-regional")];
  const replies = [complete("w", "FJ"), complete("w", "  ")];

  it("counts in replies but not as a responding administration", () => {
    expect(repliesTable(workshops, replies).total).toMatchObject({ replies: 2, respondingAdministrations: 1 });
    expect(directEffectsTable(workshops, replies).total.yes).toBe(2);
  });

  it("cannot be listed, so tables 4 and 7 leave it out", () => {
    const t4 = effectsByActionTable(workshops, replies);
    expect(t4.rows[0].respondingAdministrations).toBe(1);
    expect(t4.rows[0].administrations.shared.map((a) => a.code)).toEqual(["FJ"]);
    expect(t4.total.columns.shared).toMatchObject({ entries: 1, marked: 1 });
  });
});

describe("workshop lists", () => {
  it("a national workshop adds a national subtotal; totals still sum every workshop", () => {
    const workshops = [workshop("s", "sub-regional"), workshop("n", "national", 1, 8), workshop("r", "regional")];
    const t = repliesTable(workshops, [complete("n", "FJ"), complete("n", "FJ"), complete("r", "TO")]);
    expect(
      t.subtotals.map((s) => [s.kind, s.workshops, s.participatingAdministrations, s.replies, s.ratePerAdministration]),
    ).toEqual([
      ["sub-regional", 1, 5, 0, 0],
      ["regional", 1, 5, 1, 20],
      ["national", 1, 1, 2, 200],
    ]);
    expect(t.total).toMatchObject({
      workshops: 3,
      participatingAdministrations: 11,
      replies: 3,
      ratePerAdministration: 27,
    });
  });

  it("rows keep the given workshop order; replies to other workshops are left out", () => {
    const workshops = [workshop("b", "regional"), workshop("a", "sub-regional")];
    const t = repliesTable(workshops, [complete("a", "FJ"), complete("elsewhere", "FJ")]);
    expect(t.rows.map((r) => [r.number, r.workshopId, r.replies])).toEqual([
      [1, "b", 0],
      [2, "a", 1],
    ]);
    expect(t.total.replies).toBe(1);
  });

  it("a workshop listed twice is refused", () => {
    expect(() => repliesTable([workshop("a", "regional"), workshop("a", "regional")], [])).toThrow(/listed twice/);
  });
});

describe("whole percents", () => {
  it("round half up, exactly, and refuse to divide by zero", () => {
    expect([
      wholePercent(1, 8),
      wholePercent(1, 200),
      wholePercent(2, 3),
      wholePercent(67, 70),
      wholePercent(0, 5),
    ]).toEqual([13, 1, 67, 96, 0]);
    expect([wholePercent(0, 0), wholePercent(3, 0)]).toEqual([null, null]);
  });
});

describe("fiscal years (1 July – 30 June)", () => {
  it("fiscalYearOf", () => {
    expect(fiscalYearOf("2022-07-01")).toBe("2022/23");
    expect(fiscalYearOf("2023-06-30")).toBe("2022/23");
    expect(fiscalYearOf("2023-07-01")).toBe("2023/24");
    expect(fiscalYearOf("2023-06-30T23:30:00+10:00")).toBe("2022/23");
    expect(fiscalYearOf("2023-07-01T00:30:00+12:00")).toBe("2023/24");
    expect(fiscalYearOf(new Date(Date.UTC(2023, 5, 30, 23, 59)))).toBe("2022/23");
    expect(fiscalYearOf(new Date(Date.UTC(2023, 6, 1)))).toBe("2023/24");
    expect(fiscalYearOf("1999-12-31")).toBe("1999/00");
    expect(() => fiscalYearOf("June 2023")).toThrow(RangeError);
    expect(() => fiscalYearOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("fiscalYearRange, previousFiscalYear, surveyYearOf", () => {
    const r = fiscalYearRange("2022/23");
    expect([r.label, r.firstDay, r.lastDay, r.start.toISOString(), r.endExclusive.toISOString()]).toEqual([
      "2022/23",
      "2022-07-01",
      "2023-06-30",
      "2022-07-01T00:00:00.000Z",
      "2023-07-01T00:00:00.000Z",
    ]);
    expect(fiscalYearOf(r.firstDay)).toBe("2022/23");
    expect(fiscalYearOf(r.lastDay)).toBe("2022/23");
    expect(fiscalYearRange("1999/00").lastDay).toBe("2000-06-30");
    expect(() => fiscalYearRange("2022/24")).toThrow(RangeError);
    expect(() => fiscalYearRange("2022-23")).toThrow(RangeError);
    expect(previousFiscalYear("2022/23")).toBe("2021/22");
    expect(surveyYearOf("2022/23")).toBe(2023);
  });
});

describe("compareYears", () => {
  const current = computeReport({ fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES });
  // Previous year: 7 replies, 3 shared materials (43%); nobody recorded as invited.
  const previousWorkshop = workshop("fy2022-w1", "regional", 14, 0, "2021/22");
  const previous = computeReport({
    fiscalYear: "2021/22",
    workshops: [previousWorkshop],
    replies: Array.from({ length: 7 }, (_x, i): ReportReply => ({
      workshopId: previousWorkshop.id,
      administrationCode: ["FJ", "TO", "WS", "VU", "PG", "AU", "NZ"][i],
      answers: {
        followUpActions: { choices: i < 3 ? ["shared_materials"] : ["submitted_report"] },
        efficiencyImproved: "yes",
      },
    })),
  });

  it("pairs this year's totals with last year's: \"43% → 83%\"", () => {
    const byKey = new Map(compareYears(current, previous).map((c) => [c.key, c]));
    expect(byKey.get("followUpActions.shared_materials")).toMatchObject({
      table: 2,
      previous: 43,
      current: 83,
      text: "43% → 83%",
      longText: "43% in 2021/22 → 83% in 2022/23",
    });
    expect(byKey.get("replies.ratePerAdministration")?.text).toBe("50% → 50%");
    expect(byKey.get("efficiency.yes")?.text).toBe("100% → 96%");
    // No invited participants recorded last year: no rate, no pair.
    expect(byKey.get("replies.ratePerParticipant")).toMatchObject({
      previous: null,
      current: 25,
      text: null,
      longText: null,
    });
  });

  it("without a previous year every figure is listed with no pair", () => {
    const rows = compareYears(current, undefined);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.previous === null && r.text === null)).toBe(true);
    expect(formatChange(43, 66)).toBe("43% → 66%");
    expect(formatChange(null, 66)).toBeNull();
  });
});
