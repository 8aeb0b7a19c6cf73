// What publishing checks beyond the schema, what numbers, dates and notes accept, and combined visibility conditions.
import { describe, expect, it } from "vitest";
import { validateAnswer } from "../../src/shared/answerValidation";
import type { Question, QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { checkForPublish } from "../../src/shared/questionnaireChecks";
import { followUpV2 } from "../../src/shared/questionnaires";
import { isQuestionVisible } from "../../src/shared/visibility";

function definitionWith(questions: Question[]): QuestionnaireDefinition {
  return { id: "t", version: 1, title: "T", sections: [{ id: "s", title: "S", questions }] };
}

const colour: Question = {
  id: "colour",
  type: "single_choice",
  label: "Colour",
  required: false,
  options: [
    { value: "red", label: "Red" },
    { value: "blue", label: "Blue" },
  ],
};
const tools: Question = {
  id: "tools",
  type: "multiple_choice",
  label: "Tools",
  required: false,
  options: [
    { value: "xray", label: "X-ray" },
    { value: "dogs", label: "Dogs" },
  ],
};

describe("publishing checks", () => {
  it("pass the shipped v2 with no errors and no warnings", () => {
    expect(checkForPublish(followUpV2)).toEqual({ errors: [], warnings: [] });
  });

  it("refuse repeated question ids and option values", () => {
    const dup = { ...colour, options: [...colour.options, { value: "red", label: "Rouge" }] };
    const codes = checkForPublish(definitionWith([dup, { ...tools, id: "colour" }])).errors.map((e) => [
      e.path,
      e.code,
    ]);
    expect(codes).toEqual([
      ["sections.0.questions.0.options", "duplicate_id"],
      ["sections.0.questions.1.id", "duplicate_id"],
    ]);
  });

  it("refuse conditions on unknown options, 'includes' on a single choice and 'equals' on a multiple choice", () => {
    const note = (visibleWhen: Question["visibleWhen"]): Question => ({
      id: `n${Math.random().toString(36).slice(2, 7)}`,
      type: "note",
      label: "N",
      required: false,
      visibleWhen,
    });
    const { errors } = checkForPublish(
      definitionWith([
        colour,
        tools,
        note({ question: "colour", equals: "green" }),
        note({ question: "colour", includes: "red" }),
        note({
          all: [
            { question: "tools", equals: "dogs" },
            { question: "colour", equals: "red" },
          ],
        }),
      ]),
    );
    expect(errors.map((e) => e.code)).toEqual(["unknown_option", "invalid_condition", "invalid_condition"]);
  });

  it("warn that integer, decimal, date and note questions are not shown on the phone yet", () => {
    const { warnings } = checkForPublish(
      definitionWith([{ id: "n", type: "integer", label: "How many?", required: true }]),
    );
    expect(warnings).toEqual([
      expect.objectContaining({ code: "not_shown_on_phone", path: "sections.0.questions.0.type" }),
    ]);
  });
});

describe("numbers, dates and notes as answers", () => {
  const count: Question = { id: "count", type: "integer", label: "Count", required: true, min: 0, max: 100 };
  it("accept a whole number in range and refuse fractions, words and numbers out of range", () => {
    expect(validateAnswer(count, "12")).toEqual([]);
    expect(validateAnswer(count, "1.5").map((i) => i.code)).toEqual(["not_a_number"]);
    expect(validateAnswer(count, "twelve").map((i) => i.code)).toEqual(["not_a_number"]);
    expect(validateAnswer(count, "101")).toEqual([
      { question: "count", code: "out_of_range", message: "Please give a number at least 0 and at most 100." },
    ]);
  });
  it("accept a decimal, a real calendar date, and no answer to a note", () => {
    expect(validateAnswer({ id: "h", type: "decimal", label: "H", required: false }, "3.25")).toEqual([]);
    const date: Question = { id: "d", type: "date", label: "D", required: false };
    expect(validateAnswer(date, "2026-02-28")).toEqual([]);
    expect(validateAnswer(date, "2026-02-30").map((i) => i.code)).toEqual(["invalid_date"]);
    expect(validateAnswer({ id: "n", type: "note", label: "N", required: false }, "text").map((i) => i.code)).toEqual([
      "hidden_question",
    ]);
  });
});

describe("combined visibility conditions", () => {
  const shown: Question = {
    id: "more",
    type: "short_text",
    label: "More",
    required: false,
    visibleWhen: { any: [{ question: "colour", equals: "red" }, { not: { question: "tools", includes: "dogs" } }] },
  };
  const definition = definitionWith([colour, tools, shown]);
  it("show a question when any branch holds, and read an unanswered question as not selected", () => {
    expect(isQuestionVisible(shown, { colour: "red", tools: { choices: ["dogs"] } }, definition)).toBe(true);
    expect(isQuestionVisible(shown, { colour: "blue", tools: { choices: ["dogs"] } }, definition)).toBe(false);
    expect(isQuestionVisible(shown, { colour: "blue" }, definition)).toBe(true);
  });
});
