// Which languages a questionnaire definition has texts in, and setting its title in one of them (the editor's field).
import type { QuestionnaireDefinition } from "./questionnaire";

/** Every language code any text of the definition is translated into, sorted. */
export function translationLanguages(definition: QuestionnaireDefinition): string[] {
  const found = new Set<string>();
  const add = (t?: Record<string, string>) => Object.keys(t ?? {}).forEach((l) => found.add(l));
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

/**
 * The languages the editor offers a title field for: the definition's own, or French (the organisation's other
 * official language, which the app speaks) when it has none yet.
 */
export function titleLanguages(definition: QuestionnaireDefinition): string[] {
  const languages = translationLanguages(definition);
  return languages.length > 0 ? languages : ["fr"];
}

/** The title in `language` set to `text`; an empty text removes it (and `titles` with its last language). */
export function withTitleIn(
  definition: QuestionnaireDefinition,
  language: string,
  text: string,
): QuestionnaireDefinition {
  const { [language]: _old, ...others } = definition.titles ?? {};
  const titles = text.trim() === "" ? others : { ...others, [language]: text };
  const { titles: _before, ...rest } = definition;
  return Object.keys(titles).length > 0 ? { ...rest, titles } : rest;
}
