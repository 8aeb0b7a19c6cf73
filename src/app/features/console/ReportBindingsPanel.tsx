// Which question and options of one questionnaire version feed the report's tables; mounted by the version editor.
import { For, Show, createUniqueId } from "solid-js";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import {
  BOUND_TABLES,
  bindingIssues,
  fedTables,
  usableBindings,
  type ReportBindings,
  type YesNoTableKey,
} from "../../../shared/report/bindings";
import { FOLLOW_UP_ACTIONS, FOLLOW_UP_ACTION_LABELS } from "../../../shared/report/types";
import {
  bindableQuestions,
  optionsOf,
  withActionOption,
  withActionsQuestion,
  withYesNoOption,
  withYesNoQuestion,
  type ActionPlace,
} from "./reportBindingEdits";

const YES_NO_TITLES: Record<YesNoTableKey, string> = {
  directEffects: "Table 3: direct effects (also Table 4)",
  efficiency: "Table 5: work efficiency and effectiveness",
  newProjects: "Table 6: new projects (also Table 7)",
};

export function ReportBindingsPanel(props: {
  definition: QuestionnaireDefinition;
  bindings: ReportBindings;
  onChange: (bindings: ReportBindings) => void;
  readOnly?: boolean;
}) {
  const id = createUniqueId();
  const issues = () => bindingIssues(props.definition, props.bindings);
  const fed = () => new Set(fedTables(usableBindings(props.definition, props.bindings)));
  const unfed = () =>
    (Object.keys(BOUND_TABLES) as Array<keyof typeof BOUND_TABLES>)
      .filter((t) => !fed().has(t))
      .map((t) => BOUND_TABLES[t].number);
  const actions = () => props.bindings.followUpActions;

  const actionPlaces: Array<{ place: ActionPlace; label: string }> = [
    ...FOLLOW_UP_ACTIONS.map((a) => ({ place: a as ActionPlace, label: FOLLOW_UP_ACTION_LABELS[a] })),
    { place: "noActionYet", label: "No action yet (answered, no action)" },
  ];

  return (
    <section class="report-bindings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Report tables</h2>
      <p class="muted" role="status">
        <Show when={unfed().length > 0} fallback="This version feeds Tables 2 to 7.">
          Replies to this version are left out of Table{unfed().length > 1 ? "s" : ""} {unfed().join(", ")} until bound.
        </Show>
      </p>
      <Show when={issues().length > 0}>
        <ul class="field-error" aria-label="Bindings that do not read">
          <For each={issues()}>{(issue) => <li>{issue.message}</li>}</For>
        </ul>
      </Show>

      <fieldset class="choices" disabled={props.readOnly}>
        <legend class="question-label">Table 2: follow-up actions (also Tables 4 and 7)</legend>
        <QuestionSelect
          id={`${id}-actions`}
          questions={bindableQuestions(props.definition, "actions")}
          value={actions()?.question}
          onChange={(question) => props.onChange(withActionsQuestion(props.definition, props.bindings, question))}
        />
        <Show when={actions()}>
          {(binding) => (
            <For each={actionPlaces}>
              {({ place, label }) => (
                <OptionChecks
                  legend={label}
                  options={optionsOf(props.definition, binding().question)}
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

      <For each={Object.keys(YES_NO_TITLES) as YesNoTableKey[]}>
        {(table) => (
          <fieldset class="choices" disabled={props.readOnly}>
            <legend class="question-label">{YES_NO_TITLES[table]}</legend>
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
                      legend={`Counts as ${side}`}
                      options={optionsOf(props.definition, binding().question)}
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
      <label for={props.id}>Question</label>
      <select id={props.id} value={props.value ?? ""} onChange={(e) => props.onChange(e.currentTarget.value || null)}>
        <option value="">Not bound</option>
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
