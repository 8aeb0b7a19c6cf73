// XLSForm import refusals: what a definition cannot hold is named with its sheet, row and column; and the
// relevant/constraint expressions Outrigger reads and writes.
import { describe, expect, it } from "vitest";
import { parseConstraint, parseRelevant, writeRelevant } from "../../src/server/questionnaires/xlsformExpressions";
import { xlsformToDefinition } from "../../src/server/questionnaires/xlsformToDefinition";
import { form, SURVEY_COLUMNS } from "./support/xlsformRows";

describe("XLSForm import refusals", () => {
  it("refuses a repeat, a calculate and a choice_filter, each with its sheet, row and column", () => {
    const sheets = form(
      [
        ["begin repeat", "visits", "Visits"],
        ["text", "place", "Place"],
        ["end repeat", "visits"],
        ["calculate", "total", "", "", "", "", "", "", "${a} + 1"],
        ["select_one cities", "city", "City", "", "", "", "", "", "", "country = 'FJ'"],
      ],
      [["cities", "suva", "Suva", "FJ"]],
      {
        surveyColumns: [...SURVEY_COLUMNS, "calculation", "choice_filter"],
        choiceColumns: ["list_name", "name", "label", "country"],
      },
    );
    const read = xlsformToDefinition(sheets, "risk", 1);
    expect(read.definition).toBeUndefined();
    expect(read.issues).toEqual(
      expect.arrayContaining([
        {
          sheet: "survey",
          row: 2,
          column: "type",
          message: "repeats are not supported: a reply holds one answer per question",
          problem: { code: "xlsformRepeat" },
        },
        {
          sheet: "survey",
          row: 5,
          column: "calculation",
          message: expect.stringContaining("calculations are not supported"),
          problem: { code: "xlsformCalculationColumn" },
        },
        {
          sheet: "survey",
          row: 5,
          column: "type",
          message: expect.stringContaining("calculate rows are not supported"),
          problem: { code: "xlsformCalculateRow" },
        },
        {
          sheet: "survey",
          row: 6,
          column: "choice_filter",
          message: expect.stringContaining("choice filters (cascading selects) are not supported"),
          problem: { code: "xlsformChoiceFilterColumn" },
        },
        {
          sheet: "choices",
          row: 2,
          column: "country",
          message: expect.stringContaining('the column "country" is not supported'),
          problem: { code: "xlsformUnknownColumn", params: { column: "country" } },
        },
      ]),
    );
  });

  it("refuses an unknown type, an unreadable relevant, an unsupported constraint and a language without a code", () => {
    const sheets = form(
      [
        ["geopoint", "where", "Where?"],
        ["text", "why", "Why?", "", "", "${where} > 3"],
        ["text", "how", "How?", "", "", "", "regex(., '^[A-Z]+$')"],
      ],
      [],
      {
        surveyColumns: [...SURVEY_COLUMNS, "label::Tongan"],
      },
    );
    const issues = xlsformToDefinition(sheets, "risk", 1).issues;
    expect(issues.map((i) => [i.sheet, i.row, i.column])).toEqual(
      expect.arrayContaining([
        ["survey", 1, "label::Tongan"],
        ["survey", 2, "type"],
        ["survey", 3, "relevant"],
        ["survey", 4, "constraint"],
      ]),
    );
    expect(issues.find((i) => i.column === "relevant")?.message).toContain("only = and != compare an answer");
  });

  it("refuses a form whose form_id is another questionnaire's", () => {
    const issues = xlsformToDefinition(form([["text", "a", "A"]]), "follow-up", 3).issues;
    expect(issues).toEqual([
      {
        sheet: "settings",
        row: 2,
        column: "form_id",
        message: expect.stringContaining('form_id is "risk" but this is questionnaire "follow-up"'),
        problem: { code: "xlsformOtherFormId", params: { formId: "risk", id: "follow-up" } },
      },
    ]);
  });
});

describe("XLSForm expressions", () => {
  it("writes nested conditions that read back the same", () => {
    const condition = {
      any: [
        {
          all: [
            { question: "a", equals: "x" },
            { question: "b", includes: "y" },
          ],
        },
        {
          not: {
            any: [
              { question: "c", equals: "it's" },
              { question: "d", equals: "z" },
            ],
          },
        },
      ],
    };
    const text = writeRelevant(condition);
    expect(text).toBe(`(\${a} = 'x' and selected(\${b}, 'y')) or not(\${c} = "it's" or \${d} = 'z')`);
    expect(parseRelevant(text)).toEqual({ condition });
  });

  it("reads string lengths and numeric ranges, and nothing else", () => {
    expect(parseConstraint("string-length(.) <= 500")).toEqual({ constraint: { maxLength: 500 } });
    expect(parseConstraint(". <= 100 and . >= 0")).toEqual({ constraint: { min: 0, max: 100 } });
    expect(parseConstraint(". > 0")).toHaveProperty("problem");
  });
});
