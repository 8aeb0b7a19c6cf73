// The last step: every answer read back, with a way to change any section before sending.
import { For, Show } from "solid-js";
import type { Answers } from "../../../shared/answers";
import type { Administration } from "../../../shared/directory";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { isQuestionVisible } from "../../../shared/visibility";
import { answerText } from "./answerText";
import { t } from "../../i18n/coreMessages";
import { inChosenLanguage } from "../../i18n/questionnaireText";

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
              <h3>{inChosenLanguage(section.title, section.titles)}</h3>
              <button
                type="button"
                class="button small"
                onClick={() => props.onEditSection(index())}
                aria-label={t("changeAnswersIn", { section: inChosenLanguage(section.title, section.titles) })}
              >
                {t("change")}
              </button>
            </div>
            <dl>
              <For each={section.questions.filter((q) => isQuestionVisible(q, props.answers, props.definition))}>
                {(question) => (
                  <>
                    <dt>{inChosenLanguage(question.label, question.labels)}</dt>
                    <dd class="answer">{answerText(question, props.answers[question.id], props.administrations)}</dd>
                  </>
                )}
              </For>
            </dl>
            <Show when={section.questions.length === 0}>
              <p class="muted">{t("noQuestions")}</p>
            </Show>
          </section>
        )}
      </For>
    </div>
  );
}
