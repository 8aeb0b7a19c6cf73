// One XLSForm survey row read as a question: its type, texts, required, relevant, constraint and Outrigger's markers.
import type { ChoiceOption, Question } from "../../shared/questionnaire";
import { identifier } from "../../shared/questionnaire";
import { importProblem as p, type ImportProblem } from "../../shared/importProblemWords";
import { ADMINISTRATIONS_LIST } from "./definitionToXlsform";
import { parseConstraint, parseRelevant } from "./xlsformExpressions";
import { unusableName, type SheetRow } from "./xlsformSheets";
import { textsOf, yesNo, type LanguageColumns } from "./xlsformTexts";

const PREFILLS = new Set(["participantName", "email", "administrationCode", "position"]);

export interface QuestionContext {
  languages: LanguageColumns;
  optionsOf: (list: string, at: SheetRow) => ChoiceOption[] | undefined;
  refuse: (column: string, problem: ImportProblem) => void;
}

/**
 * A `select_one` list written by hand as KoboToolbox users do (choices named exactly `yes` and `no`, in either order,
 * with no role and no translated label) is the phone's yes/no question, as `outrigger_type yes_no` would make it: so a
 * form whose outrigger_* columns were lost comes back as it left. With translated labels it stays a single choice,
 * which keeps them (a yes/no question's words come from the app's catalogue).
 */
function yesNoPair(options: ChoiceOption[]): { yes: ChoiceOption; no: ChoiceOption } | undefined {
  const yes = options.find((o) => o.value === "yes");
  const no = options.find((o) => o.value === "no");
  if (options.length !== 2 || !yes || !no) return undefined;
  if (options.some((o) => o.labels || o.specify || o.exclusive)) return undefined;
  return { yes, no };
}

function yesNoQuestion(base: object, extra: object, yes: ChoiceOption, no: ChoiceOption): Question {
  return {
    ...base,
    ...extra,
    type: "yes_no",
    ...(yes.label !== "Yes" ? { yesLabel: yes.label } : {}),
    ...(no.label !== "No" ? { noLabel: no.label } : {}),
  } as Question;
}

/** One survey row as a question, or undefined after refusing it. */
export function questionOf(
  r: SheetRow,
  kind: string,
  type: string,
  { languages, optionsOf, refuse }: QuestionContext,
): Question | undefined {
  const cell = (c: string) => r.cells[c]?.trim() ?? "";
  const name = cell("name");
  if (!identifier.safeParse(name).success) return void refuse("name", unusableName("question", name));
  const label = textsOf(r.cells, "label", languages);
  const hint = textsOf(r.cells, "hint", languages);
  if (!label.text) refuse("label", p("xlsformQuestionNeedsLabel"));
  const required = yesNo(cell("required"));
  if (required === undefined) refuse("required", p("xlsformRequiredYesNo", { value: cell("required") }));
  const base = {
    id: name,
    label: label.text ?? name,
    ...(label.translations ? { labels: label.translations } : {}),
    ...(hint.text ? { help: hint.text } : {}),
    ...(hint.translations ? { helps: hint.translations } : {}),
    required: required ?? false,
  } as const;
  const extra: Partial<Record<"visibleWhen" | "prefillFrom", unknown>> = {};
  if (cell("relevant")) {
    const read = parseRelevant(cell("relevant"));
    if ("problem" in read) refuse("relevant", read.problem);
    else extra.visibleWhen = read.condition;
  }
  const prefill = cell("outrigger_prefill");
  if (prefill && !PREFILLS.has(prefill))
    refuse("outrigger_prefill", p("xlsformPrefillUnknown", { prefills: [...PREFILLS].join(", ") }));
  if (prefill) extra.prefillFrom = prefill;
  const marker = cell("outrigger_type");
  const appearance = cell("appearance");
  const constraint = cell("constraint") ? parseConstraint(cell("constraint")) : undefined;
  if (constraint && "problem" in constraint) refuse("constraint", constraint.problem);
  const bounds = constraint && "constraint" in constraint ? constraint.constraint : undefined;
  const misplaced = () => refuse("constraint", p("xlsformConstraintMisplaced", { type }));
  if (appearance && !(kind === "text" && appearance === "multiline"))
    refuse("appearance", p("xlsformAppearanceUnsupported", { appearance }));
  if (
    marker &&
    !(
      (kind === "text" && marker === "email") ||
      (kind.startsWith("select one ") && (marker === "yes_no" || marker === ADMINISTRATIONS_LIST))
    )
  )
    refuse("outrigger_type", p("xlsformOutriggerTypeMisplaced", { marker, type }));

  const [word, list, orOther, ...rest] = type.split(" ");
  const select = /^select_(one|multiple)$/i.test(word);
  if (select && (!list || rest.length > 0 || (orOther !== undefined && orOther.toLowerCase() !== "or_other")))
    return void refuse("type", p("xlsformChoiceTypeWritten", { word }));
  if (select) {
    if (bounds) misplaced();
    if (marker === ADMINISTRATIONS_LIST)
      return { ...base, ...extra, type: "choose_from_list", list: "administrations" } as Question;
    let options = optionsOf(list, r) ?? [];
    if (orOther) {
      if (options.some((o) => o.value === "other")) refuse("type", p("xlsformOtherTwice", { list }));
      options = [...options, { value: "other", label: "Other", specify: true }];
    }
    if (marker === "yes_no") {
      const [yes, no, ...more] = options;
      if (yes?.value !== "yes" || no?.value !== "no" || more.length > 0 || orOther)
        return void refuse("outrigger_type", p("xlsformYesNoOptions"));
      if (yes.labels || no.labels) return void refuse("outrigger_type", p("xlsformYesNoTranslated"));
      return yesNoQuestion(base, extra, yes, no);
    }
    const plainYesNo = word.toLowerCase() === "select_one" && !orOther && yesNoPair(options);
    if (plainYesNo) return yesNoQuestion(base, extra, plainYesNo.yes, plainYesNo.no);
    return {
      ...base,
      ...extra,
      type: word.toLowerCase() === "select_one" ? "single_choice" : "multiple_choice",
      options,
    } as Question;
  }
  if (type.includes(" ")) return void refuse("type", p("xlsformListOnChoicesOnly", { type }));
  switch (kind) {
    case "text":
      if (bounds && !("maxLength" in bounds)) misplaced();
      if (marker === "email") return { ...base, ...extra, type: "email" } as Question;
      return {
        ...base,
        ...extra,
        type: appearance === "multiline" ? "long_text" : "short_text",
        ...(bounds && "maxLength" in bounds ? { maxLength: bounds.maxLength } : {}),
      } as Question;
    case "integer":
    case "decimal":
      if (bounds && "maxLength" in bounds) misplaced();
      if (
        kind === "integer" &&
        bounds &&
        !("maxLength" in bounds) &&
        [bounds.min, bounds.max].some((b) => b !== undefined && !Number.isInteger(b))
      )
        refuse("constraint", p("xlsformIntegerBounds"));
      return { ...base, ...extra, type: kind, ...(bounds && !("maxLength" in bounds) ? bounds : {}) } as Question;
    case "date":
    case "note":
      if (bounds) misplaced();
      if (kind === "note" && base.required) refuse("required", p("xlsformNoteRequired"));
      return { ...base, ...extra, type: kind, ...(kind === "note" ? { required: false } : {}) } as Question;
    case "calculate":
      return void refuse("type", p("xlsformCalculateRow"));
    case "":
      return void refuse("type", p("xlsformNoType"));
    default:
      return void refuse("type", p("xlsformUnknownType", { type }));
  }
}
