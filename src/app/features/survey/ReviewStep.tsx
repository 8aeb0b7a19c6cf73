// The last step: every answer read back, with a way to change any section before sending.
import { For, Show } from "solid-js";
import type { Answers } from "../../../shared/answers";
import type { Administration } from "../../../shared/directory";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { isQuestionVisible } from "../../../shared/visibility";
import { answerText } from "./answerText";

export function ReviewStep(props: {
  definition: QuestionnaireDefinition;
  answers: Answers;
  administrations: Administration[];
  onEditSection: (index: number) => void;
}) {
  return (
    <div class="review">
      <For each={props.definition.sections}>
        {(section, index) => (
          <section class="card">
            <div class="review-head">
              <h3>{section.title}</h3>
              <button
                type="button"
                class="button small"
                onClick={() => props.onEditSection(index())}
                aria-label={`Change answers in ${section.title}`}
              >
                Change
              </button>
            </div>
            <dl>
              <For each={section.questions.filter((q) => isQuestionVisible(q, props.answers, props.definition))}>
                {(question) => (
                  <>
                    <dt>{question.label}</dt>
                    <dd class="answer">{answerText(question, props.answers[question.id], props.administrations)}</dd>
                  </>
                )}
              </For>
            </dl>
            <Show when={section.questions.length === 0}>
              <p class="muted">No questions.</p>
            </Show>
          </section>
        )}
      </For>
    </div>
  );
}
