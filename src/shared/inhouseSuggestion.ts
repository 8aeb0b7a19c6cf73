// Where a trainer's in-house session log fits a questionnaire: the option it ticks and the description it fills, as
// the questionnaire's data says (the multiple-choice question's `inhouseLog`, or the shipped v1/v2 data files).
import { isMultipleChoiceAnswer, type AnswerValue, type Answers } from "./answers";
import { toggleChoice } from "./choiceToggle";
import { allQuestions, findQuestion, type QuestionnaireDefinition, type Section } from "./questionnaire";
import { shippedInhouseLogTargets, type ShippedInhouseLogTarget } from "./questionnaires/inhouseLogTargets";

/** The question the log ticks an option of, that option, and the question its summary is appended to (if any). */
export function inhouseLogTarget(definition: QuestionnaireDefinition): ShippedInhouseLogTarget | undefined {
  for (const q of allQuestions(definition))
    if (q.type === "multiple_choice" && q.inhouseLog) return { question: q.id, ...q.inhouseLog };
  return shippedInhouseLogTargets.find((s) => s.id === definition.id && s.version === definition.version)?.target;
}

/** The definition with the log's target written on its question (a new draft keeps what its source said). */
export function withInhouseLogOnQuestion(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  const target = inhouseLogTarget(definition);
  if (!target) return definition;
  const { question, ...onQuestion } = target;
  return {
    ...definition,
    sections: definition.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) =>
        q.id === question && q.type === "multiple_choice" ? { ...q, inhouseLog: onQuestion } : q,
      ),
    })),
  };
}

/** The section holding the question the log ticks is where the log is offered. */
export const sectionTakesInhouseLog = (definition: QuestionnaireDefinition, section: Section): boolean => {
  const target = inhouseLogTarget(definition);
  return target !== undefined && section.questions.some((q) => q.id === target.question);
};

/** The questionnaire can record the log: the target question is multiple choice and has the target option. */
export function questionnaireTakesInhouseLog(definition: QuestionnaireDefinition): boolean {
  const target = inhouseLogTarget(definition);
  const question = target && findQuestion(definition, target.question);
  return question?.type === "multiple_choice" && question.options.some((o) => o.value === target!.option);
}

/** The answers already tick the in-house option and hold this summary in their description. */
export function answersHoldInhouseSummary(
  definition: QuestionnaireDefinition,
  answers: Answers,
  summary: string,
): boolean {
  const target = inhouseLogTarget(definition);
  if (!target) return false;
  const actions = answers[target.question];
  const description = target.description === undefined ? undefined : answers[target.description];
  return (
    isMultipleChoiceAnswer(actions) &&
    actions.choices.includes(target.option) &&
    (target.description === undefined || (typeof description === "string" && description.includes(summary)))
  );
}

/** The answers to set, in order, to record the summary: the in-house option ticked, the summary appended to the description. */
export function inhouseSummaryAnswers(
  definition: QuestionnaireDefinition,
  answers: Answers,
  summary: string,
): [questionId: string, value: AnswerValue][] {
  const target = inhouseLogTarget(definition);
  if (!target) return [];
  const updates: [string, AnswerValue][] = [];
  const question = findQuestion(definition, target.question);
  const actions = answers[target.question];
  const current = isMultipleChoiceAnswer(actions) ? actions : { choices: [] };
  // Ticking "in-house workshop" unticks an exclusive "none yet", as it would on screen.
  const { answer } = toggleChoice(
    question?.type === "multiple_choice" ? question.options : [],
    current,
    target.option,
    true,
  );
  if (answer) updates.push([target.question, answer]);
  if (target.description !== undefined && findQuestion(definition, target.description)) {
    const description = answers[target.description];
    const before = typeof description === "string" && description.trim() ? `${description.trim()}\n` : "";
    updates.push([target.description, `${before}${summary}`]);
  }
  return updates;
}
