// Checks answers against a questionnaire version, in plain words. The phone runs it inline; the server on receipt.
import type { AnswerValue, Answers } from "./answers";
import { isAnswered, isMultipleChoiceAnswer } from "./answers";
import type { ChoiceOption, Question, QuestionnaireDefinition } from "./questionnaire";
import { sayInEnglish, type SayIssue } from "./answerIssueWords";
import { SPECIFY_LIMIT, TEXT_LIMITS, findQuestion } from "./questionnaire";
import { isQuestionVisible } from "./visibility";

export interface AnswerIssue {
  /** The question id the problem belongs to. */
  question: string;
  code:
    | "required"
    | "too_long"
    | "not_a_number"
    | "out_of_range"
    | "invalid_date"
    | "invalid_email"
    | "invalid_choice"
    | "wrong_type"
    | "unknown_question"
    | "hidden_question"
    | "specify_required"
    | "exclusive_choice";
  message: string;
}

export interface ValidationContext {
  /** Codes allowed by a choose-from-list question (e.g. the member administrations). */
  lists?: { administrations?: readonly string[] };
  /** The words for a problem: English unless the phone passes its chosen language's catalogue. */
  say?: SayIssue;
  /** An option's label as the participant reads it (the phone: in the chosen language). */
  optionLabel?: (option: ChoiceOption) => string;
}

// Deliberately simple: one "@", something on each side, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isPlausibleEmail(value: string): boolean {
  return value.length <= TEXT_LIMITS.email && EMAIL_PATTERN.test(value);
}

function textLimit(question: Question): number {
  if (question.type === "short_text" || question.type === "long_text")
    return question.maxLength ?? TEXT_LIMITS[question.type];
  if (question.type === "email") return TEXT_LIMITS.email;
  return TEXT_LIMITS.short_text;
}

/** What to do about an unanswered required question, said for its kind of answer. */
export function requiredMessage(question: Question, context: ValidationContext = {}): string {
  const { say = sayInEnglish, optionLabel = (o: ChoiceOption) => o.label } = context;
  switch (question.type) {
    case "multiple_choice": {
      const alone = question.options.find((o) => o.exclusive);
      return alone ? say("issueChooseAtLeastOneOr", { option: optionLabel(alone) }) : say("issueChooseAtLeastOne");
    }
    case "single_choice":
    case "yes_no":
      return say("issueChooseOne");
    case "choose_from_list":
      return say("issueChooseFromList");
    case "email":
      return say("issueGiveEmail");
    default:
      return say("issueAnswer");
  }
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function numberIssues(
  question: Question & { type: "integer" | "decimal" },
  value: string,
  say: SayIssue,
): Omit<AnswerIssue, "question">[] {
  const pattern = question.type === "integer" ? /^-?\d{1,15}$/ : /^-?\d{1,15}(\.\d{1,10})?$/;
  if (!pattern.test(value.trim()))
    return [{ code: "not_a_number", message: say(question.type === "integer" ? "issueWholeNumber" : "issueNumber") }];
  const n = Number(value);
  const { min, max } = question;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const message =
      min === undefined
        ? say("issueAtMost", { max: max ?? 0 })
        : max === undefined
          ? say("issueAtLeast", { min })
          : say("issueBetween", { min, max });
    return [{ code: "out_of_range", message }];
  }
  return [];
}

/** Problems with one visible question's answer; empty when the answer is fine. */
export function validateAnswer(
  question: Question,
  value: AnswerValue | undefined,
  context: ValidationContext = {},
): AnswerIssue[] {
  const { say = sayInEnglish, optionLabel = (o: ChoiceOption) => o.label } = context;
  const issue = (code: AnswerIssue["code"], message: string): AnswerIssue[] => [
    { question: question.id, code, message },
  ];
  if (!isAnswered(value)) {
    return question.required ? issue("required", requiredMessage(question, context)) : [];
  }
  if (question.type === "multiple_choice") {
    if (!isMultipleChoiceAnswer(value)) return issue("wrong_type", say("issueChooseShown"));
    const known = new Map(question.options.map((o) => [o.value, o]));
    if (value.choices.some((c) => !known.has(c))) return issue("invalid_choice", say("issueNotAnOption"));
    if (new Set(value.choices).size !== value.choices.length) return issue("invalid_choice", say("issueChosenTwice"));
    const exclusive = value.choices.map((c) => known.get(c)).find((o) => o?.exclusive);
    if (exclusive && value.choices.length > 1)
      return issue("exclusive_choice", say("issueExclusive", { option: optionLabel(exclusive) }));
    const needsSpecify = value.choices.some((c) => known.get(c)?.specify);
    const specify = value.specify?.trim() ?? "";
    if (needsSpecify && specify.length === 0) {
      const labels = question.options
        .filter((o) => o.specify && value.choices.includes(o.value))
        .map((o) => `"${optionLabel(o)}"`);
      return issue("specify_required", say("issueDescribe", { options: labels.join(", ") }));
    }
    if (!needsSpecify && specify.length > 0) return issue("hidden_question", say("issueDescribedUnchosen"));
    if (specify.length > SPECIFY_LIMIT) return issue("too_long", say("issueSpecifyTooLong", { limit: SPECIFY_LIMIT }));
    return [];
  }
  if (typeof value !== "string") return issue("wrong_type", say("issueNotText"));
  switch (question.type) {
    case "single_choice":
      return question.options.some((o) => o.value === value) ? [] : issue("invalid_choice", say("issueChooseOneShown"));
    case "yes_no":
      return value === "yes" || value === "no" ? [] : issue("invalid_choice", say("issueYesOrNo"));
    case "choose_from_list": {
      const allowed = context.lists?.[question.list];
      if (allowed && !allowed.includes(value)) return issue("invalid_choice", say("issueChooseFromList"));
      return value.length <= 64 ? [] : issue("invalid_choice", say("issueChooseFromList"));
    }
    case "integer":
    case "decimal":
      return numberIssues(question, value, say).map((i) => ({ question: question.id, ...i }));
    case "date":
      return isCalendarDate(value) ? [] : issue("invalid_date", say("issueDate"));
    case "note":
      return issue("hidden_question", say("issueNote"));
    case "email":
      if (value.length > TEXT_LIMITS.email) return issue("too_long", say("issueEmailTooLong"));
      return isPlausibleEmail(value.trim()) ? [] : issue("invalid_email", say("issueNotEmail"));
    default: {
      const limit = textLimit(question);
      return value.length <= limit ? [] : issue("too_long", say("issueTooLong", { limit, count: value.length }));
    }
  }
}

/**
 * Validates a whole set of answers: every visible question's answer, and no answer to a question
 * that is hidden or not in this version of the questionnaire.
 */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  answers: Answers,
  context: ValidationContext = {},
): AnswerIssue[] {
  const { say = sayInEnglish } = context;
  const issues: AnswerIssue[] = [];
  // Plain loops rather than a flat list and a set: the server runs this for every reply it takes.
  for (const id of Object.keys(answers)) {
    if (!findQuestion(definition, id))
      issues.push({
        question: id,
        code: "unknown_question",
        message: say("issueUnknownQuestion"),
      });
  }
  for (const section of definition.sections)
    for (const question of section.questions) {
      const value = answers[question.id];
      if (!isQuestionVisible(question, answers, definition)) {
        if (isAnswered(value))
          issues.push({
            question: question.id,
            code: "hidden_question",
            message: say("issueHiddenQuestion"),
          });
        continue;
      }
      for (const issue of validateAnswer(question, value, context)) issues.push(issue);
    }
  return issues;
}
