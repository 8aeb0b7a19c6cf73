// The report's computed words on the console's screens (year comparisons, left-out replies, trend indicators), from
// the reports catalogue: the server sends figures and codes, so they read in the console's language.
import { formatNumber } from "../../i18n/catalogue";
import { formattingLocale } from "../../i18n/language";
import { reportsText as t } from "./consoleText";
import english from "./messages/en/reports";

type ReportsKey = keyof typeof english & string;
const isReportsKey = (key: string): key is ReportsKey => key in english;

/** A headline figure's name by its key ("replies.ratePerAdministration"); `fallback` for a key the catalogue lacks. */
export function figureName(key: string, fallback: string): string {
  const entry = `figure.${key}`;
  return isReportsKey(entry) ? t(entry) : fallback;
}

/** A number in an analytic table's cell, grouped as the console's language writes it ("1 234,5" in French). */
export const cellNumber = (value: number): string => formatNumber(value, formattingLocale());

/** "66%", or an en dash where there is nothing to divide by. */
export const percentText = (value: number | null): string => (value === null ? "–" : t("percent", { value }));

export interface ComparedFigure {
  key: string;
  previous: number | null;
  current: number | null;
}

/** "Shared materials: 43% in 2021/22 → 66% in 2022/23". */
export function comparisonLine(figure: ComparedFigure, previousYear: string, year: string): string {
  const text = t("comparisonChange", {
    previous: percentText(figure.previous),
    previousYear,
    current: percentText(figure.current),
    year,
  });
  return t("comparisonLine", { label: figureName(figure.key, figure.key), text });
}

export interface LeftOutGroup {
  table: number;
  questionnaireId: string;
  version: number | null;
  /** The bindings the table needs and the version lacks (`ReportBindings` keys). */
  unbound: string[];
}

/** Why a table leaves a version's replies out, naming the bindings it lacks. */
export function leftOutReason(group: LeftOutGroup): string {
  const bindings = new Intl.ListFormat(formattingLocale(), { type: "conjunction" }).format(
    group.unbound.map((binding) => {
      const entry = `binding.${binding}`;
      return isReportsKey(entry) ? t(entry) : binding;
    }),
  );
  const questionnaire = group.questionnaireId || t("leftOutTheQuestionnaire");
  return group.version === null
    ? t("leftOutReasonUnversioned", { table: group.table, questionnaire, bindings })
    : t("leftOutReason", { table: group.table, questionnaire, version: group.version, bindings });
}
