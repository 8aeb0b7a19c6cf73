// Question visibility: follow-ups hidden until their controlling answer, and answers to hidden questions dropped.
import { describe, expect, it } from "vitest";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { findQuestion } from "../../src/shared/questionnaire";
import { followUpV1 } from "../../src/shared/questionnaires";
import { isQuestionVisible, visibleQuestions, withoutHiddenAnswers } from "../../src/shared/visibility";

const describeEffects = findQuestion(followUpV1, "directEffectsDescription")!;

describe("question visibility", () => {
  it("a follow-up question is hidden until its controlling question is answered yes", () => {
    expect(isQuestionVisible(describeEffects, {}, followUpV1)).toBe(false);
    expect(isQuestionVisible(describeEffects, { directEffects: "no" }, followUpV1)).toBe(false);
    expect(isQuestionVisible(describeEffects, { directEffects: "yes" }, followUpV1)).toBe(true);
  });

  it("answers to questions hidden by a changed mind are dropped", () => {
    const answers = { directEffects: "no", directEffectsDescription: "Faster clearance", application: "Profiling" };
    expect(withoutHiddenAnswers(followUpV1, answers)).toEqual({ directEffects: "no", application: "Profiling" });
  });

  it("answers to visible questions are kept", () => {
    const answers = { directEffects: "yes", directEffectsDescription: "Faster clearance" };
    expect(withoutHiddenAnswers(followUpV1, answers)).toEqual(answers);
  });

  const chain: QuestionnaireDefinition = {
    id: "chain",
    version: 1,
    title: "Chain",
    sections: [
      {
        id: "s",
        title: "S",
        questions: [
          { id: "a", type: "yes_no", label: "A", required: true },
          {
            id: "b",
            type: "multiple_choice",
            label: "B",
            required: false,
            options: [
              { value: "x", label: "X" },
              { value: "y", label: "Y" },
            ],
            visibleWhen: { question: "a", equals: "yes" },
          },
          { id: "c", type: "short_text", label: "C", required: false, visibleWhen: { question: "b", includes: "x" } },
        ],
      },
    ],
  };

  it("a question behind a hidden question stays hidden even if its own condition still holds", () => {
    const answers = { a: "no", b: { choices: ["x"] }, c: "stale" };
    expect(visibleQuestions(chain, answers).map((q) => q.id)).toEqual(["a"]);
    expect(withoutHiddenAnswers(chain, answers)).toEqual({ a: "no" });
  });

  it("an includes condition shows the question when the option is among the choices", () => {
    const answers = { a: "yes", b: { choices: ["y", "x"] } };
    expect(visibleQuestions(chain, answers).map((q) => q.id)).toEqual(["a", "b", "c"]);
  });
});
