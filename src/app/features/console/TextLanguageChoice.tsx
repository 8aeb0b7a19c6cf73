// The editor's "Questionnaire text in: English | Français": which language its text fields and preview show, and for
// a translation how many of the questionnaire's texts have one (to find the gaps).
import { For, Show } from "solid-js";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { translationProgress } from "../../../shared/questionnaireLanguages";
import { LANGUAGES, type Language } from "../../i18n/languages";
import { languageName } from "../../i18n/languageName";
import { editorText as t } from "./consoleText";

export function TextLanguageChoice(props: {
  definition: QuestionnaireDefinition;
  language: Language;
  onChoose: (language: Language) => void;
}) {
  const progress = () => translationProgress(props.definition, props.language);
  return (
    <fieldset class="card text-language">
      <legend>{t("textLanguage")}</legend>
      <div class="text-language-choices">
        <For each={Object.keys(LANGUAGES) as Language[]}>
          {(language) => (
            <label class="choice" lang={language}>
              <input
                type="radio"
                name="text-language"
                value={language}
                checked={props.language === language}
                onChange={() => props.onChoose(language)}
              />
              <span>{LANGUAGES[language].name}</span>
            </label>
          )}
        </For>
      </div>
      <p class="muted">{t("textLanguageExplained")}</p>
      <Show when={props.language !== "en"}>
        <p data-testid="translation-count">
          {t("translationCount", {
            language: languageName(props.language),
            translated: progress().translated,
            total: progress().total,
          })}
        </p>
      </Show>
    </fieldset>
  );
}
