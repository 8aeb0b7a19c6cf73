// The shape of one answer, per question type.
import * as z from "zod/mini";
import { noNulCharacter, text } from "./text";

/** Longest question id or option value, and most options one answer may choose. */
export const ANSWER_KEY_MAX_LENGTH = 64;
export const MAX_CHOICES = 50;

/** Multiple choice: the chosen option values, plus the text for an option that asks to specify. */
export const multipleChoiceAnswer = z.strictObject({
  choices: z
    .array(z.string().check(z.maxLength(ANSWER_KEY_MAX_LENGTH), noNulCharacter))
    .check(z.maxLength(MAX_CHOICES)),
  specify: z.optional(text()),
});
export type MultipleChoiceAnswer = z.infer<typeof multipleChoiceAnswer>;

/** Single values (text, e-mail, a choice, yes/no) are strings; multiple choice is an object. */
export const answerValue = z.union([text(), multipleChoiceAnswer]);
export type AnswerValue = z.infer<typeof answerValue>;

export const answers = z.record(z.string().check(z.maxLength(ANSWER_KEY_MAX_LENGTH), noNulCharacter), answerValue);
export type Answers = z.infer<typeof answers>;

export function isMultipleChoiceAnswer(value: AnswerValue | undefined): value is MultipleChoiceAnswer {
  return typeof value === "object" && value !== null && Array.isArray((value as MultipleChoiceAnswer).choices);
}

/** An answer counts as given when it holds something a person typed or chose. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === "string") return value.trim().length > 0;
  return value.choices.length > 0;
}

/**
 * The words a respondent wrote for a curatable answer: a text answer, or the "other — please specify" text of a
 * multiple choice ("" when there are none).
 */
export function writtenText(value: AnswerValue | undefined): string {
  if (typeof value === "string") return value.trim();
  return isMultipleChoiceAnswer(value) ? (value.specify?.trim() ?? "") : "";
}
