// Which questions a respondent sees, given the answers so far. Used by the form and by the server.
import type { Answers } from "./answers";
import { isMultipleChoiceAnswer } from "./answers";
import type { Question, QuestionnaireDefinition } from "./questionnaire";
import { allQuestions } from "./questionnaire";

/** Found without building the flat list: the server asks this for every conditional question of every reply. */
function questionById(definition: QuestionnaireDefinition, id: string): Question | undefined {
  for (const section of definition.sections) for (const question of section.questions) if (question.id === id) return question;
  return undefined;
}

export function isQuestionVisible(question: Question, answers: Answers, definition: QuestionnaireDefinition): boolean {
  const condition = question.visibleWhen;
  if (!condition) return true;
  const controller = questionById(definition, condition.question);
  // A question hidden behind a hidden question stays hidden (chains of conditions).
  if (!controller || !isQuestionVisible(controller, answers, definition)) return false;
  const value = answers[condition.question];
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.includes !== undefined) return isMultipleChoiceAnswer(value) && value.choices.includes(condition.includes);
  return false;
}

export function visibleQuestions(definition: QuestionnaireDefinition, answers: Answers): Question[] {
  return allQuestions(definition).filter((q) => isQuestionVisible(q, answers, definition));
}

/** Drops answers to questions that are now hidden, so a changed mind never sends stale text. */
export function withoutHiddenAnswers(definition: QuestionnaireDefinition, answers: Answers): Answers {
  const visible = new Set(visibleQuestions(definition, answers).map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
}
