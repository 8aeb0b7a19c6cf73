// XLSForm as plain rows (sheet → header → cells), so the mapping to and from definitions is testable without files.
import { importProblem, type ImportProblem } from "../../shared/importProblemWords";

/** The survey columns after the texts (type, name, labels and hints), as Outrigger writes them and accepts them. */
export const SURVEY_RULE_COLUMNS = [
  "required",
  "relevant",
  "constraint",
  "appearance",
  "outrigger_type",
  "outrigger_prefill",
] as const;

/** One spreadsheet row: its 1-based row number in the sheet (the header is row 1) and its cells by column header. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

export interface XlsformSheet {
  columns: string[];
  rows: SheetRow[];
}

/** The three sheets Outrigger reads and writes; a missing choices or settings sheet is empty. */
export interface XlsformSheets {
  survey: XlsformSheet;
  choices: XlsformSheet;
  settings: XlsformSheet;
}

/** Something in the form that cannot become part of a definition, pinned to where it is. Row 1 is the header. */
export interface XlsformIssue {
  sheet: "survey" | "choices" | "settings";
  row: number;
  column: string;
  /** The problem in English (sayImportProblem of `problem`). */
  message: string;
  problem: ImportProblem;
}

export const emptySheet = (): XlsformSheet => ({ columns: [], rows: [] });

/** Builds a sheet from a header and value rows, numbering rows as a spreadsheet does (values start at row 2). */
export function sheetOf(columns: string[], values: (string | undefined)[][]): XlsformSheet {
  return {
    columns,
    rows: values.map((cells, i) => ({
      row: i + 2,
      cells: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ""]).filter(([, v]) => v !== "")),
    })),
  };
}

/** Where XLSForm puts a language: `label::French (fr)` → { base: "label", language: "fr" }; plain `label` has none. */
export function splitLanguageColumn(column: string): { base: string; languageName?: string; language?: string } {
  const at = column.indexOf("::");
  if (at < 0) return { base: column };
  const languageName = column.slice(at + 2).trim();
  const code = /\(([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\)\s*$/.exec(languageName)?.[1];
  return { base: column.slice(0, at), languageName, language: code?.toLowerCase() };
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** `label::French (fr)`: the language's English name and its code, as ODK and KoboToolbox expect. */
export function languageColumn(base: string, code: string): string {
  let name = code;
  try {
    name = languageNames.of(code) ?? code;
  } catch {
    // An unusual code keeps itself as its name.
  }
  return `${base}::${name} (${code})`;
}

const UNUSABLE_NAMES = {
  option: "xlsformUnusableOptionName",
  group: "xlsformUnusableGroupName",
  question: "xlsformUnusableQuestionName",
} as const;

/** Why a name cannot be an option, group or question id (they follow the definition's `identifier`). */
export function unusableName(what: "option" | "group" | "question", name: string): ImportProblem {
  return importProblem(UNUSABLE_NAMES[what], { name });
}
