// Curation rules the console and the server share: an excerpt is the respondent's own words, and many answers
// can be tagged at once. Kept apart from feedback.ts, which the participant app loads.
import * as z from "zod/mini";
import { answerTag, reportHeading } from "./feedback";

const id = z.string().check(z.minLength(1), z.maxLength(64));

/** Runs of spaces and line breaks as one space: a selection on screen loses the answer's line breaks. */
export const squeezeSpaces = (text: string): string => text.replace(/\s+/g, " ").trim();

/** An excerpt quotes the respondent: it must be their words, taken from the answer (spacing aside). */
export function excerptIsInAnswer(excerpt: string, answer: string): boolean {
  const words = squeezeSpaces(excerpt);
  return words !== "" && squeezeSpaces(answer).includes(words);
}

export const MAX_BULK_TAGS = 500;

/** POST /api/console/report/:fiscalYear/answers/tags: one tag and heading for many answers (quotes kept as they are). */
export const bulkTagRequest = z.strictObject({
  answers: z
    .array(z.strictObject({ replyId: z.string().check(z.minLength(1), z.maxLength(64)), questionId: id }))
    .check(z.minLength(1), z.maxLength(MAX_BULK_TAGS)),
  tag: answerTag,
  heading: reportHeading,
});
export type BulkTagRequest = z.infer<typeof bulkTagRequest>;

/** The answer to POST …/answers/tags: the answers as tagged now. */
export const bulkTagResult = z.object({ tagged: z.int() });
export type BulkTagResult = z.infer<typeof bulkTagResult>;
