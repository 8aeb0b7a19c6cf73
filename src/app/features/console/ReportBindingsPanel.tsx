// Which question and options of one questionnaire version feed the report's tables; mounted by the version editor.
import { For, Show, createUniqueId } from "solid-js";
import { formattingLocale } from "../../i18n/language";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import {
  BOUND_TABLES,
  bindingIssues,
  fedTables,
  usableBindings,
  type ReportBindings,
  type YesNoTableKey,
} from "../../../shared/report/bindings";
import { FOLLOW_UP_ACTIONS } from "../../../shared/report/types";
import {
  bindableQuestions,
  optionsOf,
  withActionOption,
  withActionsQuestion,
  withYesNoOption,
  withYesNoQuestion,
  type ActionPlace,
} from "./reportBindingEdits";
import { editorText as t, reportsText } from "./consoleText";

/** The yes/no tables, in the panel's order (their titles are keyed `table_<key>` in the catalogue). */
const YES_NO_TABLES: readonly YesNoTableKey[] = ["directEffects", "efficiency", "newProjects"];

export function ReportBindingsPanel(props: {
  definition: QuestionnaireDefinition;
  bindings: ReportBindings;
  onChange: (bindings: ReportBindings) => void;
  readOnly?: boolean;
}) {
  const id = createUniqueId();
  const issues = () => bindingIssues(props.definition, props.bindings, t);
  const fed = () => new Set(fedTables(usableBindings(props.definition, props.bindings)));
  const unfed = () =>
    (Object.keys(BOUND_TABLES) as Array<keyof typeof BOUND_TABLES>)
      .filter((t) => !fed().has(t))
      .map((t) => BOUND_TABLES[t].number);
  const actions = () => props.bindings.followUpActions;

  const actionPlaces = (): Array<{ place: ActionPlace; label: string }> => [
    ...FOLLOW_UP_ACTIONS.map((a) => ({ place: a as ActionPlace, label: reportsText(`action_${a}`) })),
    { place: "noActionYet", label: t("noActionYet") },
  ];
  const answerLabels = () => ({ yes: t("answerYes"), no: t("answerNo") });

  return (
    <section class="report-bindings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("reportTables")}</h2>
      <p class="muted" role="status">
        <Show when={unfed().length > 0} fallback={t("feedsEveryTable")}>
          {t(unfed().length > 1 ? "leftOutOfTables" : "leftOutOfTable", {
            tables: unfed()
              .map((n) => n.toLocaleString(formattingLocale()))
              .join(", "),
          })}
        </Show>
      </p>
      <Show when={issues().length > 0}>
        <ul class="field-error" aria-label={t("bindingsThatDoNotRead")}>
          <For each={issues()}>{(issue) => <li>{issue.message}</li>}</For>
        </ul>
      </Show>

      <fieldset class="choices" disabled={props.readOnly}>
        <legend class="question-label">{t("actionsTableLegend")}</legend>
        <QuestionSelect
          id={`${id}-actions`}
          questions={bindableQuestions(props.definition, "actions")}
          value={actions()?.question}
          onChange={(question) => props.onChange(withActionsQuestion(props.definition, props.bindings, question))}
        />
        <Show when={actions()}>
          {(binding) => (
            <For each={actionPlaces()}>
              {({ place, label }) => (
                <OptionChecks
                  legend={label}
                  options={optionsOf(props.definition, binding().question, answerLabels())}
                  isChecked={(value) =>
                    (place === "noActionYet" ? binding().noActionYet : binding().columns[place]).includes(value)
                  }
                  onToggle={(value, checked) => props.onChange(withActionOption(props.bindings, place, value, checked))}
                />
              )}
            </For>
          )}
        </Show>
      </fieldset>

      <For each={YES_NO_TABLES}>
        {(table) => (
          <fieldset class="choices" disabled={props.readOnly}>
            <legend class="question-label">{t(`table_${table}`)}</legend>
            <QuestionSelect
              id={`${id}-${table}`}
              questions={bindableQuestions(props.definition, "yesNo")}
              value={props.bindings[table]?.question}
              onChange={(question) =>
                props.onChange(withYesNoQuestion(props.definition, props.bindings, table, question))
              }
            />
            <Show when={props.bindings[table]}>
              {(binding) => (
                <For each={["yes", "no"] as const}>
                  {(side) => (
                    <OptionChecks
                      legend={t(side === "yes" ? "countsAsYes" : "countsAsNo")}
                      options={optionsOf(props.definition, binding().question, answerLabels())}
                      isChecked={(value) => binding()[side].includes(value)}
                      onToggle={(value, checked) =>
                        props.onChange(withYesNoOption(props.bindings, table, side, value, checked))
                      }
                    />
                  )}
                </For>
              )}
            </Show>
          </fieldset>
        )}
      </For>
    </section>
  );
}

/** The question a table reads, or none ("Not bound"). */
function QuestionSelect(props: {
  id: string;
  questions: readonly { id: string; label: string }[];
  value: string | undefined;
  onChange: (question: string | null) => void;
}) {
  return (
    <>
      <label for={props.id}>{t("question")}</label>
      <select id={props.id} value={props.value ?? ""} onChange={(e) => props.onChange(e.currentTarget.value || null)}>
        <option value="">{t("notBound")}</option>
        <For each={props.questions}>{(q) => <option value={q.id}>{q.label}</option>}</For>
      </select>
    </>
  );
}

/** One checkbox per option of the bound question: which of them count for a column or a side. */
function OptionChecks(props: {
  legend: string;
  options: readonly { value: string; label: string }[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      <For each={props.options}>
        {(option) => (
          <label class="choice">
            <input
              type="checkbox"
              checked={props.isChecked(option.value)}
              onChange={(e) => props.onToggle(option.value, e.currentTarget.checked)}
            />
            <span>{option.label}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
