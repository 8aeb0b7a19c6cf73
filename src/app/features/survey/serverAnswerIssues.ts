// The answer problems of a reply the server refused, in the chosen language: the phone checks the same answers again
// with the same words (src/shared/answerIssueWords.ts), and a problem it does not find keeps the server's sentence.
import type { FieldIssue } from "../../../shared/api";
import type { Answers } from "../../../shared/answers";
import { validateAnswers, type ValidationContext } from "../../../shared/answerValidation";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";

/** Each question the server found a problem with (its id, the detail's path without "answers.") to that problem. */
export function serverAnswerIssues(
  details: readonly FieldIssue[] | undefined,
  definition: QuestionnaireDefinition | undefined,
  answers: Answers,
  context: ValidationContext,
): Map<string, string> {
  const worded = new Map<string, string>();
  if (!details || details.length === 0) return worded;
  const found = definition ? validateAnswers(definition, answers, context) : [];
  for (const detail of details) {
    const question = detail.path.replace(/^answers\./, "");
    const same = found.find((issue) => issue.question === question && issue.code === detail.code);
    worded.set(question, same?.message ?? detail.message);
  }
  return worded;
}
