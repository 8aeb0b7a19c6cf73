// The report tables computed from 70 synthetic replies equal the published Survey 2023 tables
// (FY 2022/23 workshops, per-workshop figures from the domain notes).
//
// Published figures checked for internal consistency first (see the fixture's header): none of the
// figures quoted in the domain notes is impossible (no row with more "yes" or more choices than
// replies; every published total is the sum of its row), so all are asserted exactly.
import { describe, expect, it } from "vitest";
import {
  FOLLOW_UP_ACTIONS,
  computeReport,
  directEffectsTable,
  efficiencyTable,
  followUpActionsTable,
  newProjectsTable,
  repliesTable,
  wholePercent,
  type CrossColumn,
  type CrossTable,
  type ReportTable,
  type YesNoRow,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";
import { expectConsistent } from "../fixtures/reportConsistency";

// ---- The published figures, typed in from the domain notes (workshops 1–10) ----
const KIND = ["S", "S", "R", "R", "S", "R", "S", "R", "R", "S"] as const;
const ADM = [10, 11, 19, 21, 6, 18, 10, 16, 21, 7];
const REP = [6, 8, 8, 6, 4, 6, 10, 5, 13, 4];
const ACTIONS = {
  shared_materials: [6, 8, 8, 4, 2, 5, 9, 3, 11, 2],
  submitted_report: [6, 7, 7, 4, 2, 5, 7, 5, 11, 2],
  made_recommendations: [1, 2, 4, 3, 1, 4, 5, 4, 8, 2],
  inhouse_workshop: [6, 6, 5, 2, 1, 4, 4, 1, 4, 3],
  developed_manuals: [0, 1, 0, 2, 1, 1, 1, 1, 2, 2],
  other: [0, 0, 2, 4, 0, 3, 1, 0, 2, 2],
};
const ACTION_TOTALS = {
  shared_materials: 58,
  submitted_report: 56,
  made_recommendations: 34,
  inhouse_workshop: 36,
  developed_manuals: 11,
  other: 14,
};
const ACTION_PERCENTS = {
  shared_materials: 83,
  submitted_report: 80,
  made_recommendations: 49,
  inhouse_workshop: 51,
  developed_manuals: 16,
  other: 20,
};
const DIRECT_EFFECTS_YES = [5, 3, 4, 3, 3, 3, 5, 3, 7, 3];
const EFFICIENCY_YES = [6, 8, 8, 5, 3, 6, 10, 5, 12, 4];
const NEW_PROJECTS = [
  [0, 6],
  [3, 5],
  [4, 4],
  [4, 2],
  [3, 1],
  [2, 4],
  [6, 4],
  [4, 1],
  [8, 5],
  [2, 2],
];

const sumWhere = (values: number[], kind: "S" | "R" | "all") =>
  values.reduce((s, v, i) => (kind === "all" || KIND[i] === kind ? s + v : s), 0);

describe("the FY 2022/23 fixture", () => {
  it("holds 70 replies for the ten workshops, each with at least one follow-up action", () => {
    expect(FY2022_23_WORKSHOPS).toHaveLength(10);
    expect(FY2022_23_REPLIES).toHaveLength(70);
    for (const r of FY2022_23_REPLIES) {
      const actions = r.answers.followUpActions;
      expect(typeof actions === "object" && actions.choices.length).toBeGreaterThan(0);
    }
  });

  it("the published per-workshop figures are internally consistent (checked before reproducing them)", () => {
    for (let i = 0; i < 10; i++) {
      for (const counts of Object.values(ACTIONS)) expect(counts[i]).toBeLessThanOrEqual(REP[i]);
      expect(DIRECT_EFFECTS_YES[i]).toBeLessThanOrEqual(REP[i]);
      expect(EFFICIENCY_YES[i]).toBeLessThanOrEqual(REP[i]);
      expect(NEW_PROJECTS[i][0] + NEW_PROJECTS[i][1]).toBe(REP[i]);
    }
    for (const a of FOLLOW_UP_ACTIONS) expect(sumWhere(ACTIONS[a], "all")).toBe(ACTION_TOTALS[a]);
    expect([sumWhere(ADM, "S"), sumWhere(REP, "S"), sumWhere(ADM, "R"), sumWhere(REP, "R")]).toEqual([44, 32, 95, 38]);
    expect([sumWhere(DIRECT_EFFECTS_YES, "all"), sumWhere(EFFICIENCY_YES, "all")]).toEqual([39, 67]);
  });
});

describe("Table 1: replies", () => {
  const table = repliesTable(FY2022_23_WORKSHOPS, FY2022_23_REPLIES);

  it("per workshop: participating administrations, replies and the published rate (replies ÷ administrations)", () => {
    expect(table.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(table.rows.map((r) => r.kind)).toEqual(KIND.map((k) => (k === "S" ? "sub-regional" : "regional")));
    expect(table.rows.map((r) => r.participatingAdministrations)).toEqual(ADM);
    expect(table.rows.map((r) => r.replies)).toEqual(REP);
    expect(table.rows.map((r) => r.ratePerAdministration)).toEqual([60, 73, 42, 29, 67, 33, 100, 31, 62, 57]);
    // Workshop 9 had two respondents from Fiji: 13 replies, 12 administrations.
    expect(table.rows[8].respondingAdministrations).toBe(12);
  });

  it("subtotals and total: sub-regional 44 / 32 = 73%, regional 95 / 38 = 40%, total 139 / 70 = 50%", () => {
    expect(
      table.subtotals.map((s) => [
        s.kind,
        s.workshops,
        s.participatingAdministrations,
        s.replies,
        s.ratePerAdministration,
      ]),
    ).toEqual([
      ["sub-regional", 5, 44, 32, 73],
      ["regional", 5, 95, 38, 40],
    ]);
    expect([
      table.total.workshops,
      table.total.participatingAdministrations,
      table.total.replies,
      table.total.ratePerAdministration,
    ]).toEqual([10, 139, 70, 50]);
  });

  it("the rate per invited participant uses the same replies", () => {
    expect(table.total.invitedParticipants).toBe(278);
    expect(table.total.ratePerParticipant).toBe(25); // 70 / 278 = 25.2%
    expect(table.subtotals.map((s) => [s.invitedParticipants, s.ratePerParticipant])).toEqual([
      [88, 36], // 32 / 88 = 36.4%
      [190, 20], // 38 / 190 = 20%
    ]);
    expectConsistent(table, (r) => {
      expect(r.ratePerAdministration).toBe(wholePercent(r.replies, r.participatingAdministrations));
      expect(r.ratePerParticipant).toBe(wholePercent(r.replies, r.invitedParticipants));
    });
  });
});

describe("Table 2: follow-up actions", () => {
  const table = followUpActionsTable(FY2022_23_WORKSHOPS, FY2022_23_REPLIES);

  it("per workshop, the respondents who chose each action", () => {
    for (const a of FOLLOW_UP_ACTIONS)
      expect(
        table.rows.map((r) => r.actions[a].count),
        a,
      ).toEqual(ACTIONS[a]);
    expect(table.rows.map((r) => r.replies)).toEqual(REP);
    expect(table.rows.map((r) => r.answered)).toEqual(REP);
  });

  it("totals 58 / 56 / 34 / 36 / 11 / 14, each as a whole % of 70 replies", () => {
    for (const a of FOLLOW_UP_ACTIONS) {
      expect(table.total.actions[a], a).toEqual({ count: ACTION_TOTALS[a], percent: ACTION_PERCENTS[a] });
      expect(table.subtotals[0].actions[a].count).toBe(sumWhere(ACTIONS[a], "S"));
      expect(table.subtotals[1].actions[a].count).toBe(sumWhere(ACTIONS[a], "R"));
    }
    expect(table.total.replies).toBe(70);
    expectConsistent(table, (r) => {
      for (const a of FOLLOW_UP_ACTIONS) expect(r.actions[a].percent).toBe(wholePercent(r.actions[a].count, r.replies));
    });
  });
});

function expectYesNo(table: ReportTable<YesNoRow>, yes: number[], no: number[]) {
  expect(table.rows.map((r) => r.replies)).toEqual(REP);
  expect(table.rows.map((r) => r.yes)).toEqual(yes);
  expect(table.rows.map((r) => r.no)).toEqual(no);
  expect(table.rows.every((r) => r.unanswered === 0)).toBe(true);
  expect(table.subtotals.map((s) => [s.replies, s.yes, s.no])).toEqual([
    [32, sumWhere(yes, "S"), sumWhere(no, "S")],
    [38, sumWhere(yes, "R"), sumWhere(no, "R")],
  ]);
  expectConsistent(table, (r) => {
    expect(r.yes + r.no + r.unanswered).toBe(r.replies);
    expect(r.yesPercent).toBe(wholePercent(r.yes, r.replies));
    expect(r.noPercent).toBe(wholePercent(r.no, r.replies));
  });
}

describe("Tables 3, 5, 6: yes / no", () => {
  it("Table 3: direct effects, 39 of 70 (56%)", () => {
    const table = directEffectsTable(FY2022_23_WORKSHOPS, FY2022_23_REPLIES);
    expectYesNo(
      table,
      DIRECT_EFFECTS_YES,
      DIRECT_EFFECTS_YES.map((y, i) => REP[i] - y),
    );
    expect([table.total.replies, table.total.yes, table.total.yesPercent]).toEqual([70, 39, 56]);
    expect(table.rows.map((r) => r.yesPercent)).toEqual([83, 38, 50, 50, 75, 50, 50, 60, 54, 75]);
  });

  it("Table 5: efficiency improved, 67 of 70 (96%)", () => {
    const table = efficiencyTable(FY2022_23_WORKSHOPS, FY2022_23_REPLIES);
    expectYesNo(
      table,
      EFFICIENCY_YES,
      EFFICIENCY_YES.map((y, i) => REP[i] - y),
    );
    expect([table.total.replies, table.total.yes, table.total.no, table.total.yesPercent]).toEqual([70, 67, 3, 96]);
  });

  it("Table 6: new projects, 36 yes / 34 no (51%)", () => {
    const table = newProjectsTable(FY2022_23_WORKSHOPS, FY2022_23_REPLIES);
    expectYesNo(
      table,
      NEW_PROJECTS.map(([y]) => y),
      NEW_PROJECTS.map(([, n]) => n),
    );
    expect([
      table.total.replies,
      table.total.yes,
      table.total.no,
      table.total.yesPercent,
      table.total.noPercent,
    ]).toEqual([70, 36, 34, 51, 49]);
  });
});

describe("the consistency check", () => {
  it("catches a hand-typed slip: a total that does not add up, a percentage that does not follow its counts", () => {
    const table = efficiencyTable(FY2022_23_WORKSHOPS, FY2022_23_REPLIES);
    const percents = (r: YesNoRow) => expect(r.yesPercent).toBe(wholePercent(r.yes, r.replies));
    expect(() => expectConsistent({ ...table, total: { ...table.total, yes: 68 } }, () => {})).toThrow();
    expect(() => expectConsistent({ ...table, total: { ...table.total, yesPercent: 95 } }, percents)).toThrow();
    expectConsistent(table, percents);
  });
});

describe("computeReport", () => {
  it("computes all seven tables for the fiscal year and leaves other years out", () => {
    const other = { ...FY2022_23_WORKSHOPS[0], id: "fy2022-w1", fiscalYear: "2021/22" };
    const report = computeReport({
      fiscalYear: "2022/23",
      workshops: [...FY2022_23_WORKSHOPS, other],
      replies: [...FY2022_23_REPLIES, { workshopId: "fy2022-w1", administrationCode: "FJ", answers: {} }],
    });
    expect(report.workshops).toHaveLength(10);
    expect([report.replies, report.ignoredReplies]).toEqual([70, 1]);
    expect(report.tables.replies.total.replies).toBe(70);
    expect(report.tables.followUpActions.total.actions.shared_materials.count).toBe(58);
    expect(report.tables.efficiency.total.yesPercent).toBe(96);
    // Tables 4 and 7 are not published per workshop; they must still be consistent.
    const checkCross = <K extends string>(t: CrossTable<K>) =>
      expectConsistent(t, (r) => {
        for (const c of Object.values<CrossColumn>(r.columns))
          expect(c.percent).toBe(wholePercent(c.marked, c.entries));
      });
    checkCross(report.tables.effectsByAction);
    checkCross(report.tables.projectsByAction);
    expect(report.tables.effectsByAction.total.respondingAdministrations).toBe(69);
  });
});
