// How the report reads one reply: the actions it chose, "none yet", its yes/no answers, its administration.
import { isMultipleChoiceAnswer, type Answers } from "../answers";
import { FOLLOW_UP_ACTIONS, NO_ACTION_YET, type FollowUpAction } from "./types";

/** The question ids of the follow-up questionnaire the report reads (versions 1 and 2 share them). */
export const REPORT_QUESTIONS = {
  followUpActions: "followUpActions",
  directEffects: "directEffects",
  efficiencyImproved: "efficiencyImproved",
  newProjects: "newProjects",
} as const;

export type YesNoQuestion = "directEffects" | "efficiencyImproved" | "newProjects";

/** The actions a reply chose (a set: a duplicated choice counts once). */
export function chosenActions(answers: Answers): Set<FollowUpAction> {
  const value = answers[REPORT_QUESTIONS.followUpActions];
  const chosen = new Set<FollowUpAction>();
  if (!isMultipleChoiceAnswer(value)) return chosen;
  for (const choice of value.choices) {
    if ((FOLLOW_UP_ACTIONS as readonly string[]).includes(choice)) chosen.add(choice as FollowUpAction);
  }
  return chosen;
}

/** True when the reply answered "I have not taken any follow-up action yet". */
export function tookNoActionYet(answers: Answers): boolean {
  const value = answers[REPORT_QUESTIONS.followUpActions];
  return isMultipleChoiceAnswer(value) && value.choices.includes(NO_ACTION_YET);
}

/** "yes", "no", or null when the reply skipped the question (or holds something else). */
export function yesNoAnswer(answers: Answers, question: YesNoQuestion): "yes" | "no" | null {
  const value = answers[REPORT_QUESTIONS[question]];
  if (typeof value !== "string") return null;
  const normalized = value.trim().toLowerCase();
  return normalized === "yes" || normalized === "no" ? normalized : null;
}

export function normalizeAdministrationCode(code: string): string {
  return code.trim().toUpperCase();
}
