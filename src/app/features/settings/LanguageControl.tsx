// The app's language ("Language / Langue", in both so anyone can find it), beside the text size on every screen's bar:
// the choice applies at once and is kept on the phone, offline and on the next visit (i18n/language.ts).
import { For } from "solid-js";
import { chooseLanguage, currentLanguage } from "../../i18n/language";
import { LANGUAGES, type Language } from "../../i18n/languages";
import "./textSizeControl.css";

/**
 * Loaded after the first screen is up (App.tsx), like the text size control; the console's bar shows it too, as a
 * "language-control" (the participant's text-size controls are not part of the console's frame).
 */
export default function LanguageControl(props: { class?: string }) {
  return (
    <details class={props.class ?? "text-size"}>
      <summary>
        <span aria-hidden="true">{currentLanguage().toUpperCase()}</span>
        <span class="visually-hidden">Language / Langue</span>
      </summary>
      <fieldset class="text-size-choices">
        <legend>Language / Langue</legend>
        <For each={Object.keys(LANGUAGES) as Language[]}>
          {(language) => (
            <label class="choice" lang={language}>
              <input
                type="radio"
                name="language"
                value={language}
                checked={currentLanguage() === language}
                onChange={() => chooseLanguage(language)}
              />
              <span>{LANGUAGES[language].name}</span>
            </label>
          )}
        </For>
      </fieldset>
    </details>
  );
}
