// The edits the report-bindings panel makes, as pure functions of (definition, bindings): testable without a DOM.
import { allQuestions, type Question, type QuestionnaireDefinition } from "../../../shared/questionnaire";
import type { ActionsBinding, ReportBindings, YesNoBinding, YesNoTableKey } from "../../../shared/report/bindings";
import { FOLLOW_UP_ACTIONS, type FollowUpAction } from "../../../shared/report/types";

export interface OptionChoice {
  value: string;
  label: string;
}

/** Questions that can feed Table 2 (multiple choice) or a yes/no table (yes/no or single choice). */
export function bindableQuestions(definition: QuestionnaireDefinition, kind: "actions" | "yesNo"): Question[] {
  return allQuestions(definition).filter((q) =>
    kind === "actions" ? q.type === "multiple_choice" : q.type === "yes_no" || q.type === "single_choice",
  );
}

/**
 * The answers a question offers, as the panel lists them: a yes/no question's own labels, or when it sets none the
 * panel's words for yes and no (English unless the console passes its language's).
 */
export function optionsOf(
  definition: QuestionnaireDefinition,
  questionId: string,
  answerLabels: { yes: string; no: string } = { yes: "Yes", no: "No" },
): OptionChoice[] {
  const question = allQuestions(definition).find((q) => q.id === questionId);
  if (!question) return [];
  if (question.type === "yes_no")
    return [
      { value: "yes", label: question.yesLabel ?? answerLabels.yes },
      { value: "no", label: question.noLabel ?? answerLabels.no },
    ];
  return "options" in question ? question.options.map((o) => ({ value: o.value, label: o.label })) : [];
}

/**
 * Table 2 bound to a question (null: unbound). A first guess the organiser then corrects: an option whose id is a
 * column's key feeds that column, and exclusive options mean "no action yet".
 */
export function withActionsQuestion(
  definition: QuestionnaireDefinition,
  bindings: ReportBindings,
  questionId: string | null,
): ReportBindings {
  if (questionId === null) return { ...bindings, followUpActions: null };
  const question = allQuestions(definition).find((q) => q.id === questionId);
  const options = question?.type === "multiple_choice" ? question.options : [];
  const columns = Object.fromEntries(
    FOLLOW_UP_ACTIONS.map((column) => [column, options.filter((o) => o.value === column).map((o) => o.value)]),
  ) as ActionsBinding["columns"];
  const noActionYet = options.filter((o) => o.exclusive).map((o) => o.value);
  return { ...bindings, followUpActions: { question: questionId, columns, noActionYet } };
}

/** A yes/no table bound to a question (null: unbound): "yes"/"no", or a single choice's first and last options. */
export function withYesNoQuestion(
  definition: QuestionnaireDefinition,
  bindings: ReportBindings,
  table: YesNoTableKey,
  questionId: string | null,
): ReportBindings {
  if (questionId === null) return { ...bindings, [table]: null };
  const options = optionsOf(definition, questionId).map((o) => o.value);
  const binding: YesNoBinding = {
    question: questionId,
    yes: options.slice(0, 1),
    no: options.length > 1 ? options.slice(-1) : [],
  };
  return { ...bindings, [table]: binding };
}

function toggled(values: readonly string[], value: string, on: boolean): string[] {
  const without = values.filter((v) => v !== value);
  return on ? [...without, value] : without;
}

/** Where an option of the actions question can count: one of Table 2's columns, or "no action yet". */
export type ActionPlace = FollowUpAction | "noActionYet";

/**
 * An option ticked or unticked for one place. Ticking it there unticks it everywhere else: an option counts in one
 * place only.
 */
export function withActionOption(
  bindings: ReportBindings,
  place: ActionPlace,
  value: string,
  on: boolean,
): ReportBindings {
  const current = bindings.followUpActions;
  if (!current) return bindings;
  const next = (at: ActionPlace, values: readonly string[]) =>
    at === place ? toggled(values, value, on) : on ? toggled(values, value, false) : [...values];
  const columns = Object.fromEntries(
    FOLLOW_UP_ACTIONS.map((column) => [column, next(column, current.columns[column])]),
  ) as ActionsBinding["columns"];
  return {
    ...bindings,
    followUpActions: { ...current, columns, noActionYet: next("noActionYet", current.noActionYet) },
  };
}

/** An answer ticked or unticked as meaning yes (or no) in a yes/no table; it cannot mean both. */
export function withYesNoOption(
  bindings: ReportBindings,
  table: YesNoTableKey,
  side: "yes" | "no",
  value: string,
  on: boolean,
): ReportBindings {
  const current = bindings[table];
  if (!current) return bindings;
  const other = side === "yes" ? "no" : "yes";
  return {
    ...bindings,
    [table]: {
      ...current,
      [side]: toggled(current[side], value, on),
      [other]: on ? toggled(current[other], value, false) : current[other],
    },
  };
}
