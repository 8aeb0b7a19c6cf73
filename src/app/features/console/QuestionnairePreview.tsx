// The draft as a participant will see it: the phone's own question component in a 360 px frame, answerable, with
// conditions and answer checks applied as the questions are answered. Answers here are never saved or sent. It speaks
// the language whose text is being edited (the questionnaire's text and the phone's own words), whatever the console's.
import { For, Show, createResource, createSignal } from "solid-js";
import type { AnswerValue, Answers } from "../../../shared/answers";
import { validateAnswer, type ValidationContext } from "../../../shared/answerValidation";
import type { Administration } from "../../../shared/directory";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { isQuestionVisible } from "../../../shared/visibility";
import { consoleRequest } from "../../sync/consoleClient";
import { QuestionField } from "../survey/QuestionField";
import { t as participantText } from "../../i18n/coreMessages";
import { SpeakingIn } from "../../i18n/language";
import type { Language } from "../../i18n/languages";
import { inChosenLanguage } from "../../i18n/questionnaireText";
import { editorText as t } from "./consoleText";

export function QuestionnairePreview(props: { definition: QuestionnaireDefinition; language: Language }) {
  const [answers, setAnswers] = createSignal<Answers>({});
  const [touched, setTouched] = createSignal<Set<string>>(new Set());
  const [administrations] = createResource(async () => {
    const result = await consoleRequest<{ administrations: Administration[] }>("GET", "/administrations");
    return result.ok ? result.body.administrations : [];
  });
  const setAnswer = (id: string, value: AnswerValue | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  // Problems worded as the participant's form words them: its catalogue, the options' labels in the chosen language.
  const checks = (): ValidationContext => ({
    lists: { administrations: (administrations() ?? []).map((a) => a.code) },
    say: participantText,
    optionLabel: (option) => inChosenLanguage(option.label, option.labels),
  });

  return (
    <section class="questionnaire-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("previewHeading")}</h2>
      <p class="muted">{t("previewExplained")}</p>
      <div class="preview-frame" data-testid="preview" lang={props.language}>
        <SpeakingIn value={() => props.language}>
          <p class="preview-title">{inChosenLanguage(props.definition.title, props.definition.titles)}</p>
          <For each={props.definition.sections}>
            {(section) => (
              <div class="preview-section">
                <h3>{inChosenLanguage(section.title, section.titles)}</h3>
                <Show when={section.description}>
                  <p class="help">{inChosenLanguage(section.description ?? "", section.descriptions)}</p>
                </Show>
                <For each={section.questions.filter((q) => isQuestionVisible(q, answers(), props.definition))}>
                  {(question) => (
                    <QuestionField
                      question={question}
                      value={answers()[question.id]}
                      administrations={administrations() ?? []}
                      error={
                        touched().has(question.id)
                          ? validateAnswer(question, answers()[question.id], checks())[0]?.message
                          : undefined
                      }
                      onChange={(value) => setAnswer(question.id, value)}
                      onBlur={() => setTouched((t) => new Set([...t, question.id]))}
                    />
                  )}
                </For>
              </div>
            )}
          </For>
        </SpeakingIn>
      </div>
      <button type="button" class="button small" onClick={() => (setAnswers({}), setTouched(new Set<string>()))}>
        {t("clearPreview")}
      </button>
    </section>
  );
}
