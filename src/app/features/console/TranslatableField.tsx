// One text of the questionnaire in the editor, in the language being edited: the English base text itself, or its
// translation with the English shown under it for reference (an empty translation means the participant sees English).
import { Show, type JSX } from "solid-js";
import type { Language } from "../../i18n/languages";
import { languageName } from "../../i18n/languageName";
import { LabelledInput } from "../../ui/LabelledInput";
import { editorText as t } from "./consoleText";

export interface TranslatableFieldProps {
  id: string;
  label: JSX.Element;
  /** "en" edits the English base text; another language edits its translation. */
  language: Language;
  english: string;
  translations: Readonly<Record<string, string>> | undefined;
  maxLength: number;
  /** A text area of this many rows; one line without. */
  rows?: number;
  onEnglish: (text: string) => void;
  /** A blank text removes the translation (withTranslation). */
  onTranslation: (text: string) => void;
}

export function TranslatableField(props: TranslatableFieldProps) {
  return (
    <Show
      when={props.language !== "en"}
      fallback={<Field {...props} value={props.english} onValue={props.onEnglish} />}
    >
      {/* An optional text (hint, description) without English has nothing to translate: the form would not show it. */}
      <Show when={props.english !== ""}>
        <Field
          {...props}
          label={
            <>
              {props.label} {t("inLanguage", { language: languageName(props.language) })}
            </>
          }
          value={props.translations?.[props.language] ?? ""}
          onValue={props.onTranslation}
          translating
        />
        <p class="muted translation-reference" id={`${props.id}-english`}>
          {t("englishReference")} <span lang="en">{props.english}</span>
        </p>
      </Show>
    </Show>
  );
}

function Field(
  props: TranslatableFieldProps & { value: string; onValue: (text: string) => void; translating?: boolean },
) {
  // A translation says its language (for a screen reader and spelling), what an empty field means, and its English.
  const lang = () => (props.translating ? props.language : undefined);
  const placeholder = () => (props.translating ? t("notTranslated") : undefined);
  const describedBy = () => (props.translating ? `${props.id}-english` : undefined);
  return (
    <Show
      when={props.rows}
      fallback={
        <LabelledInput
          id={props.id}
          lang={lang()}
          placeholder={placeholder()}
          aria-describedby={describedBy()}
          label={props.label}
          maxLength={props.maxLength}
          value={props.value}
          onValue={(text) => props.onValue(text)}
        />
      }
    >
      {(rows) => (
        <>
          <label for={props.id}>{props.label}</label>
          <textarea
            id={props.id}
            lang={lang()}
            placeholder={placeholder()}
            aria-describedby={describedBy()}
            rows={rows()}
            maxLength={props.maxLength}
            value={props.value}
            onInput={(e) => props.onValue(e.currentTarget.value)}
          />
        </>
      )}
    </Show>
  );
}
