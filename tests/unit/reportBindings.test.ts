// The report read through each version's bindings: v1 and v2 give the published tables, a year mixing versions adds
// up, and a version that cannot feed a table is left out of it and listed.
import { describe, expect, it } from "vitest";
import type { Answers } from "../../src/shared/answers";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import { shippedReportBindings } from "../../src/shared/questionnaires/reportBindings";
import {
  bindingIssues,
  bindingsByVersion,
  computeReport,
  lostTableWarnings,
  type ReportBindings,
  type ReportReply,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

const FY = "2022/23";
const [V1, V2] = shippedReportBindings;

/** The fixture's replies with ids, alternately on v1 and v2 (none of them says "none yet", so both versions can hold them). */
const onV1AndV2: ReportReply[] = FY2022_23_REPLIES.map((r, i) => ({
  ...r,
  id: `reply-${i}`,
  questionnaireId: "follow-up",
  questionnaireVersion: i % 2 === 0 ? 1 : 2,
}));

/**
 * A v3 that renames what the report reads: the actions question is "actionsTaken" with its own option ids,
 * direct effects a single choice with "not yet" counted as no. Its bindings say so.
 */
const v3: QuestionnaireDefinition = {
  ...followUpV2,
  version: 3,
  sections: followUpV2.sections.map((s) => ({
    ...s,
    questions: s.questions.map((q) => {
      if (q.id === "followUpActions" && q.type === "multiple_choice")
        return { ...q, id: "actionsTaken", options: q.options.map((o) => ({ ...o, value: `v3_${o.value}` })) };
      if (q.id === "directEffects")
        return {
          id: "effectsSeen",
          type: "single_choice" as const,
          label: "Have you seen direct effects?",
          required: true,
          options: [
            { value: "seen", label: "Yes" },
            { value: "not_yet", label: "Not yet" },
            { value: "none", label: "No" },
          ],
        };
      return q;
    }),
  })),
};
v3.sections = v3.sections.map((s) => ({
  ...s,
  questions: s.questions.map((q) => (q.id === "directEffectsDescription" ? { ...q, visibleWhen: undefined } : q)),
}));

const v3Bindings: ReportBindings = {
  ...V2.bindings,
  followUpActions: {
    question: "actionsTaken",
    columns: Object.fromEntries(
      Object.entries(V2.bindings.followUpActions!.columns).map(([column, options]) => [
        column,
        options.map((o) => `v3_${o}`),
      ]),
    ) as NonNullable<ReportBindings["followUpActions"]>["columns"],
    noActionYet: ["v3_none_yet"],
  },
  directEffects: { question: "effectsSeen", yes: ["seen"], no: ["not_yet", "none"] },
};

/** The same reply as a respondent on v3 would have given it. */
function asV3(reply: ReportReply): ReportReply {
  const { followUpActions, directEffects, ...rest } = reply.answers;
  const answers: Answers = { ...rest };
  if (followUpActions && typeof followUpActions === "object" && "choices" in followUpActions)
    answers.actionsTaken = { ...followUpActions, choices: followUpActions.choices.map((c) => `v3_${c}`) };
  if (directEffects === "yes") answers.effectsSeen = "seen";
  if (directEffects === "no") answers.effectsSeen = "not_yet";
  return { ...reply, answers, questionnaireVersion: 3 };
}

const versions = [...shippedReportBindings, { definition: v3, bindings: v3Bindings }];

describe("report bindings", () => {
  it("v1 and v2 read through their shipped bindings give the published Survey 2023 tables, leaving nothing out", () => {
    const report = computeReport({
      fiscalYear: FY,
      workshops: FY2022_23_WORKSHOPS,
      replies: onV1AndV2,
      bindingsOf: bindingsByVersion(shippedReportBindings),
    });
    const actions = report.tables.followUpActions.total.actions;
    expect(Object.values(actions).map((a) => a.count)).toEqual([58, 56, 34, 36, 11, 14]);
    expect(report.tables.followUpActions.total.replies).toBe(70);
    expect(report.tables.directEffects.total.yes).toBe(39);
    expect(report.tables.efficiency.total.yes).toBe(67);
    expect([report.tables.newProjects.total.yes, report.tables.newProjects.total.no]).toEqual([36, 34]);
    expect(report.tables).toEqual(
      computeReport({ fiscalYear: FY, workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES }).tables,
    );
    expect(Object.values(report.leftOut).flat()).toEqual([]);
  });

  it("a year whose replies are on v1, v2 and a renamed v3 lands in the same tables through each version's bindings", () => {
    const mixed = onV1AndV2.map((r, i) => (i % 3 === 0 ? asV3(r) : r));
    expect(mixed.filter((r) => r.questionnaireVersion === 3).length).toBeGreaterThan(20);
    const report = computeReport({
      fiscalYear: FY,
      workshops: FY2022_23_WORKSHOPS,
      replies: mixed,
      bindingsOf: bindingsByVersion(versions),
    });
    const expected = computeReport({ fiscalYear: FY, workshops: FY2022_23_WORKSHOPS, replies: onV1AndV2 });
    expect(report.tables).toEqual(expected.tables);
    expect(Object.values(report.leftOut).flat()).toEqual([]);
  });

  it("a version not bound to a table is left out of that table only, and the report names its replies", () => {
    const mixed = onV1AndV2.map((r, i) => (i % 3 === 0 ? asV3(r) : r));
    const v3Ids = mixed.filter((r) => r.questionnaireVersion === 3).map((r) => r.id);
    const unboundEffects = { definition: v3, bindings: { ...v3Bindings, directEffects: null } };
    const report = computeReport({
      fiscalYear: FY,
      workshops: FY2022_23_WORKSHOPS,
      replies: mixed,
      bindingsOf: bindingsByVersion([...shippedReportBindings, unboundEffects]),
    });
    expect(report.tables.directEffects.total.replies).toBe(70 - v3Ids.length);
    expect(report.tables.effectsByAction.total.respondingAdministrations).toBeLessThan(
      computeReport({ fiscalYear: FY, workshops: FY2022_23_WORKSHOPS, replies: onV1AndV2 }).tables.effectsByAction.total
        .respondingAdministrations,
    );
    expect(report.tables.followUpActions.total.replies).toBe(70);
    expect(report.tables.efficiency.total.replies).toBe(70);
    for (const table of ["directEffects", "effectsByAction"] as const) {
      expect(report.leftOut[table]).toEqual([
        {
          questionnaireId: "follow-up",
          version: 3,
          replies: v3Ids.length,
          replyIds: v3Ids,
          unbound: ["directEffects"],
          reason: expect.stringContaining("version 3") as string,
        },
      ]);
    }
    expect([report.leftOut.followUpActions, report.leftOut.efficiency, report.leftOut.newProjects]).toEqual([
      [],
      [],
      [],
    ]);
  });

  it("a version the report does not know is left out of every bound table", () => {
    const stranger = { ...onV1AndV2[0], questionnaireVersion: 9 };
    const report = computeReport({
      fiscalYear: FY,
      workshops: FY2022_23_WORKSHOPS,
      replies: [stranger],
      bindingsOf: bindingsByVersion(shippedReportBindings),
    });
    expect(report.tables.replies.total.replies).toBe(1);
    expect(report.tables.followUpActions.total.replies).toBe(0);
    expect(Object.values(report.leftOut).map((l) => l[0]?.version)).toEqual([9, 9, 9, 9, 9, 9]);
  });

  it("refuses bindings that name a missing question, a missing option, or one option for two columns", () => {
    const bad: ReportBindings = {
      ...V1.bindings,
      followUpActions: {
        ...V1.bindings.followUpActions!,
        columns: { ...V1.bindings.followUpActions!.columns, other: ["other", "shared_materials"] },
        noActionYet: ["none_yet"],
      },
      efficiency: { question: "efficiencyComment", yes: ["yes"], no: ["no"] },
      newProjects: { question: "gone", yes: ["yes"], no: ["no"] },
    };
    expect(bindingIssues(followUpV1, bad).map((i) => [i.path, i.code])).toEqual([
      ["followUpActions.columns.other", "option_bound_twice"],
      ["followUpActions.noActionYet", "unknown_option"],
      ["efficiency.question", "wrong_question_type"],
      ["newProjects.question", "unknown_question"],
    ]);
    expect(bindingIssues(followUpV1, V1.bindings)).toEqual([]);
    expect(bindingIssues(followUpV2, V2.bindings)).toEqual([]);
  });

  it("warns on publish about each table the version it came from fed and this one would not", () => {
    const warnings = lostTableWarnings(v3, { ...v3Bindings, newProjects: null }, V2);
    expect(warnings.map((w) => [w.path, w.code])).toEqual([
      ["reportBindings.newProjects", "report_table_unbound"],
      ["reportBindings.projectsByAction", "report_table_unbound"],
    ]);
    // v2's bindings copied unchanged onto the renamed v3 point at questions it no longer has.
    expect(lostTableWarnings(v3, V2.bindings, V2).map((w) => w.code)).toEqual([
      "unknown_question",
      "unknown_question",
      "report_table_unbound",
      "report_table_unbound",
      "report_table_unbound",
      "report_table_unbound",
    ]);
    expect(lostTableWarnings(v3, v3Bindings, V2)).toEqual([]);
  });
});
