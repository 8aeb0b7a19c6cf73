// Where the in-house log goes: read from the questionnaire's data (the question, or the shipped v1/v2 files).
import { describe, expect, it } from "vitest";
import {
  answersHoldInhouseSummary,
  inhouseSummaryAnswers,
  questionnaireTakesInhouseLog,
  sectionTakesInhouseLog,
  withInhouseLogOnQuestion,
} from "../../src/shared/inhouseSuggestion";
import { findQuestion, inhouseLogTarget as inhouseLogTargetSchema } from "../../src/shared/questionnaire";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import { shippedInhouseLogTargets } from "../../src/shared/questionnaires/inhouseLogTargets";

const SUMMARY = "Ran an in-house session for 3 colleagues — 1 Aug 2023: valuation (3 attendees).";

describe("where the in-house log goes in the follow-up questionnaire", () => {
  it("is offered in the section asking for follow-up actions only", () => {
    expect(followUpV1.sections.map((s) => sectionTakesInhouseLog(followUpV1, s)).filter(Boolean)).toHaveLength(1);
    expect(
      sectionTakesInhouseLog(
        followUpV1,
        followUpV1.sections.find((s) => s.questions.some((q) => q.id === "followUpActions"))!,
      ),
    ).toBe(true);
  });

  it("applies to a questionnaire whose actions question has the in-house option, and not without it", () => {
    expect(questionnaireTakesInhouseLog(followUpV1)).toBe(true);
    const without = structuredClone(followUpV1);
    for (const q of without.sections.flatMap((s) => s.questions))
      if (q.type === "multiple_choice") q.options = q.options.filter((o) => o.value !== "inhouse_workshop");
    expect(questionnaireTakesInhouseLog(without)).toBe(false);
  });

  it("ticks the in-house option (unticking an exclusive 'none yet') and appends the summary to the description", () => {
    const updates = inhouseSummaryAnswers(
      followUpV2,
      { followUpActions: { choices: ["none_yet"] }, actionsDescription: "  Planned more.  " },
      SUMMARY,
    );
    expect(updates).toEqual([
      ["followUpActions", { choices: ["inhouse_workshop"] }],
      ["actionsDescription", `Planned more.\n${SUMMARY}`],
    ]);
    const applied = Object.fromEntries(updates);
    expect(answersHoldInhouseSummary(followUpV2, applied, SUMMARY)).toBe(true);
    expect(
      answersHoldInhouseSummary(
        followUpV2,
        { ...applied, followUpActions: { choices: ["shared_materials"] } },
        SUMMARY,
      ),
    ).toBe(false);
    expect(answersHoldInhouseSummary(followUpV2, { ...applied, actionsDescription: "Planned more." }, SUMMARY)).toBe(
      false,
    );
    expect(answersHoldInhouseSummary(followUpV2, {}, SUMMARY)).toBe(false);
  });

  it("follows the question that says it takes the log, in a version that renamed everything", () => {
    const renamed = structuredClone({ ...followUpV2, version: 7 });
    for (const section of renamed.sections)
      section.questions = section.questions.map((q) =>
        q.id === "followUpActions" && q.type === "multiple_choice"
          ? { ...q, id: "actionsTaken", inhouseLog: { option: "inhouse_workshop", description: "whatWasDone" } }
          : q.id === "actionsDescription"
            ? { ...q, id: "whatWasDone" }
            : q,
      );
    expect(questionnaireTakesInhouseLog(renamed)).toBe(true);
    expect(inhouseSummaryAnswers(renamed, {}, SUMMARY)).toEqual([
      ["actionsTaken", { choices: ["inhouse_workshop"] }],
      ["whatWasDone", SUMMARY],
    ]);
    const unmarked = structuredClone({ ...followUpV2, version: 7 });
    expect(questionnaireTakesInhouseLog(unmarked)).toBe(false);
  });

  it("writes a shipped version's target onto its question, so a draft copied from it keeps the log", () => {
    const copied = { ...withInhouseLogOnQuestion(followUpV2), version: 3 };
    const question = copied.sections.flatMap((s) => s.questions).find((q) => q.id === "followUpActions");
    expect(question).toMatchObject({ inhouseLog: { option: "inhouse_workshop", description: "actionsDescription" } });
    expect(questionnaireTakesInhouseLog(copied)).toBe(true);
  });

  it("ships v1's and v2's targets as valid data naming questions and an option those versions have", () => {
    expect(shippedInhouseLogTargets.map(({ id, version }) => `${id}@${version}`)).toEqual(
      [followUpV1, followUpV2].map(({ id, version }) => `${id}@${version}`),
    );
    for (const { id, version, target } of shippedInhouseLogTargets) {
      expect(inhouseLogTargetSchema.parse({ option: target.option, description: target.description })).toBeTruthy();
      const definition = [followUpV1, followUpV2].find((d) => d.id === id && d.version === version)!;
      expect(questionnaireTakesInhouseLog(definition)).toBe(true);
      expect(findQuestion(definition, target.description!)?.type).toBe("long_text");
    }
  });
});
