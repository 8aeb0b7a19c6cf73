// What ticking or unticking one option of a multiple-choice question leaves, with exclusive options ("none yet") kept alone.
import type { MultipleChoiceAnswer } from "./answers";
import type { ChoiceOption } from "./questionnaire";

export interface ToggledChoice {
  /** The new answer, or undefined when nothing is chosen any more. */
  answer: MultipleChoiceAnswer | undefined;
  /** Options that were unticked as a consequence (to tell the respondent why they vanished). */
  cleared: string[];
}

export function toggleChoice(
  options: readonly ChoiceOption[],
  current: MultipleChoiceAnswer,
  value: string,
  checked: boolean,
): ToggledChoice {
  const byValue = new Map(options.map((o) => [o.value, o]));
  const without = current.choices.filter((c) => c !== value);
  let choices: string[];
  let cleared: string[] = [];
  if (!checked) {
    choices = without;
  } else if (byValue.get(value)?.exclusive) {
    cleared = without;
    choices = [value];
  } else {
    cleared = without.filter((c) => byValue.get(c)?.exclusive);
    choices = [...without.filter((c) => !byValue.get(c)?.exclusive), value];
  }
  // A "please specify" text survives only while an option that asks for it stays chosen.
  const keepsSpecify = choices.some((c) => byValue.get(c)?.specify) && current.specify !== undefined;
  const answer: MultipleChoiceAnswer = keepsSpecify ? { choices, specify: current.specify } : { choices };
  return { answer: choices.length > 0 ? answer : undefined, cleared };
}
