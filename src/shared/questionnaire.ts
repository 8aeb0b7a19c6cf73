// Questionnaire definitions: the survey is data, rendered by one generic form.
import * as z from "zod/mini";

export const identifier = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/));

export const choiceOption = z.strictObject({
  value: identifier,
  label: z.string().check(z.minLength(1), z.maxLength(300)),
  /** Choosing this option asks for a text ("other — please specify"). */
  specify: z.optional(z.boolean()),
  /** Stands alone ("none yet"): choosing it clears the other options, and a reply may not combine them. */
  exclusive: z.optional(z.boolean()),
});
export type ChoiceOption = z.infer<typeof choiceOption>;

/** Shown only when another question has a given answer (equals for single answers, includes for multiple). */
export const visibilityCondition = z.strictObject({
  question: identifier,
  equals: z.optional(z.string()),
  includes: z.optional(z.string()),
});
export type VisibilityCondition = z.infer<typeof visibilityCondition>;

const questionBase = {
  id: identifier,
  label: z.string().check(z.minLength(1), z.maxLength(1000)),
  help: z.optional(z.string().check(z.maxLength(2000))),
  required: z.boolean(),
  visibleWhen: z.optional(visibilityCondition),
  /** Pre-filled from the invitation where the organiser knows it. */
  prefillFrom: z.optional(z.enum(["participantName", "email", "administrationCode", "position"])),
};

export const TEXT_LIMITS = { short_text: 300, email: 254, long_text: 5000 } as const;
export const SPECIFY_LIMIT = 500;

export const question = z.discriminatedUnion("type", [
  z.strictObject({ ...questionBase, type: z.literal("short_text"), maxLength: z.optional(z.int()) }),
  z.strictObject({ ...questionBase, type: z.literal("email") }),
  z.strictObject({ ...questionBase, type: z.literal("long_text"), maxLength: z.optional(z.int()) }),
  z.strictObject({ ...questionBase, type: z.literal("single_choice"), options: z.array(choiceOption) }),
  z.strictObject({ ...questionBase, type: z.literal("multiple_choice"), options: z.array(choiceOption) }),
  z.strictObject({ ...questionBase, type: z.literal("yes_no"), yesLabel: z.optional(z.string()), noLabel: z.optional(z.string()) }),
  /** Options come from a list the organiser maintains (e.g. member administrations), not from the definition. */
  z.strictObject({ ...questionBase, type: z.literal("choose_from_list"), list: z.enum(["administrations"]) }),
]);
export type Question = z.infer<typeof question>;
export type QuestionType = Question["type"];

export const section = z.strictObject({
  id: identifier,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  description: z.optional(z.string().check(z.maxLength(2000))),
  questions: z.array(question),
});
export type Section = z.infer<typeof section>;

export const questionnaireDefinition = z.strictObject({
  id: identifier,
  version: z.int().check(z.positive()),
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  intro: z.optional(z.string().check(z.maxLength(4000))),
  sections: z.array(section).check(z.minLength(1)),
});
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinition>;

export function allQuestions(definition: QuestionnaireDefinition): Question[] {
  return definition.sections.flatMap((s) => s.questions);
}

export function findQuestion(definition: QuestionnaireDefinition, id: string): Question | undefined {
  return allQuestions(definition).find((q) => q.id === id);
}
