// Checks answers against a questionnaire version, in plain words. The phone runs it inline; the server on receipt.
import type { AnswerValue, Answers } from "./answers";
import { isAnswered, isMultipleChoiceAnswer } from "./answers";
import type { Question, QuestionnaireDefinition } from "./questionnaire";
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
export function requiredMessage(question: Question): string {
  switch (question.type) {
    case "multiple_choice": {
      const alone = question.options.find((o) => o.exclusive);
      return alone ? `Choose at least one option, or "${alone.label}".` : "Choose at least one option.";
    }
    case "single_choice":
    case "yes_no":
      return "Choose one answer.";
    case "choose_from_list":
      return "Choose one from the list.";
    case "email":
      return "Please give an e-mail address.";
    default:
      return "Please answer this question.";
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
): Omit<AnswerIssue, "question">[] {
  const pattern = question.type === "integer" ? /^-?\d{1,15}$/ : /^-?\d{1,15}(\.\d{1,10})?$/;
  if (!pattern.test(value.trim()))
    return [
      {
        code: "not_a_number",
        message: question.type === "integer" ? "Please give a whole number." : "Please give a number.",
      },
    ];
  const n = Number(value);
  if ((question.min !== undefined && n < question.min) || (question.max !== undefined && n > question.max)) {
    const range = [
      question.min !== undefined ? `at least ${question.min}` : "",
      question.max !== undefined ? `at most ${question.max}` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    return [{ code: "out_of_range", message: `Please give a number ${range}.` }];
  }
  return [];
}

/** Problems with one visible question's answer; empty when the answer is fine. */
export function validateAnswer(
  question: Question,
  value: AnswerValue | undefined,
  context: ValidationContext = {},
): AnswerIssue[] {
  const issue = (code: AnswerIssue["code"], message: string): AnswerIssue[] => [
    { question: question.id, code, message },
  ];
  if (!isAnswered(value)) {
    return question.required ? issue("required", requiredMessage(question)) : [];
  }
  if (question.type === "multiple_choice") {
    if (!isMultipleChoiceAnswer(value)) return issue("wrong_type", "Please choose from the options shown.");
    const known = new Map(question.options.map((o) => [o.value, o]));
    if (value.choices.some((c) => !known.has(c)))
      return issue("invalid_choice", "One of the chosen options is not part of this question.");
    if (new Set(value.choices).size !== value.choices.length)
      return issue("invalid_choice", "An option was chosen twice.");
    const exclusive = value.choices.map((c) => known.get(c)).find((o) => o?.exclusive);
    if (exclusive && value.choices.length > 1)
      return issue("exclusive_choice", `"${exclusive.label}" cannot be combined with other options.`);
    const needsSpecify = value.choices.some((c) => known.get(c)?.specify);
    const specify = value.specify?.trim() ?? "";
    if (needsSpecify && specify.length === 0) {
      const labels = question.options
        .filter((o) => o.specify && value.choices.includes(o.value))
        .map((o) => `"${o.label}"`);
      return issue("specify_required", `Please describe ${labels.join(" and ")}.`);
    }
    if (!needsSpecify && specify.length > 0)
      return issue("hidden_question", "A description was given for an option that was not chosen.");
    if (specify.length > SPECIFY_LIMIT) return issue("too_long", `Please keep this under ${SPECIFY_LIMIT} characters.`);
    return [];
  }
  if (typeof value !== "string") return issue("wrong_type", "This answer should be text.");
  switch (question.type) {
    case "single_choice":
      return question.options.some((o) => o.value === value)
        ? []
        : issue("invalid_choice", "Please choose one of the options shown.");
    case "yes_no":
      return value === "yes" || value === "no" ? [] : issue("invalid_choice", "Please answer yes or no.");
    case "choose_from_list": {
      const allowed = context.lists?.[question.list];
      if (allowed && !allowed.includes(value)) return issue("invalid_choice", "Please choose one from the list.");
      return value.length <= 64 ? [] : issue("invalid_choice", "Please choose one from the list.");
    }
    case "integer":
    case "decimal":
      return numberIssues(question, value).map((i) => ({ question: question.id, ...i }));
    case "date":
      return isCalendarDate(value) ? [] : issue("invalid_date", "Please give a date as year-month-day (2026-03-01).");
    case "note":
      return issue("hidden_question", "This is a note to read: it takes no answer.");
    case "email":
      if (value.length > TEXT_LIMITS.email) return issue("too_long", "This e-mail address is too long.");
      return isPlausibleEmail(value.trim())
        ? []
        : issue("invalid_email", "This does not look like an e-mail address (name@example.org).");
    default: {
      const limit = textLimit(question);
      return value.length <= limit
        ? []
        : issue(
            "too_long",
            `Please keep this under ${limit.toLocaleString("en")} characters (now ${value.length.toLocaleString("en")}).`,
          );
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
  const issues: AnswerIssue[] = [];
  // Plain loops rather than a flat list and a set: the server runs this for every reply it takes.
  for (const id of Object.keys(answers)) {
    if (!findQuestion(definition, id))
      issues.push({
        question: id,
        code: "unknown_question",
        message: "This question is not part of this version of the questionnaire.",
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
            message: "This question does not apply given the other answers, so it should be left empty.",
          });
        continue;
      }
      for (const issue of validateAnswer(question, value, context)) issues.push(issue);
    }
  return issues;
}
