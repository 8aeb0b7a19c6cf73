// The questionnaire's title in other languages, one field per language beside the English title in the editor.
import { For } from "solid-js";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { titleLanguages, withTitleIn } from "../../../shared/questionnaireLanguages";
import { formattingLocale } from "../../i18n/language";
import { editorText as t } from "./consoleText";

/** "French" for "fr" (« français » in a French console); an unusual code names itself. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([formattingLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function TitleTranslations(props: {
  definition: QuestionnaireDefinition;
  apply: (change: (current: QuestionnaireDefinition) => QuestionnaireDefinition) => void;
}) {
  return (
    <For each={titleLanguages(props.definition)}>
      {(language) => (
        <>
          <label for={`edit-title-${language}`}>
            {t("titleInLanguage", { language: languageName(language), code: language })}
          </label>
          <input
            id={`edit-title-${language}`}
            lang={language}
            maxLength={300}
            value={props.definition.titles?.[language] ?? ""}
            onInput={(e) => props.apply((d) => withTitleIn(d, language, e.currentTarget.value))}
          />
        </>
      )}
    </For>
  );
}
