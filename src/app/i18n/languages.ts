// The languages the app's own text comes in, with what the page needs before a catalogue loads (its direction).
// A new language is one entry here and one catalogue file per area in src/app/messages/<code>/ (README "Languages").
export const LANGUAGES = {
  en: { name: "English", dir: "ltr" },
  fr: { name: "Français", dir: "ltr" },
} as const satisfies Record<string, { name: string; dir: "ltr" | "rtl" }>;

export type Language = keyof typeof LANGUAGES;

export const isLanguage = (code: unknown): code is Language =>
  typeof code === "string" && Object.prototype.hasOwnProperty.call(LANGUAGES, code);

/** The first of the phone's languages the app has ("fr-FR" counts as "fr"), else English. */
export function preferredLanguage(phoneLanguages: readonly string[]): Language {
  for (const tag of phoneLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}
