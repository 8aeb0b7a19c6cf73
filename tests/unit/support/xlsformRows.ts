// Builds XLSForm sheets as plain rows for the mapping tests: a survey, its choices and a settings row.
import { sheetOf, type XlsformSheets } from "../../../src/server/questionnaires/xlsformSheets";

/** The survey columns every test form has; a test adds its own after them (`[...SURVEY_COLUMNS, "label::French (fr)"]`). */
export const SURVEY_COLUMNS = ["type", "name", "label", "hint", "required", "relevant", "constraint", "appearance"];

export function form(
  survey: (string | undefined)[][],
  choices: (string | undefined)[][] = [],
  options: { surveyColumns?: string[]; choiceColumns?: string[]; settings?: Record<string, string> } = {},
): XlsformSheets {
  const settings = options.settings ?? { form_title: "Risk management follow-up", form_id: "risk" };
  return {
    survey: sheetOf(options.surveyColumns ?? SURVEY_COLUMNS, survey),
    choices: sheetOf(options.choiceColumns ?? ["list_name", "name", "label"], choices),
    settings: sheetOf(Object.keys(settings), [Object.values(settings)]),
  };
}
