// Which questions a respondent sees, given the answers so far. Used by the form and by the server.
import type { Answers } from "./answers";
import { isMultipleChoiceAnswer } from "./answers";
import type { AnswerCondition, Question, QuestionnaireDefinition, VisibilityCondition } from "./questionnaire";
import { allQuestions, findQuestion } from "./questionnaire";

export function isQuestionVisible(question: Question, answers: Answers, definition: QuestionnaireDefinition): boolean {
  return question.visibleWhen === undefined || conditionHolds(question.visibleWhen, answers, definition);
}

function conditionHolds(
  condition: VisibilityCondition,
  answers: Answers,
  definition: QuestionnaireDefinition,
): boolean {
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, answers, definition));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, answers, definition));
  if ("not" in condition) return !conditionHolds(condition.not, answers, definition);
  return answerConditionHolds(condition, answers, definition);
}

function answerConditionHolds(
  condition: AnswerCondition,
  answers: Answers,
  definition: QuestionnaireDefinition,
): boolean {
  const controller = findQuestion(definition, condition.question);
  // A hidden controller counts as unanswered (chains of conditions stay hidden; under not(...) this is true, as in ODK).
  if (!controller || !isQuestionVisible(controller, answers, definition)) return false;
  const value = answers[condition.question];
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.includes !== undefined)
    return isMultipleChoiceAnswer(value) && value.choices.includes(condition.includes);
  return false;
}

/** The question ids a condition reads. */
export function conditionQuestions(condition: VisibilityCondition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionQuestions);
  if ("any" in condition) return condition.any.flatMap(conditionQuestions);
  if ("not" in condition) return conditionQuestions(condition.not);
  return [condition.question];
}

export function visibleQuestions(definition: QuestionnaireDefinition, answers: Answers): Question[] {
  return allQuestions(definition).filter((q) => isQuestionVisible(q, answers, definition));
}

/** Drops answers to questions that are now hidden, so a changed mind never sends stale text. */
export function withoutHiddenAnswers(definition: QuestionnaireDefinition, answers: Answers): Answers {
  const visible = new Set(visibleQuestions(definition, answers).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
}
