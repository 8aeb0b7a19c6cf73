// Where a trainer's in-house session log fits the follow-up questionnaire: the action it ticks and the description it fills.
import { isMultipleChoiceAnswer, type AnswerValue, type Answers } from "./answers";
import { toggleChoice } from "./choiceToggle";
import { findQuestion, type QuestionnaireDefinition, type Section } from "./questionnaire";
import type { FollowUpAction } from "./report/types";

/** The follow-up questionnaire's ids (versions 1 and 2 share them) for "organized an in-house workshop" and its description. */
export const INHOUSE_LOG_TARGET = {
  actionsQuestion: "followUpActions",
  inhouseOption: "inhouse_workshop" satisfies FollowUpAction,
  descriptionQuestion: "actionsDescription",
} as const;

/** The section that asks for follow-up actions is where the log is offered. */
export const sectionTakesInhouseLog = (section: Section): boolean =>
  section.questions.some((q) => q.id === INHOUSE_LOG_TARGET.actionsQuestion);

/** The questionnaire can record the log: its actions question is multiple choice with an in-house option. */
export function questionnaireTakesInhouseLog(definition: QuestionnaireDefinition): boolean {
  const question = findQuestion(definition, INHOUSE_LOG_TARGET.actionsQuestion);
  return (
    question?.type === "multiple_choice" && question.options.some((o) => o.value === INHOUSE_LOG_TARGET.inhouseOption)
  );
}

/** The answers already tick the in-house option and hold this summary in their description. */
export function answersHoldInhouseSummary(answers: Answers, summary: string): boolean {
  const actions = answers[INHOUSE_LOG_TARGET.actionsQuestion];
  const description = answers[INHOUSE_LOG_TARGET.descriptionQuestion];
  return (
    isMultipleChoiceAnswer(actions) &&
    actions.choices.includes(INHOUSE_LOG_TARGET.inhouseOption) &&
    typeof description === "string" &&
    description.includes(summary)
  );
}

/** The answers to set, in order, to record the summary: the in-house option ticked, the summary appended to the description. */
export function inhouseSummaryAnswers(
  definition: QuestionnaireDefinition,
  answers: Answers,
  summary: string,
): [questionId: string, value: AnswerValue][] {
  const { actionsQuestion, inhouseOption, descriptionQuestion } = INHOUSE_LOG_TARGET;
  const updates: [string, AnswerValue][] = [];
  const question = findQuestion(definition, actionsQuestion);
  const actions = answers[actionsQuestion];
  const current = isMultipleChoiceAnswer(actions) ? actions : { choices: [] };
  // Ticking "in-house workshop" unticks an exclusive "none yet", as it would on screen.
  const { answer } = toggleChoice(
    question?.type === "multiple_choice" ? question.options : [],
    current,
    inhouseOption,
    true,
  );
  if (answer) updates.push([actionsQuestion, answer]);
  const description = answers[descriptionQuestion];
  const before = typeof description === "string" && description.trim() ? `${description.trim()}\n` : "";
  if (findQuestion(definition, descriptionQuestion)) updates.push([descriptionQuestion, `${before}${summary}`]);
  return updates;
}
