// The README's example reply is one the server would store: its shape is a reply, and its answers are complete
// and valid for the questionnaire version it names.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/shared/answerValidation";
import { bundledQuestionnaires } from "../../src/shared/questionnaires/index";
import { reply } from "../../src/shared/reply";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

function exampleAfter(heading: string): unknown {
  const start = readme.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const block = /```json\n([\s\S]*?)```/.exec(readme.slice(start));
  return JSON.parse(block![1]);
}

describe("the README's example reply", () => {
  it("is a reply with every required answer of the version it names, each valid", () => {
    const parsed = reply.safeParse(exampleAfter("A reply (every required answer"));
    expect(parsed.error?.issues ?? []).toEqual([]);
    const example = parsed.data!;
    const questionnaire = bundledQuestionnaires.find(
      (q) => q.id === example.questionnaireId && q.version === example.questionnaireVersion,
    )!;
    expect(questionnaire).toBeDefined();
    expect(validateAnswers(questionnaire, example.answers)).toEqual([]);
  });
});
