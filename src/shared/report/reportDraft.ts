// The Good Practice Report as an outline of blocks (headings, computed sentences, published tables, quotes),
// ready to be written out as a Word draft. Plain data, so the wording is tested without opening a document.
import type { ReportHeading, ReportQuotes } from "../feedback";
import { fiscalYearRange, previousFiscalYear, surveyYearOf } from "./fiscalYear";
import { formatPercent } from "./percent";
import type { PublishedTable } from "./publishedLayout";
import type { SurveyReport, YearComparison } from "./report";
import { FOLLOW_UP_ACTIONS, type FollowUpAction } from "./types";

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

/** How each action reads in a sentence ("58 (83%) shared the training materials with colleagues"). */
const ACTION_SENTENCES: Record<FollowUpAction, string> = {
  shared_materials: "shared the training materials with colleagues",
  submitted_report: "submitted a report to management",
  made_recommendations: "made specific recommendations to senior officials",
  inhouse_workshop: "organized an in-house workshop or training",
  developed_manuals: "developed operational manuals or SOPs",
  other: "took other actions",
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthYear(isoDate: string): string {
  const [year, month] = isoDate.split("-");
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

export function draftOutline(input: DraftInput): DraftBlock[] {
  const { report, comparison, tables, quotes } = input;
  const t = report.tables;
  const survey = surveyYearOf(report.fiscalYear);
  const lastSurvey = surveyYearOf(previousFiscalYear(report.fiscalYear));
  const range = fiscalYearRange(report.fiscalYear);
  const figure = new Map(comparison.map((c) => [c.key, c]));
  /** " (compared to 56% in 2022)" where last year's figure is known, else nothing. */
  const compared = (key: string): string => {
    const previous = figure.get(key)?.previous ?? null;
    return previous === null ? "" : ` (compared to ${formatPercent(previous)} in ${lastSurvey})`;
  };
  const table = (n: number): DraftBlock => ({ type: "table", table: tables[n - 1] });
  const quotesUnder = (...headings: ReportHeading[]): DraftBlock[] =>
    quotes.headings
      .filter((h) => headings.includes(h.heading))
      .map((h) => ({
        type: "bullets" as const,
        heading: h.label,
        items: h.quotes.map((q) => `${q.text} (${q.administration.name}, ${q.workshop.title})`),
      }));
  const pct = (value: number | null) => formatPercent(value);
  const replies = t.replies.total.replies;
  const subRegional = t.replies.subtotals.find((s) => s.kind === "sub-regional");
  const regional = t.replies.subtotals.find((s) => s.kind === "regional");
  const actions = t.followUpActions.total.actions;
  const effects = t.effectsByAction.total.columns;
  const projects = t.projectsByAction.total.columns;

  return [
    {
      type: "title",
      lines: [
        "Good Practice Report",
        "Survey on follow-up actions taken after participation in regional workshops",
        `Survey ${survey} (FY ${report.fiscalYear})`,
      ],
    },
    { type: "heading", level: 1, text: "1 Introduction" },
    {
      type: "paragraph",
      text:
        `Survey ${survey} covers the ${report.workshops.length} regional and sub-regional workshops held in ` +
        `FY ${report.fiscalYear} (${monthYear(range.firstDay)} to ${monthYear(range.lastDay)}). About six months ` +
        "after each workshop, every participant was asked what they had done with what they learnt.",
    },
    { type: "heading", level: 1, text: "2 Findings" },
    { type: "heading", level: 2, text: "2.1 Replies" },
    {
      type: "paragraph",
      text:
        `The total number of replies to Survey ${survey} is ${replies}. The overall reply rate, replies divided ` +
        `by participating administrations, is ${pct(t.replies.total.ratePerAdministration)}` +
        `${compared("replies.ratePerAdministration")}.` +
        (subRegional && regional && subRegional.workshops > 0 && regional.workshops > 0
          ? ` It is ${pct(subRegional.ratePerAdministration)} for sub-regional workshops and ` +
            `${pct(regional.ratePerAdministration)} for regional workshops.`
          : ""),
    },
    table(1),
    { type: "heading", level: 2, text: "2.2 Follow-up actions" },
    {
      type: "paragraph",
      text:
        `Of the ${replies} respondents, ` +
        FOLLOW_UP_ACTIONS.map(
          (a) =>
            `${actions[a].count} (${pct(actions[a].percent)}) ${ACTION_SENTENCES[a]}${compared(`followUpActions.${a}`)}`,
        ).join("; ") +
        ".",
    },
    table(2),
    ...quotesUnder("others_actions"),
    { type: "heading", level: 2, text: "2.3 Applying what was learnt" },
    {
      type: "paragraph",
      text: "Respondents described how they applied the lessons learnt; their answers fall under two headings.",
    },
    ...quotesUnder("operational_improvement", "strategic_empowerment"),
    { type: "heading", level: 2, text: "2.4 Direct effects" },
    {
      type: "paragraph",
      text:
        `${t.directEffects.total.yes} respondents (${pct(t.directEffects.total.yesPercent)}) observed direct ` +
        `effects from applying the lessons learnt${compared("directEffects.yes")}.`,
    },
    table(3),
    {
      type: "paragraph",
      text:
        `Of the administrations that shared materials, ${pct(effects.shared.percent)} also realized direct effects` +
        `${compared("effectsByAction.shared")}; of those that organized an in-house workshop, ` +
        `${pct(effects.inhouse.percent)}${compared("effectsByAction.inhouse")}. ` +
        `${pct(effects.effects.percent)} of the direct effects are attributed to sharing materials and/or ` +
        `in-house workshops${compared("effectsByAction.effects")}.`,
    },
    table(4),
    ...quotesUnder("direct_effects"),
    { type: "heading", level: 2, text: "2.5 Work efficiency and effectiveness" },
    {
      type: "paragraph",
      text:
        `${t.efficiency.total.yes} respondents (${pct(t.efficiency.total.yesPercent)}) said the workshop ` +
        `improved the work efficiency and effectiveness of their administration${compared("efficiency.yes")}.`,
    },
    table(5),
    ...quotesUnder("work_improvement"),
    { type: "heading", level: 2, text: "2.6 New modernization projects" },
    {
      type: "paragraph",
      text:
        `${t.newProjects.total.yes} respondents (${pct(t.newProjects.total.yesPercent)}) said their ` +
        `administration initiated new or enhanced modernization projects inspired by the workshop` +
        `${compared("newProjects.yes")}.`,
    },
    table(6),
    {
      type: "paragraph",
      text:
        `${pct(projects.projects.percent)} of the new projects are attributed to submitted reports and/or ` +
        `recommendations${compared("projectsByAction.projects")}.`,
    },
    table(7),
    ...quotesUnder("new_projects"),
    { type: "heading", level: 1, text: "3 Conclusion" },
    {
      type: "paragraph",
      text:
        `Survey ${survey} received ${replies} replies. ${pct(actions.shared_materials.percent)} of respondents ` +
        `shared the training materials, ${pct(t.directEffects.total.yesPercent)} observed direct effects and ` +
        `${pct(t.efficiency.total.yesPercent)} saw their work become more efficient and effective.`,
    },
  ];
}
