// The language the app speaks: chosen in the settings, else the phone's; kept in localStorage so it holds offline and
// applies before the first render (no flash of another language), and set on <html lang dir> for a screen reader,
// hyphenation and right-to-left layout.
import { createContext, createSignal, useContext } from "solid-js";
import { LANGUAGES, isLanguage, preferredLanguage, type Language } from "./languages";

const CHOICE_KEY = "outrigger.language";

const [chosenLanguage, setCurrentLanguage] = createSignal<Language>("en");

/**
 * A part of the page that speaks another language than the app's choice: the console editor's preview, which shows the
 * questionnaire as a participant in the language being edited sees it (catalogue words included).
 */
const LanguageHere = createContext<() => Language>();
export const SpeakingIn = LanguageHere.Provider;

/** The app's language, or the one of the part of the page being rendered (SpeakingIn). */
export const currentLanguage = (): Language => useContext(LanguageHere)?.() ?? chosenLanguage();

function savedChoice(): string | undefined {
  try {
    return localStorage[CHOICE_KEY] as string | undefined;
  } catch {
    return undefined; // Storage refused (private mode): the phone's language applies.
  }
}

/** The participant's own choice when they made one, else the first of the phone's languages the app has. */
export function startingLanguage(saved: string | undefined, phoneLanguages: readonly string[]): Language {
  return isLanguage(saved) ? saved : preferredLanguage(phoneLanguages);
}

function applyLanguage(language: Language): void {
  setCurrentLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGES[language].dir;
}

/**
 * The locale dates and numbers are written in: the phone's own regional variant of the chosen language ("en-GB" writes
 * 20 Nov 2026, "en-US" Nov 20, 2026), else the language itself.
 */
export function formattingLocale(): string {
  const language = currentLanguage();
  const phone = typeof navigator === "undefined" ? [] : navigator.languages;
  return phone.find((tag) => tag.toLowerCase().split("-")[0] === language) ?? language;
}

/** Before the first render. */
export function applyStartingLanguage(): Language {
  const language = startingLanguage(savedChoice(), navigator.languages ?? [navigator.language]);
  applyLanguage(language);
  return language;
}

export function chooseLanguage(language: Language): void {
  try {
    localStorage[CHOICE_KEY] = language;
  } catch {
    // Not kept for the next visit, but applies now.
  }
  applyLanguage(language);
}
