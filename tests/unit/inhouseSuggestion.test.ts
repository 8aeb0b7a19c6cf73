import { describe, expect, it } from "vitest";
import {
  answersHoldInhouseSummary,
  inhouseSummaryAnswers,
  questionnaireTakesInhouseLog,
  sectionTakesInhouseLog,
} from "../../src/shared/inhouseSuggestion";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";

const SUMMARY = "Ran an in-house session for 3 colleagues — 1 Aug 2023: valuation (3 attendees).";

describe("where the in-house log goes in the follow-up questionnaire", () => {
  it("is offered in the section asking for follow-up actions only", () => {
    expect(followUpV1.sections.map(sectionTakesInhouseLog).filter(Boolean)).toHaveLength(1);
    expect(
      sectionTakesInhouseLog(followUpV1.sections.find((s) => s.questions.some((q) => q.id === "followUpActions"))!),
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
    expect(answersHoldInhouseSummary(applied, SUMMARY)).toBe(true);
    expect(answersHoldInhouseSummary({ ...applied, followUpActions: { choices: ["shared_materials"] } }, SUMMARY)).toBe(
      false,
    );
    expect(answersHoldInhouseSummary({ ...applied, actionsDescription: "Planned more." }, SUMMARY)).toBe(false);
    expect(answersHoldInhouseSummary({}, SUMMARY)).toBe(false);
  });
});
