// Message catalogues: English is bundled with the code that shows it; other languages load by dynamic import (their own
// chunk, precached for offline) when chosen. `t("key", { name })` reads the chosen language's text, English until the
// translation has arrived, and re-renders when it does. Placeholders are `{name}`; numbers are formatted for the language.
import { createSignal } from "solid-js";
import { currentLanguage, formattingLocale } from "./language";
import type { Language } from "./languages";

export type Messages = Record<string, string>;
/** What a translation must be: every key English has, no other, each a string (the compiler checks it). */
export type Translation<English extends Messages> = { readonly [Key in keyof English]: string };
export type TranslationLoaders<English extends Messages> = {
  readonly [L in Exclude<Language, "en">]: () => Promise<{ default: Translation<English> }>;
};
export type Placeholders = Record<string, string | number>;

export interface Translator<English extends Messages> {
  (key: keyof English & string, values?: Placeholders): string;
  /** Fetches the chosen language's catalogue (start-up awaits it for the first screen, so nothing flashes by). */
  load(): Promise<unknown>;
}

/**
 * The first number a page formats through Intl loads the browser's locale data: ~0.5 s at 4× CPU throttle, paid in
 * the first render of the offline cold start by "getting ready, 0%". Every language the app has (languages.ts) writes
 * 0–999 in ASCII digits with no grouping, so those skip Intl (tests/unit/catalogues.test.ts checks each language); a
 * tag asking for other digits ("-u-nu-…") does not.
 */
export function formatNumber(value: number, language: string): string {
  const plain = Number.isInteger(value) && value >= 0 && value < 1000 && !language.includes("-u-");
  return plain ? String(value) : value.toLocaleString(language);
}

export function fillPlaceholders(text: string, values: Placeholders, language: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : typeof value === "number" ? formatNumber(value, language) : value;
  });
}

export function defineCatalogue<English extends Messages>(
  english: English,
  translations: TranslationLoaders<English>,
): Translator<English> {
  const [loaded, setLoaded] = createSignal<Partial<Record<Language, Translation<English>>>>({});
  const loading = new Map<Language, Promise<unknown>>();
  const load = (language: Language): Promise<unknown> => {
    if (language === "en") return Promise.resolve();
    let pending = loading.get(language);
    if (!pending) {
      pending = translations[language]().then(
        (module) => setLoaded((all) => ({ ...all, [language]: module.default })),
        () => loading.delete(language), // Offline before it was stored: English now, another try next time.
      );
      loading.set(language, pending);
    }
    return pending;
  };
  const t = (key: keyof English & string, values?: Placeholders): string => {
    const language = currentLanguage();
    const translation = loaded()[language];
    if (!translation) void load(language);
    const text = translation?.[key] ?? english[key];
    return values ? fillPlaceholders(text, values, formattingLocale()) : text;
  };
  // t is a plain function that reads signals when called; callers call it in JSX or other tracked scopes.
  // eslint-disable-next-line solid/reactivity
  return Object.assign(t, { load: () => load(currentLanguage()) });
}
