// The Word draft's own prose in each language the report is written in: title page, headings and the computed
// sentences around the tables. English is the draft's wording as it has always been; French follows it.
import type { ReportHeading } from "../feedback";
import { formatPercent } from "./percent";
import { PUBLISHED_WORDING, type ReportLanguage } from "./publishedWording";
import type { FollowUpAction, Percent } from "./types";

/** A percent and what follows it: " (compared to 56% in 2022)", or nothing where last year's is unknown. */
export interface DraftShare {
  percent: string;
  compared: string;
}
/** A count with its share. */
export interface DraftFigure extends DraftShare {
  count: string;
}

export interface DraftWording {
  number: (value: number) => string;
  /** "66%", or an en dash where there is nothing to divide by. */
  percent: (value: Percent) => string;
  /** "July 2022" for an ISO date. */
  monthYear: (isoDate: string) => string;
  title: (survey: number, fiscalYear: string) => [string, string, string];
  headings: {
    introduction: string;
    findings: string;
    replies: string;
    actions: string;
    applying: string;
    directEffects: string;
    efficiency: string;
    newProjects: string;
    conclusion: string;
  };
  /** " (compared to 56% in 2022)": last year's figure after this year's. */
  compared: (previous: string, lastSurvey: number) => string;
  introduction: (w: { survey: number; workshops: string; fiscalYear: string; from: string; to: string }) => string;
  replies: (w: { survey: number; replies: string; rate: string; compared: string }) => string;
  repliesByKind: (w: { subRegional: string; regional: string }) => string;
  /** "Of the 70 respondents, " + the actions joined + "." */
  actions: (replies: string, items: readonly string[]) => string;
  /** How each action reads in a sentence ("58 (83%) shared the training materials with colleagues"). */
  actionSentences: Record<FollowUpAction, string>;
  actionItem: (figure: DraftFigure, sentence: string) => string;
  applying: string;
  directEffects: (figure: DraftFigure) => string;
  effectsByAction: (w: { shared: DraftShare; inhouse: DraftShare; effects: DraftShare }) => string;
  efficiency: (figure: DraftFigure) => string;
  newProjects: (figure: DraftFigure) => string;
  projectsByAction: (share: DraftShare) => string;
  conclusion: (w: { survey: number; replies: string; shared: string; effects: string; efficiency: string }) => string;
  quote: (w: { text: string; administration: string; workshop: string }) => string;
  /** The quotes' headings by id; absent: the heading's own (English) label. */
  quoteHeadings?: Record<ReportHeading, string>;
}

const monthYearIn =
  (locale: string) =>
  (isoDate: string): string =>
    new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(isoDate));

const english: DraftWording = {
  number: String,
  percent: formatPercent,
  monthYear: monthYearIn("en"),
  title: (survey, fiscalYear) => [
    "Good Practice Report",
    "Survey on follow-up actions taken after participation in regional workshops",
    `Survey ${survey} (FY ${fiscalYear})`,
  ],
  headings: {
    introduction: "1 Introduction",
    findings: "2 Findings",
    replies: "2.1 Replies",
    actions: "2.2 Follow-up actions",
    applying: "2.3 Applying what was learnt",
    directEffects: "2.4 Direct effects",
    efficiency: "2.5 Work efficiency and effectiveness",
    newProjects: "2.6 New modernization projects",
    conclusion: "3 Conclusion",
  },
  compared: (previous, lastSurvey) => ` (compared to ${previous} in ${lastSurvey})`,
  introduction: (w) =>
    `Survey ${w.survey} covers the ${w.workshops} regional and sub-regional workshops held in ` +
    `FY ${w.fiscalYear} (${w.from} to ${w.to}). About six months ` +
    "after each workshop, every participant was asked what they had done with what they learnt.",
  replies: (w) =>
    `The total number of replies to Survey ${w.survey} is ${w.replies}. The overall reply rate, replies divided ` +
    `by participating administrations, is ${w.rate}${w.compared}.`,
  repliesByKind: (w) => ` It is ${w.subRegional} for sub-regional workshops and ${w.regional} for regional workshops.`,
  actions: (replies, items) => `Of the ${replies} respondents, ${items.join("; ")}.`,
  actionSentences: {
    shared_materials: "shared the training materials with colleagues",
    submitted_report: "submitted a report to management",
    made_recommendations: "made specific recommendations to senior officials",
    inhouse_workshop: "organized an in-house workshop or training",
    developed_manuals: "developed operational manuals or SOPs",
    other: "took other actions",
  },
  actionItem: (f, sentence) => `${f.count} (${f.percent}) ${sentence}${f.compared}`,
  applying: "Respondents described how they applied the lessons learnt; their answers fall under two headings.",
  directEffects: (f) =>
    `${f.count} respondents (${f.percent}) observed direct effects from applying the lessons learnt${f.compared}.`,
  effectsByAction: ({ shared, inhouse, effects }) =>
    `Of the administrations that shared materials, ${shared.percent} also realized direct effects` +
    `${shared.compared}; of those that organized an in-house workshop, ${inhouse.percent}${inhouse.compared}. ` +
    `${effects.percent} of the direct effects are attributed to sharing materials and/or ` +
    `in-house workshops${effects.compared}.`,
  efficiency: (f) =>
    `${f.count} respondents (${f.percent}) said the workshop ` +
    `improved the work efficiency and effectiveness of their administration${f.compared}.`,
  newProjects: (f) =>
    `${f.count} respondents (${f.percent}) said their ` +
    `administration initiated new or enhanced modernization projects inspired by the workshop${f.compared}.`,
  projectsByAction: (f) =>
    `${f.percent} of the new projects are attributed to submitted reports and/or recommendations${f.compared}.`,
  conclusion: (w) =>
    `Survey ${w.survey} received ${w.replies} replies. ${w.shared} of respondents ` +
    `shared the training materials, ${w.effects} observed direct effects and ` +
    `${w.efficiency} saw their work become more efficient and effective.`,
  quote: (w) => `${w.text} (${w.administration}, ${w.workshop})`,
};

/** French typography: a narrow no-break space before ";" and "%", as the tables beside the sentences print it. */
const french: DraftWording = {
  number: (value) => new Intl.NumberFormat("fr").format(value),
  percent: (value) => (value === null ? "–" : PUBLISHED_WORDING.fr.percent(value)),
  monthYear: monthYearIn("fr"),
  title: (survey, fiscalYear) => [
    "Rapport sur les bonnes pratiques",
    "Enquête sur les suites données à la participation aux ateliers régionaux",
    `Enquête ${survey} (exercice ${fiscalYear})`,
  ],
  headings: {
    introduction: "1 Introduction",
    findings: "2 Constats",
    replies: "2.1 Réponses",
    actions: "2.2 Suites données",
    applying: "2.3 Application des enseignements",
    directEffects: "2.4 Effets directs",
    efficiency: "2.5 Efficience et efficacité du travail",
    newProjects: "2.6 Nouveaux projets de modernisation",
    conclusion: "3 Conclusion",
  },
  compared: (previous, lastSurvey) => ` (contre ${previous} en ${lastSurvey})`,
  introduction: (w) =>
    `L’enquête ${w.survey} porte sur les ${w.workshops} ateliers régionaux et sous-régionaux tenus pendant ` +
    `l’exercice ${w.fiscalYear} (de ${w.from} à ${w.to}). Environ six mois après chaque atelier, chaque ` +
    "participant a été interrogé sur ce qu’il avait fait de ce qu’il avait appris.",
  replies: (w) =>
    `L’enquête ${w.survey} a reçu ${w.replies} réponses au total. Le taux de réponse global, nombre de réponses ` +
    `divisé par le nombre d’administrations participantes, est de ${w.rate}${w.compared}.`,
  repliesByKind: (w) =>
    ` Il est de ${w.subRegional} pour les ateliers sous-régionaux et de ${w.regional} pour les ateliers régionaux.`,
  actions: (replies, items) => `Sur les ${replies} répondants, ${items.join("\u202f; ")}.`,
  actionSentences: {
    shared_materials: "ont partagé les supports de formation avec leurs collègues",
    submitted_report: "ont remis un rapport à leur direction",
    made_recommendations: "ont formulé des recommandations précises aux hauts responsables",
    inhouse_workshop: "ont organisé un atelier ou une formation en interne",
    developed_manuals: "ont élaboré des manuels opérationnels ou des procédures",
    other: "ont pris d’autres mesures",
  },
  actionItem: (f, sentence) => `${f.count} (${f.percent}) ${sentence}${f.compared}`,
  applying:
    "Les répondants ont décrit comment ils ont appliqué les enseignements tirés\u202f; leurs réponses se répartissent " +
    "sous deux rubriques.",
  directEffects: (f) =>
    `${f.count} répondants (${f.percent}) ont constaté des effets directs de l’application des enseignements ` +
    `tirés${f.compared}.`,
  effectsByAction: ({ shared, inhouse, effects }) =>
    `Parmi les administrations qui ont partagé les supports, ${shared.percent} ont aussi obtenu des effets directs` +
    `${shared.compared}\u202f; parmi celles qui ont organisé un atelier interne, ${inhouse.percent}` +
    `${inhouse.compared}. ${effects.percent} des effets directs sont attribués au partage des supports et/ou ` +
    `aux ateliers internes${effects.compared}.`,
  efficiency: (f) =>
    `${f.count} répondants (${f.percent}) estiment que l’atelier a amélioré l’efficience et l’efficacité du ` +
    `travail de leur administration${f.compared}.`,
  newProjects: (f) =>
    `${f.count} répondants (${f.percent}) indiquent que leur administration a lancé des projets de modernisation ` +
    `nouveaux ou renforcés inspirés de l’atelier${f.compared}.`,
  projectsByAction: (f) =>
    `${f.percent} des nouveaux projets sont attribués aux rapports remis et/ou aux recommandations ` +
    `formulées${f.compared}.`,
  conclusion: (w) =>
    `L’enquête ${w.survey} a reçu ${w.replies} réponses. ${w.shared} des répondants ont partagé les supports ` +
    `de formation, ${w.effects} ont constaté des effets directs et ${w.efficiency} ont vu leur travail gagner en ` +
    "efficience et en efficacité.",
  quote: (w) => `${w.text} (${w.administration}, ${w.workshop})`,
  // The words of the feedback catalogue's headings (src/app/messages/fr/feedback.ts), which the server cannot import.
  quoteHeadings: {
    others_actions: "Actions d’autres administrations",
    operational_improvement: "Amélioration opérationnelle",
    strategic_empowerment: "Renforcement stratégique",
    direct_effects: "Effets directs",
    work_improvement: "Amélioration du travail",
    new_projects: "Nouveaux projets",
  },
};

export const DRAFT_WORDING: Record<ReportLanguage, DraftWording> = { en: english, fr: french };
