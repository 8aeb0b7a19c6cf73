// Which XLSForm columns hold the main (English) text and which hold translations, and reading a row's texts from them.
import { importProblem, type ImportProblem } from "../../shared/importProblemWords";
import { splitLanguageColumn } from "./xlsformSheets";

/** For each text column (`label`, `hint`; settings' `form_title`): the column of the main text, and translation columns by language code. */
export interface LanguageColumns {
  main: Record<string, string | undefined>;
  translations: Record<string, Record<string, string>>;
}

/**
 * The main text is the plain column (`label`), else the English one (`label::English (en)`), else the one of
 * settings' default_language, else the first. Every other language needs its code, or its texts would be lost.
 */
export function languageColumnsOf(
  columns: string[],
  defaultLanguage: string | undefined,
  refuse: (column: string, problem: ImportProblem) => void,
  bases: readonly string[] = ["label", "hint"],
): LanguageColumns {
  const result: LanguageColumns = { main: {}, translations: {} };
  const defaultCode = defaultLanguage
    ? (splitLanguageColumn(`x::${defaultLanguage}`).language ?? defaultLanguage.trim().toLowerCase())
    : undefined;
  for (const base of bases) {
    const candidates = [...new Set(columns)].filter((c) => splitLanguageColumn(c).base === base);
    const main =
      candidates.find((c) => c === base) ??
      candidates.find((c) => splitLanguageColumn(c).language === "en") ??
      candidates.find((c) => splitLanguageColumn(c).language === defaultCode) ??
      candidates[0];
    result.main[base] = main;
    result.translations[base] = {};
    for (const c of candidates.filter((c) => c !== main)) {
      const { language } = splitLanguageColumn(c);
      if (!language) refuse(c, importProblem("xlsformLanguageWithoutCode", { base }));
      else result.translations[base][c] = language;
    }
  }
  return result;
}

/** A row's main text and its translations (only the non-empty ones) for `label`, `hint` or `form_title`. */
export function textsOf(
  cells: Record<string, string>,
  base: "label" | "hint" | "form_title",
  columns: LanguageColumns,
): { text?: string; translations?: Record<string, string> } {
  const main = columns.main[base];
  const text = main ? cells[main]?.trim() || undefined : undefined;
  const translations = Object.fromEntries(
    Object.entries(columns.translations[base] ?? {})
      .map(([column, language]) => [language, cells[column]?.trim() ?? ""])
      .filter(([, t]) => t !== ""),
  );
  return { text, ...(Object.keys(translations).length > 0 ? { translations } : {}) };
}

/** XLSForm's ways of saying yes and no in `required`; undefined for anything else (e.g. an expression). */
export function yesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (["yes", "true", "true()", "1"].includes(v)) return true;
  if (["", "no", "false", "false()", "0"].includes(v)) return false;
  return undefined;
}
