// When a question is shown: tests on earlier questions ("is", "is not", "includes", "does not include") joined by
// and/or. A condition nested deeper than that (from an imported XLSForm) is shown as text and can only be replaced.
import { For, Show } from "solid-js";
import type { Question, QuestionnaireDefinition, VisibilityCondition } from "../../../shared/questionnaire";
import { findQuestion } from "../../../shared/questionnaire";
import { describeCondition } from "../../../shared/questionnaireDiff";
import {
  conditionForm,
  conditionFromForm,
  conditionValues,
  questionsBefore,
  type ConditionClause,
  type ConditionForm,
} from "../../../shared/questionnaireEditing";
import { editorText as t } from "./consoleText";

const testsFor = (question: Question | undefined): ConditionClause["test"][] =>
  question?.type === "multiple_choice" ? ["includes", "not_includes"] : ["equals", "not_equals"];

export function ConditionEditor(props: {
  definition: QuestionnaireDefinition;
  question: Question;
  onChange: (condition: VisibilityCondition | undefined) => void;
}) {
  const form = () => conditionForm(props.question.visibleWhen);
  const earlier = () => questionsBefore(props.definition, props.question.id);
  const prefix = () => `cond-${props.question.id}`;
  const change = (next: ConditionForm) => props.onChange(conditionFromForm(next));
  const clauseFor = (question: Question): ConditionClause => ({
    question: question.id,
    test: testsFor(question)[0],
    value: conditionValues(question)[0]?.value ?? "",
  });
  const setClause = (current: ConditionForm, index: number, clause: ConditionClause) =>
    change({ ...current, clauses: current.clauses.map((c, i) => (i === index ? clause : c)) });

  return (
    <div class="condition-editor">
      <Show
        when={form()}
        fallback={
          <p>
            {t("shownWhen", { condition: describeCondition(props.question.visibleWhen, t) })}{" "}
            <button type="button" class="button small" onClick={() => props.onChange(undefined)}>
              {t("showAlways")}
            </button>
          </p>
        }
      >
        {(current) => (
          <>
            <Show when={current().clauses.length > 1}>
              <label for={`${prefix()}-join`}>{t("showThisWhen")}</label>
              <select
                id={`${prefix()}-join`}
                value={current().join}
                onChange={(e) => change({ ...current(), join: e.currentTarget.value as "all" | "any" })}
              >
                <option value="all">{t("joinAll")}</option>
                <option value="any">{t("joinAny")}</option>
              </select>
            </Show>
            <Show when={current().clauses.length === 0}>
              <p class="muted">{t("alwaysShown")}</p>
            </Show>
            <For each={current().clauses}>
              {(clause, index) => {
                const controller = () => findQuestion(props.definition, clause.question);
                const offered = () => earlier().some((q) => q.id === clause.question);
                const id = () => `${prefix()}-${index()}`;
                return (
                  <div class="condition-clause" data-testid="condition-clause">
                    <label for={`${id()}-question`}>{t("conditionQuestion", { number: index() + 1 })}</label>
                    <select
                      id={`${id()}-question`}
                      value={clause.question}
                      onChange={(e) => {
                        const q = findQuestion(props.definition, e.currentTarget.value);
                        if (q) setClause(current(), index(), clauseFor(q));
                      }}
                    >
                      <Show when={!offered()}>
                        <option value={clause.question}>{t("notAQuestionBefore", { id: clause.question })}</option>
                      </Show>
                      <For each={earlier()}>{(q) => <option value={q.id}>{q.label}</option>}</For>
                    </select>
                    <label for={`${id()}-test`}>{t("conditionTest", { number: index() + 1 })}</label>
                    <select
                      id={`${id()}-test`}
                      value={clause.test}
                      onChange={(e) =>
                        setClause(current(), index(), {
                          ...clause,
                          test: e.currentTarget.value as ConditionClause["test"],
                        })
                      }
                    >
                      <For each={testsFor(controller())}>
                        {(test) => <option value={test}>{t(`test_${test}`)}</option>}
                      </For>
                    </select>
                    <label for={`${id()}-value`}>{t("conditionAnswer", { number: index() + 1 })}</label>
                    <select
                      id={`${id()}-value`}
                      value={clause.value}
                      onChange={(e) => setClause(current(), index(), { ...clause, value: e.currentTarget.value })}
                    >
                      <Show
                        when={!controller() || !conditionValues(controller()!).some((o) => o.value === clause.value)}
                      >
                        <option value={clause.value}>{t("noSuchOption", { value: clause.value })}</option>
                      </Show>
                      <For each={controller() ? conditionValues(controller()!) : []}>
                        {(o) => <option value={o.value}>{o.label}</option>}
                      </For>
                    </select>
                    <button
                      type="button"
                      class="button small"
                      onClick={() =>
                        change({ ...current(), clauses: current().clauses.filter((_, i) => i !== index()) })
                      }
                    >
                      {t("removeCondition", { number: index() + 1 })}
                    </button>
                  </div>
                );
              }}
            </For>
            <Show when={earlier().length > 0} fallback={<p class="muted">{t("noQuestionBefore")}</p>}>
              <button
                type="button"
                class="button small"
                onClick={() => change({ ...current(), clauses: [...current().clauses, clauseFor(earlier()[0])] })}
              >
                {t("addCondition")}
              </button>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
