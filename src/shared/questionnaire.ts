// Questionnaire definitions: the survey is data, rendered by one generic form.
import * as z from "zod/mini";

export const identifier = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/));

/** An ISO 639 language code, optionally with a region ("fr", "pt-BR"). */
export const languageCode = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/));

/**
 * The same text in other languages, by language code, beside the English field it translates (XLSForm's
 * `label::French (fr)`). Optional: the renderer shows the English text until it learns to choose a language.
 */
export const translations = (max: number) =>
  z.optional(z.record(languageCode, z.string().check(z.minLength(1), z.maxLength(max))));

export const choiceOption = z.strictObject({
  value: identifier,
  label: z.string().check(z.minLength(1), z.maxLength(300)),
  labels: translations(300),
  /** Choosing this option asks for a text ("other — please specify"). */
  specify: z.optional(z.boolean()),
  /** Stands alone ("none yet"): choosing it clears the other options, and a reply may not combine them. */
  exclusive: z.optional(z.boolean()),
});
export type ChoiceOption = z.infer<typeof choiceOption>;

/** Another question has a given answer (equals for single answers, includes for multiple). */
export const answerCondition = z.strictObject({
  question: identifier,
  equals: z.optional(z.string()),
  includes: z.optional(z.string()),
});
export type AnswerCondition = z.infer<typeof answerCondition>;

/** When a question is shown: one answer condition, or several combined (XLSForm's `and`, `or`, `not(...)`). */
export type VisibilityCondition =
  AnswerCondition | { all: VisibilityCondition[] } | { any: VisibilityCondition[] } | { not: VisibilityCondition };
export const visibilityCondition: z.ZodMiniType<VisibilityCondition> = z.lazy(() =>
  z.union([
    answerCondition,
    z.strictObject({ all: z.array(visibilityCondition).check(z.minLength(2)) }),
    z.strictObject({ any: z.array(visibilityCondition).check(z.minLength(2)) }),
    z.strictObject({ not: visibilityCondition }),
  ]),
);

export const inhouseLogTarget = z.strictObject({ option: identifier, description: z.optional(identifier) });
export type InhouseLogTarget = z.infer<typeof inhouseLogTarget>;

const questionBase = {
  id: identifier,
  label: z.string().check(z.minLength(1), z.maxLength(1000)),
  labels: translations(1000),
  help: z.optional(z.string().check(z.maxLength(2000))),
  helps: translations(2000),
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
  z.strictObject({
    ...questionBase,
    type: z.literal("multiple_choice"),
    options: z.array(choiceOption),
    /** Where a trainer's in-house workshop log goes: the option it ticks, and the question its summary is added to. */
    inhouseLog: z.optional(inhouseLogTarget),
  }),
  z.strictObject({
    ...questionBase,
    type: z.literal("yes_no"),
    yesLabel: z.optional(z.string()),
    noLabel: z.optional(z.string()),
  }),
  /** Options come from a list the organiser maintains (e.g. member administrations), not from the definition. */
  z.strictObject({ ...questionBase, type: z.literal("choose_from_list"), list: z.enum(["administrations"]) }),
  // Numbers and dates are answered as text ("12", "3.5", "2026-03-01") so every answer stays a string or a choice list.
  z.strictObject({ ...questionBase, type: z.literal("integer"), min: z.optional(z.int()), max: z.optional(z.int()) }),
  z.strictObject({
    ...questionBase,
    type: z.literal("decimal"),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
  }),
  z.strictObject({ ...questionBase, type: z.literal("date") }),
  /** Text to read, nothing to answer. */
  z.strictObject({ ...questionBase, type: z.literal("note"), required: z.literal(false) }),
]);
export type Question = z.infer<typeof question>;
export type QuestionType = Question["type"];
/** Types the phone's form does not display yet: publishing a version with them warns. */
export const TYPES_NOT_YET_RENDERED: readonly QuestionType[] = ["integer", "decimal", "date", "note"];

export const section = z.strictObject({
  id: identifier,
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  titles: translations(300),
  description: z.optional(z.string().check(z.maxLength(2000))),
  descriptions: translations(2000),
  questions: z.array(question),
});
export type Section = z.infer<typeof section>;

export const questionnaireDefinition = z.strictObject({
  id: identifier,
  version: z.int().check(z.positive()),
  title: z.string().check(z.minLength(1), z.maxLength(300)),
  /** Optional like every translation, so versions published before it keep their canonical JSON and content hash. */
  titles: translations(300),
  intro: z.optional(z.string().check(z.maxLength(4000))),
  intros: translations(4000),
  sections: z.array(section).check(z.minLength(1)),
});
export type QuestionnaireDefinition = z.infer<typeof questionnaireDefinition>;

export function allQuestions(definition: QuestionnaireDefinition): Question[] {
  return definition.sections.flatMap((s) => s.questions);
}

/** Found without building the flat list: the server asks this for every answer and condition of every reply. */
export function findQuestion(definition: QuestionnaireDefinition, id: string): Question | undefined {
  for (const section of definition.sections)
    for (const question of section.questions) if (question.id === id) return question;
  return undefined;
}
