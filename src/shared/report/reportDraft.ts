// The Good Practice Report as an outline of blocks (headings, computed sentences, published tables, quotes),
// ready to be written out as a Word draft. Plain data, so the wording is tested without opening a document.
import type { ReportHeading, ReportQuotes } from "../feedback";
import { fiscalYearRange, previousFiscalYear, surveyYearOf } from "./fiscalYear";
import { DRAFT_WORDING, type DraftFigure, type DraftShare } from "./draftWording";
import type { PublishedTable } from "./publishedLayout";
import type { ReportLanguage } from "./publishedWording";
import type { SurveyReport, YearComparison } from "./report";
import { FOLLOW_UP_ACTIONS } from "./types";

export type DraftBlock =
  | { type: "title"; lines: string[] }
  | { type: "heading"; level: 1 | 2; text: string }
  | { type: "paragraph"; text: string }
  | { type: "table"; table: PublishedTable }
  | { type: "bullets"; heading: string; items: string[] };

/** What the draft is written from: the year's report, its comparisons, its published tables and its picked quotes. */
export interface DraftInput {
  report: SurveyReport;
  comparison: readonly YearComparison[];
  tables: readonly PublishedTable[];
  quotes: ReportQuotes;
}

/** The draft's blocks, worded in `language` (English, the default, or French: `DRAFT_WORDING`). */
export function draftOutline(input: DraftInput, language: ReportLanguage = "en"): DraftBlock[] {
  const { report, comparison, tables, quotes } = input;
  const w = DRAFT_WORDING[language];
  const t = report.tables;
  const survey = surveyYearOf(report.fiscalYear);
  const lastSurvey = surveyYearOf(previousFiscalYear(report.fiscalYear));
  const range = fiscalYearRange(report.fiscalYear);
  const figure = new Map(comparison.map((c) => [c.key, c]));
  /** " (compared to 56% in 2022)" where last year's figure is known, else nothing. */
  const compared = (key: string): string => {
    const previous = figure.get(key)?.previous ?? null;
    return previous === null ? "" : w.compared(w.percent(previous), lastSurvey);
  };
  const pct = (value: number | null) => w.percent(value);
  const share = (percent: number | null, key: string): DraftShare => ({
    percent: pct(percent),
    compared: compared(key),
  });
  const count = (value: number, percent: number | null, key: string): DraftFigure => ({
    count: w.number(value),
    ...share(percent, key),
  });
  const table = (n: number): DraftBlock => ({ type: "table", table: tables[n - 1] });
  const quotesUnder = (...headings: ReportHeading[]): DraftBlock[] =>
    quotes.headings
      .filter((h) => headings.includes(h.heading))
      .map((h) => ({
        type: "bullets" as const,
        heading: w.quoteHeadings?.[h.heading] ?? h.label,
        items: h.quotes.map((q) =>
          w.quote({ text: q.text, administration: q.administration.name, workshop: q.workshop.title }),
        ),
      }));
  const replies = w.number(t.replies.total.replies);
  const subRegional = t.replies.subtotals.find((s) => s.kind === "sub-regional");
  const regional = t.replies.subtotals.find((s) => s.kind === "regional");
  const actions = t.followUpActions.total.actions;
  const effects = t.effectsByAction.total.columns;
  const projects = t.projectsByAction.total.columns;
  const heading = (level: 1 | 2, text: string): DraftBlock => ({ type: "heading", level, text });
  const paragraph = (text: string): DraftBlock => ({ type: "paragraph", text });

  return [
    { type: "title", lines: w.title(survey, report.fiscalYear) },
    heading(1, w.headings.introduction),
    paragraph(
      w.introduction({
        survey,
        workshops: w.number(report.workshops.length),
        fiscalYear: report.fiscalYear,
        from: w.monthYear(range.firstDay),
        to: w.monthYear(range.lastDay),
      }),
    ),
    heading(1, w.headings.findings),
    heading(2, w.headings.replies),
    paragraph(
      w.replies({
        survey,
        replies,
        rate: pct(t.replies.total.ratePerAdministration),
        compared: compared("replies.ratePerAdministration"),
      }) +
        (subRegional && regional && subRegional.workshops > 0 && regional.workshops > 0
          ? w.repliesByKind({
              subRegional: pct(subRegional.ratePerAdministration),
              regional: pct(regional.ratePerAdministration),
            })
          : ""),
    ),
    table(1),
    heading(2, w.headings.actions),
    paragraph(
      w.actions(
        replies,
        FOLLOW_UP_ACTIONS.map((a) =>
          w.actionItem(count(actions[a].count, actions[a].percent, `followUpActions.${a}`), w.actionSentences[a]),
        ),
      ),
    ),
    table(2),
    ...quotesUnder("others_actions"),
    heading(2, w.headings.applying),
    paragraph(w.applying),
    ...quotesUnder("operational_improvement", "strategic_empowerment"),
    heading(2, w.headings.directEffects),
    paragraph(w.directEffects(count(t.directEffects.total.yes, t.directEffects.total.yesPercent, "directEffects.yes"))),
    table(3),
    paragraph(
      w.effectsByAction({
        shared: share(effects.shared.percent, "effectsByAction.shared"),
        inhouse: share(effects.inhouse.percent, "effectsByAction.inhouse"),
        effects: share(effects.effects.percent, "effectsByAction.effects"),
      }),
    ),
    table(4),
    ...quotesUnder("direct_effects"),
    heading(2, w.headings.efficiency),
    paragraph(w.efficiency(count(t.efficiency.total.yes, t.efficiency.total.yesPercent, "efficiency.yes"))),
    table(5),
    ...quotesUnder("work_improvement"),
    heading(2, w.headings.newProjects),
    paragraph(w.newProjects(count(t.newProjects.total.yes, t.newProjects.total.yesPercent, "newProjects.yes"))),
    table(6),
    paragraph(w.projectsByAction(share(projects.projects.percent, "projectsByAction.projects"))),
    table(7),
    ...quotesUnder("new_projects"),
    heading(1, w.headings.conclusion),
    paragraph(
      w.conclusion({
        survey,
        replies,
        shared: pct(actions.shared_materials.percent),
        effects: pct(t.directEffects.total.yesPercent),
        efficiency: pct(t.efficiency.total.yesPercent),
      }),
    ),
  ];
}
