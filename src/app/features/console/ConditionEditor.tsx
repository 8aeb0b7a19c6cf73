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

const TEST_NAMES: Record<ConditionClause["test"], string> = {
  equals: "is",
  not_equals: "is not",
  includes: "includes",
  not_includes: "does not include",
};

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
            Shown when: {describeCondition(props.question.visibleWhen)}.{" "}
            <button type="button" class="button small" onClick={() => props.onChange(undefined)}>
              Show always instead
            </button>
          </p>
        }
      >
        {(current) => (
          <>
            <Show when={current().clauses.length > 1}>
              <label for={`${prefix()}-join`}>Show this question when</label>
              <select
                id={`${prefix()}-join`}
                value={current().join}
                onChange={(e) => change({ ...current(), join: e.currentTarget.value as "all" | "any" })}
              >
                <option value="all">all of these hold (and)</option>
                <option value="any">any of these holds (or)</option>
              </select>
            </Show>
            <Show when={current().clauses.length === 0}>
              <p class="muted">Always shown.</p>
            </Show>
            <For each={current().clauses}>
              {(clause, index) => {
                const controller = () => findQuestion(props.definition, clause.question);
                const offered = () => earlier().some((q) => q.id === clause.question);
                const id = () => `${prefix()}-${index()}`;
                return (
                  <div class="condition-clause" data-testid="condition-clause">
                    <label for={`${id()}-question`}>Condition {index() + 1}: question</label>
                    <select
                      id={`${id()}-question`}
                      value={clause.question}
                      onChange={(e) => {
                        const q = findQuestion(props.definition, e.currentTarget.value);
                        if (q) setClause(current(), index(), clauseFor(q));
                      }}
                    >
                      <Show when={!offered()}>
                        <option value={clause.question}>{clause.question} (not a question before this one)</option>
                      </Show>
                      <For each={earlier()}>{(q) => <option value={q.id}>{q.label}</option>}</For>
                    </select>
                    <label for={`${id()}-test`}>Condition {index() + 1}: test</label>
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
                      <For each={testsFor(controller())}>{(t) => <option value={t}>{TEST_NAMES[t]}</option>}</For>
                    </select>
                    <label for={`${id()}-value`}>Condition {index() + 1}: answer</label>
                    <select
                      id={`${id()}-value`}
                      value={clause.value}
                      onChange={(e) => setClause(current(), index(), { ...clause, value: e.currentTarget.value })}
                    >
                      <Show
                        when={!controller() || !conditionValues(controller()!).some((o) => o.value === clause.value)}
                      >
                        <option value={clause.value}>{clause.value} (no such option)</option>
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
                      Remove condition {index() + 1}
                    </button>
                  </div>
                );
              }}
            </For>
            <Show
              when={earlier().length > 0}
              fallback={<p class="muted">No question with options comes before this one, so it is always shown.</p>}
            >
              <button
                type="button"
                class="button small"
                onClick={() => change({ ...current(), clauses: [...current().clauses, clauseFor(earlier()[0])] })}
              >
                Add a condition
              </button>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
