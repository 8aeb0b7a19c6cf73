// A questionnaire definition written as XLSForm rows (survey, choices, settings) that KoboToolbox and ODK open.
// What standard XLSForm has no column for travels in `outrigger_*` columns, which ODK tools ignore:
// outrigger_type (email, yes_no, administrations), outrigger_prefill, and a choice's outrigger_role (specify, exclusive).
import type { ChoiceOption, Question, QuestionnaireDefinition } from "../../shared/questionnaire";
import { translationLanguages } from "../../shared/questionnaireLanguages";
import { writeConstraint, writeRelevant } from "./xlsformExpressions";
import { languageColumn, sheetOf, SURVEY_RULE_COLUMNS, type XlsformSheets } from "./xlsformSheets";

/** The choices list a choose-from-list question of "administrations" uses; filled from the directory at export. */
export const ADMINISTRATIONS_LIST = "administrations";
/** A note named so, before the first group, carries the questionnaire's intro. */
export const INTRO_NOTE = "intro";

export interface ListEntry {
  code: string;
  name: string;
}

type Texts = { text?: string; translations?: Record<string, string> };
type Row = Record<string, string | undefined>;

function listName(question: Question): string {
  return question.id === ADMINISTRATIONS_LIST ? `${question.id}_options` : question.id;
}

function typeCells(q: Question): Row {
  switch (q.type) {
    case "short_text":
      return {
        type: "text",
        constraint: q.maxLength !== undefined ? writeConstraint({ maxLength: q.maxLength }) : undefined,
      };
    case "long_text":
      return {
        type: "text",
        appearance: "multiline",
        constraint: q.maxLength !== undefined ? writeConstraint({ maxLength: q.maxLength }) : undefined,
      };
    case "email":
      return { type: "text", outrigger_type: "email" };
    case "single_choice":
      return { type: `select_one ${listName(q)}` };
    case "multiple_choice":
      return { type: `select_multiple ${listName(q)}` };
    case "yes_no":
      return { type: `select_one ${listName(q)}`, outrigger_type: "yes_no" };
    case "choose_from_list":
      return { type: `select_one ${ADMINISTRATIONS_LIST}`, outrigger_type: ADMINISTRATIONS_LIST };
    case "integer":
    case "decimal":
      return {
        type: q.type,
        constraint:
          q.min !== undefined || q.max !== undefined ? writeConstraint({ min: q.min, max: q.max }) : undefined,
      };
    case "date":
    case "note":
      return { type: q.type };
  }
}

function optionsOf(q: Question): ChoiceOption[] {
  if (q.type === "single_choice" || q.type === "multiple_choice") return q.options;
  if (q.type === "yes_no")
    return [
      { value: "yes", label: q.yesLabel ?? "Yes" },
      { value: "no", label: q.noLabel ?? "No" },
    ];
  return [];
}

/** The definition as XLSForm sheets; `administrations` fills the list choose-from-list questions pick from. */
export function definitionToXlsform(
  definition: QuestionnaireDefinition,
  administrations: ListEntry[] = [],
): XlsformSheets {
  const languages = translationLanguages(definition);
  // With translations, the English text gets its language too, so every label column names one.
  const main = (base: string) => (languages.length > 0 ? languageColumn(base, "en") : base);
  const textCells = (base: string, texts: Texts): Row => ({
    [main(base)]: texts.text,
    ...Object.fromEntries(Object.entries(texts.translations ?? {}).map(([l, t]) => [languageColumn(base, l), t])),
  });
  const labelColumns = [main("label"), ...languages.map((l) => languageColumn("label", l))];
  const hintColumns = [main("hint"), ...languages.map((l) => languageColumn("hint", l))];

  const survey: Row[] = [];
  if (definition.intro !== undefined)
    survey.push({
      type: "note",
      name: INTRO_NOTE,
      ...textCells("label", { text: definition.intro, translations: definition.intros }),
    });
  const choices: Row[] = [];
  for (const section of definition.sections) {
    survey.push({
      type: "begin group",
      name: section.id,
      ...textCells("label", { text: section.title, translations: section.titles }),
      ...textCells("hint", { text: section.description, translations: section.descriptions }),
    });
    for (const q of section.questions) {
      survey.push({
        ...typeCells(q),
        name: q.id,
        ...textCells("label", { text: q.label, translations: q.labels }),
        ...textCells("hint", { text: q.help, translations: q.helps }),
        required: q.required ? "yes" : undefined,
        relevant: q.visibleWhen ? writeRelevant(q.visibleWhen) : undefined,
        outrigger_prefill: q.prefillFrom,
      });
      for (const o of optionsOf(q)) {
        choices.push({
          list_name: listName(q),
          name: o.value,
          ...textCells("label", { text: o.label, translations: o.labels }),
          outrigger_role: o.specify ? "specify" : o.exclusive ? "exclusive" : undefined,
        });
      }
    }
    survey.push({ type: "end group", name: section.id });
  }
  if (definition.sections.some((s) => s.questions.some((q) => q.type === "choose_from_list"))) {
    for (const a of administrations)
      choices.push({ list_name: ADMINISTRATIONS_LIST, name: a.code, [main("label")]: a.name });
  }

  const surveyColumns = ["type", "name", ...labelColumns, ...hintColumns, ...SURVEY_RULE_COLUMNS];
  const choiceColumns = ["list_name", "name", ...labelColumns, "outrigger_role"];
  // The main title stays in plain `form_title`, the column KoboToolbox and ODK read; translations beside it.
  const titleTranslations = Object.entries(definition.titles ?? {}).map(([l, t]) => [
    languageColumn("form_title", l),
    t,
  ]);
  const settings: Row = {
    form_title: definition.title,
    ...Object.fromEntries(titleTranslations),
    form_id: definition.id,
    version: String(definition.version),
    default_language: languages.length > 0 ? "English (en)" : undefined,
  };
  const settingsColumns = [
    "form_title",
    ...titleTranslations.map(([column]) => column),
    "form_id",
    "version",
    ...(languages.length > 0 ? ["default_language"] : []),
  ];
  const toValues = (columns: string[], rows: Row[]) => rows.map((r) => columns.map((c) => r[c]));
  return {
    survey: sheetOf(surveyColumns, toValues(surveyColumns, survey)),
    choices: sheetOf(choiceColumns, toValues(choiceColumns, choices)),
    settings: sheetOf(settingsColumns, toValues(settingsColumns, [settings])),
  };
}
