// XLSForm rows read into a questionnaire definition. What a definition cannot hold is refused row by row
// (sheet, row, column, reason) — repeats, calculations, choice filters, unknown types or columns — never dropped.
import {
  identifier,
  questionnaireDefinition,
  type ChoiceOption,
  type QuestionnaireDefinition,
  type Section,
} from "../../shared/questionnaire";
import {
  importProblem,
  sayImportProblem,
  type ImportProblem,
  type ImportProblemCode,
} from "../../shared/importProblemWords";
import { INTRO_NOTE } from "./definitionToXlsform";
import { questionOf } from "./xlsformQuestion";
import { languageColumnsOf, textsOf, type LanguageColumns } from "./xlsformTexts";
import {
  SURVEY_RULE_COLUMNS,
  unusableName,
  type SheetRow,
  type XlsformIssue,
  type XlsformSheet,
  type XlsformSheets,
} from "./xlsformSheets";

export type XlsformReading =
  { definition: QuestionnaireDefinition; issues: [] } | { definition?: undefined; issues: XlsformIssue[] };

const SURVEY_COLUMNS = new Set(["type", "name", "label", "hint", ...SURVEY_RULE_COLUMNS]);
const CHOICE_COLUMNS = new Set(["list_name", "name", "label", "outrigger_role"]);
const SETTINGS_COLUMNS = new Set(["form_title", "form_id", "version", "default_language"]);
/** Why well-known columns cannot be kept, in the organiser's words. */
const COLUMN_REASONS: Record<string, ImportProblemCode> = {
  calculation: "xlsformCalculationColumn",
  choice_filter: "xlsformChoiceFilterColumn",
  constraint_message: "xlsformConstraintMessageColumn",
  required_message: "xlsformRequiredMessageColumn",
  default: "xlsformDefaultColumn",
  read_only: "xlsformReadOnlyColumn",
  repeat_count: "xlsformRepeatCountColumn",
};
const p = importProblem;

/** Reads the sheets as version `version` of questionnaire `id` (form_id, if given, must be the same). */
export function xlsformToDefinition(sheets: XlsformSheets, id: string, version: number): XlsformReading {
  const issues: XlsformIssue[] = [];
  const refuse = (sheet: XlsformIssue["sheet"], row: number, column: string, problem: ImportProblem) =>
    issues.push({ sheet, row, column, message: sayImportProblem(problem), problem });
  const unknownColumns = (sheet: XlsformIssue["sheet"], data: XlsformSheet, known: Set<string>) => {
    for (const r of data.rows)
      for (const [column, value] of Object.entries(r.cells)) {
        const base = column.split("::")[0].trim();
        if (!known.has(base) && value.trim() !== "")
          refuse(
            sheet,
            r.row,
            column,
            Object.hasOwn(COLUMN_REASONS, base) ? p(COLUMN_REASONS[base]) : p("xlsformUnknownColumn", { column }),
          );
      }
  };
  unknownColumns("survey", sheets.survey, SURVEY_COLUMNS);
  unknownColumns("choices", sheets.choices, CHOICE_COLUMNS);
  unknownColumns("settings", sheets.settings, SETTINGS_COLUMNS);

  const settings = sheets.settings.rows[0]?.cells ?? {};
  // The title in other languages, as `form_title::French (fr)`, read like a label's columns.
  const titleColumns = languageColumnsOf(
    sheets.settings.columns,
    settings.default_language,
    (column, problem) => refuse("settings", 1, column, problem),
    ["form_title"],
  );
  const titleTexts = textsOf(settings, "form_title", titleColumns);
  const title = titleTexts.text;
  if (!title) refuse("settings", 2, titleColumns.main.form_title ?? "form_title", p("xlsformNeedsTitle"));
  if (settings.form_id && settings.form_id.trim() !== id)
    refuse("settings", 2, "form_id", p("xlsformOtherFormId", { formId: settings.form_id, id }));
  const languages: LanguageColumns = languageColumnsOf(
    [...sheets.survey.columns, ...sheets.choices.columns],
    settings.default_language,
    (column, problem) => refuse(sheets.survey.columns.includes(column) ? "survey" : "choices", 1, column, problem),
  );

  const lists = new Map<string, SheetRow[]>();
  for (const r of sheets.choices.rows) {
    const list = r.cells.list_name?.trim();
    if (!list) {
      if (Object.keys(r.cells).length > 0) refuse("choices", r.row, "list_name", p("xlsformChoiceWithoutList"));
      continue;
    }
    lists.set(list, [...(lists.get(list) ?? []), r]);
  }
  const optionsOf = (list: string, at: SheetRow): ChoiceOption[] | undefined => {
    const rows = lists.get(list);
    if (!rows) return void refuse("survey", at.row, "type", p("xlsformNoSuchList", { list }));
    return rows.map((r) => {
      const value = r.cells.name?.trim() ?? "";
      if (!identifier.safeParse(value).success) refuse("choices", r.row, "name", unusableName("option", value));
      const texts = textsOf(r.cells, "label", languages);
      if (!texts.text) refuse("choices", r.row, "label", p("xlsformOptionNeedsLabel"));
      const role = r.cells.outrigger_role?.trim() ?? "";
      if (role !== "" && role !== "specify" && role !== "exclusive")
        refuse("choices", r.row, "outrigger_role", p("xlsformOptionRole", { role }));
      return {
        value,
        label: texts.text ?? "",
        ...(texts.translations ? { labels: texts.translations } : {}),
        ...(role === "specify" ? { specify: true } : role === "exclusive" ? { exclusive: true } : {}),
      };
    });
  };

  const sections: Section[] = [];
  let open: Section | undefined;
  let loose: Section | undefined;
  let intro: ReturnType<typeof textsOf> | undefined;
  const names = new Set<string>();
  const current = (): Section => {
    if (open) return open;
    if (!loose)
      sections.push(
        (loose = {
          id: sections.length === 0 ? "main" : `main_${sections.length + 1}`,
          title: title || id,
          ...(titleTexts.translations ? { titles: titleTexts.translations } : {}),
          questions: [],
        }),
      );
    return loose;
  };

  for (const r of sheets.survey.rows) {
    const cell = (c: string) => r.cells[c]?.trim() ?? "";
    const type = cell("type").replace(/\s+/g, " ");
    const name = cell("name");
    if (type === "" && Object.keys(r.cells).length === 0) continue;
    const kind = type.toLowerCase().replace("_", " ");
    if (kind === "begin group") {
      if (open) refuse("survey", r.row, "type", p("xlsformNestedGroups"));
      if (cell("relevant")) refuse("survey", r.row, "relevant", p("xlsformGroupCondition"));
      const texts = textsOf(r.cells, "label", languages);
      const hints = textsOf(r.cells, "hint", languages);
      if (!identifier.safeParse(name).success) refuse("survey", r.row, "name", unusableName("group", name));
      if (!texts.text) refuse("survey", r.row, "label", p("xlsformGroupNeedsLabel"));
      open = {
        id: name,
        title: texts.text ?? name,
        ...(texts.translations ? { titles: texts.translations } : {}),
        ...(hints.text ? { description: hints.text } : {}),
        ...(hints.translations ? { descriptions: hints.translations } : {}),
        questions: [],
      };
      sections.push(open);
      loose = undefined;
      continue;
    }
    if (kind === "end group") {
      if (!open) refuse("survey", r.row, "type", p("xlsformEndWithoutBegin"));
      open = undefined;
      continue;
    }
    if (kind === "begin repeat" || kind === "end repeat") {
      if (kind === "begin repeat") refuse("survey", r.row, "type", p("xlsformRepeat"));
      continue;
    }
    const question = questionOf(r, kind, type, {
      languages,
      optionsOf,
      refuse: (column, problem) => refuse("survey", r.row, column, problem),
    });
    if (!question) continue;
    if (names.has(question.id)) refuse("survey", r.row, "name", p("xlsformNameTaken", { name: question.id }));
    names.add(question.id);
    if (question.type === "note" && question.id === INTRO_NOTE && sections.length === 0 && intro === undefined) {
      intro = { text: question.label, translations: question.labels };
      continue;
    }
    current().questions.push(question);
  }
  if (open) refuse("survey", sheets.survey.rows.at(-1)?.row ?? 1, "type", p("xlsformGroupNotEnded", { id: open.id }));
  if (sections.length === 0) refuse("survey", 1, "type", p("xlsformNoQuestions"));
  if (issues.length > 0) return { issues };

  const candidate = {
    id,
    version,
    title,
    ...(titleTexts.translations ? { titles: titleTexts.translations } : {}),
    ...(intro?.text ? { intro: intro.text } : {}),
    ...(intro?.translations ? { intros: intro.translations } : {}),
    sections,
  };
  const parsed = questionnaireDefinition.safeParse(candidate);
  if (!parsed.success)
    return {
      issues: parsed.error.issues.map((i) => {
        const problem = p("xlsformNotAQuestionnaire", { detail: i.message });
        return { sheet: "survey", row: 1, column: i.path.join("."), message: sayImportProblem(problem), problem };
      }),
    };
  return { definition: parsed.data, issues: [] };
}
