// Tables 4 and 7 on a small hand-made fixture whose answers are known.
import { describe, expect, it } from "vitest";
import type { Answers } from "../../src/shared/answers";
import {
  effectsByActionTable,
  projectsByActionTable,
  wholePercent,
  type CrossRow,
  type EffectsByActionColumn,
  type ReportReply,
  type ReportWorkshop,
} from "../../src/shared/report";
import { expectConsistent } from "../fixtures/reportConsistency";

const workshop = (id: string, kind: ReportWorkshop["kind"]): ReportWorkshop => ({
  id,
  title: `Workshop ${id}`,
  kind,
  fiscalYear: "2022/23",
  participatingAdministrations: 6,
  invitedParticipants: 12,
});
const WORKSHOPS = [workshop("A", "sub-regional"), workshop("B", "regional"), workshop("C", "regional")];

const reply = (
  workshopId: string,
  administrationCode: string,
  choices: string[],
  directEffects?: string,
  newProjects?: string,
): ReportReply => {
  const answers: Answers = {};
  if (choices.length > 0) answers.followUpActions = { choices };
  if (directEffects !== undefined) answers.directEffects = directEffects;
  if (newProjects !== undefined) answers.newProjects = newProjects;
  return { workshopId, administrationCode, answers };
};

const REPLIES: ReportReply[] = [
  // Workshop A: Fiji has two respondents; Vanuatu skipped the actions question and the projects question.
  reply("A", "FJ", ["shared_materials", "inhouse_workshop"], "yes", "no"),
  reply("A", "FJ", ["submitted_report"], "no", "yes"),
  reply("A", "TO", ["shared_materials", "made_recommendations"], "no", "no"),
  reply("A", "WS", ["inhouse_workshop", "submitted_report"], "yes", "yes"),
  reply("A", "VU", [], "yes"),
  // Workshop B: a code typed in lower case with spaces, and a "YES" in capitals.
  reply("B", "JP", ["shared_materials", "submitted_report"], "yes", "yes"),
  reply("B", "KR", ["made_recommendations"], "no", "no"),
  reply("B", " cn ", ["shared_materials"], "YES", "no"),
  // Workshop C: no replies.
];

describe("Table 4: shared materials / in-house workshop × direct effects", () => {
  const table = effectsByActionTable(WORKSHOPS, REPLIES);

  it("lists administrations per workshop, sorted and unique, marked where they appear in both", () => {
    expect(table.rows[0].administrations).toEqual({
      shared: [
        { code: "FJ", marked: true, alsoIn: ["effects"] },
        { code: "TO", marked: false, alsoIn: [] },
      ],
      inhouse: [
        { code: "FJ", marked: true, alsoIn: ["effects"] },
        { code: "WS", marked: true, alsoIn: ["effects"] },
      ],
      effects: [
        { code: "FJ", marked: true, alsoIn: ["shared", "inhouse"] },
        { code: "VU", marked: false, alsoIn: [] },
        { code: "WS", marked: true, alsoIn: ["inhouse"] },
      ],
    });
    expect(table.rows[1].administrations).toEqual({
      shared: [
        { code: "CN", marked: true, alsoIn: ["effects"] },
        { code: "JP", marked: true, alsoIn: ["effects"] },
      ],
      inhouse: [],
      effects: [
        { code: "CN", marked: true, alsoIn: ["shared"] },
        { code: "JP", marked: true, alsoIn: ["shared"] },
      ],
    });
    expect(table.rows[2].administrations).toEqual({ shared: [], inhouse: [], effects: [] });
    expect(table.rows.map((r) => r.respondingAdministrations)).toEqual([4, 3, 0]);
  });

  it("sums entries over workshops: % shared with effects, % in-house with effects, % effects after either", () => {
    const pick = (r: CrossRow<EffectsByActionColumn>) =>
      [r.columns.shared, r.columns.inhouse, r.columns.effects].map((c) => [c.entries, c.marked, c.percent]);
    expect(pick(table.total)).toEqual([
      [4, 3, 75],
      [2, 2, 100],
      [5, 4, 80],
    ]);
    expect(table.subtotals.map((s) => [s.kind, ...pick(s)])).toEqual([
      ["sub-regional", [2, 1, 50], [2, 2, 100], [3, 2, 67]],
      ["regional", [2, 2, 100], [0, 0, null], [2, 2, 100]],
    ]);
    expect(table.rows[2].columns.effects).toEqual({
      role: "outcome",
      label: "Realized direct effects",
      entries: 0,
      marked: 0,
      percent: null,
    });
    expectConsistent(table, (r) => {
      for (const c of Object.values(r.columns)) expect(c.percent).toBe(wholePercent(c.marked, c.entries));
    });
  });
});

describe("Table 7: submitted reports / recommendations × new projects", () => {
  const table = projectsByActionTable(WORKSHOPS, REPLIES);

  it("lists and marks administrations per workshop", () => {
    expect(table.rows[0].administrations).toEqual({
      reports: [
        { code: "FJ", marked: true, alsoIn: ["projects"] },
        { code: "WS", marked: true, alsoIn: ["projects"] },
      ],
      recommendations: [{ code: "TO", marked: false, alsoIn: [] }],
      projects: [
        { code: "FJ", marked: true, alsoIn: ["reports"] },
        { code: "WS", marked: true, alsoIn: ["reports"] },
      ],
    });
    expect(table.rows[1].administrations).toEqual({
      reports: [{ code: "JP", marked: true, alsoIn: ["projects"] }],
      recommendations: [{ code: "KR", marked: false, alsoIn: [] }],
      projects: [{ code: "JP", marked: true, alsoIn: ["reports"] }],
    });
  });

  it("sums entries over workshops", () => {
    const t = table.total.columns;
    expect([t.reports, t.recommendations, t.projects].map((c) => [c.role, c.entries, c.marked, c.percent])).toEqual([
      ["action", 3, 3, 100],
      ["action", 2, 0, 0],
      ["outcome", 3, 3, 100],
    ]);
    expectConsistent(table, (r) => {
      for (const c of Object.values(r.columns)) expect(c.percent).toBe(wholePercent(c.marked, c.entries));
    });
  });
});
