// The questionnaire's own text in other languages: which languages a definition has, every text that can be translated
// (where it lives, its English, its translations), setting or removing one translation, and how many are done.
import type { QuestionnaireDefinition } from "./questionnaire";
import { updateQuestion } from "./questionnaireEditing";

type Translations = Record<string, string>;

/** Where one translatable text of a definition lives, by the ids of what holds it (never by position). */
export type TextPlace =
  | { kind: "title" }
  | { kind: "intro" }
  | { kind: "sectionTitle"; section: string }
  | { kind: "sectionDescription"; section: string }
  | { kind: "questionLabel"; question: string }
  | { kind: "questionHint"; question: string }
  | { kind: "optionLabel"; question: string; option: string };

export interface TranslatableText {
  place: TextPlace;
  english: string;
  translations: Translations | undefined;
}

/**
 * Every text of the definition a participant reads, in page order: an optional one (intro, description, hint) only
 * when it has English, since the form shows its translation only then.
 */
export function translatableTexts(definition: QuestionnaireDefinition): TranslatableText[] {
  const texts: TranslatableText[] = [];
  const add = (place: TextPlace, english: string | undefined, translations: Translations | undefined) => {
    if (english) texts.push({ place, english, translations });
  };
  add({ kind: "title" }, definition.title, definition.titles);
  add({ kind: "intro" }, definition.intro, definition.intros);
  for (const s of definition.sections) {
    add({ kind: "sectionTitle", section: s.id }, s.title, s.titles);
    add({ kind: "sectionDescription", section: s.id }, s.description, s.descriptions);
    for (const q of s.questions) {
      add({ kind: "questionLabel", question: q.id }, q.label, q.labels);
      add({ kind: "questionHint", question: q.id }, q.help, q.helps);
      if (q.type === "single_choice" || q.type === "multiple_choice")
        for (const o of q.options) add({ kind: "optionLabel", question: q.id, option: o.value }, o.label, o.labels);
    }
  }
  return texts;
}

/** Every language code any text of the definition is translated into, sorted. */
export function translationLanguages(definition: QuestionnaireDefinition): string[] {
  const found = new Set<string>();
  const add = (t?: Translations) => Object.keys(t ?? {}).forEach((l) => found.add(l));
  add(definition.titles);
  add(definition.intros);
  for (const s of definition.sections) {
    add(s.titles);
    add(s.descriptions);
    for (const q of s.questions) {
      add(q.labels);
      add(q.helps);
      if (q.type === "single_choice" || q.type === "multiple_choice") q.options.forEach((o) => add(o.labels));
    }
  }
  return [...found].sort();
}

/** How many of the texts have a translation in `language`: the editor's "French: 12 of 41 texts translated". */
export function translationProgress(
  definition: QuestionnaireDefinition,
  language: string,
): { translated: number; total: number } {
  const texts = translatableTexts(definition);
  return { translated: texts.filter((text) => text.translations?.[language]).length, total: texts.length };
}

/**
 * `holder` with its translations in `field` given `text` in `language`; a blank text removes that language, and the
 * last language removed takes the field with it, so an untranslated definition keeps its canonical JSON and hash.
 */
function withLanguage<Holder extends object>(holder: Holder, field: keyof Holder, language: string, text: string) {
  const { [language]: _old, ...others } = (holder[field] ?? {}) as Translations;
  const translations = text.trim() === "" ? others : { ...others, [language]: text };
  const { [field]: _before, ...rest } = holder;
  return (Object.keys(translations).length > 0 ? { ...rest, [field]: translations } : rest) as Holder;
}

/** The definition with the text at `place` translated into `language` as `text` (blank: its translation removed). */
export function withTranslation(
  definition: QuestionnaireDefinition,
  place: TextPlace,
  language: string,
  text: string,
): QuestionnaireDefinition {
  const inSection = (id: string, field: "titles" | "descriptions") => ({
    ...definition,
    sections: definition.sections.map((s) => (s.id === id ? withLanguage(s, field, language, text) : s)),
  });
  switch (place.kind) {
    case "title":
      return withLanguage(definition, "titles", language, text);
    case "intro":
      return withLanguage(definition, "intros", language, text);
    case "sectionTitle":
      return inSection(place.section, "titles");
    case "sectionDescription":
      return inSection(place.section, "descriptions");
    case "questionLabel":
      return updateQuestion(definition, place.question, (q) => withLanguage(q, "labels", language, text));
    case "questionHint":
      return updateQuestion(definition, place.question, (q) => withLanguage(q, "helps", language, text));
    case "optionLabel":
      return updateQuestion(definition, place.question, (q) =>
        q.type === "single_choice" || q.type === "multiple_choice"
          ? {
              ...q,
              options: q.options.map((o) => (o.value === place.option ? withLanguage(o, "labels", language, text) : o)),
            }
          : q,
      );
  }
}
