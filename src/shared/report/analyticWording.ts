// The words of the analytic tables (every figure, one column per count and percent) in each language the report
// is written in: sheet names, column headings, kinds and the subtotal and total rows. English is what the data
// exports (CSV, XLSX, JSON) keep whatever the language, since other tools and the earlier-round import read them.
import { PUBLISHED_WORDING, type ReportLanguage } from "./publishedWording";
import type { SurveyReport } from "./report";
import { FOLLOW_UP_ACTION_LABELS, type FollowUpAction, type WorkshopKind } from "./types";

export type AnalyticTableKey = keyof SurveyReport["tables"];

export interface AnalyticWording {
  /** "Table 2 Follow-up actions": the sheet's name, and the table's heading on the report screen. */
  sheetName: (number: number, title: string) => string;
  titles: Record<AnalyticTableKey, string>;
  kinds: Record<WorkshopKind, string>;
  /** "Regional workshops (4)". */
  subtotal: (kind: WorkshopKind, workshops: number) => string;
  total: (workshops: number) => string;
  /** The headings of the columns every table or several share, by column key. */
  columns: {
    number: string;
    workshop: string;
    kind: string;
    participatingAdministrations: string;
    invitedParticipants: string;
    replies: string;
    respondingAdministrations: string;
    ratePerAdministration: string;
    ratePerParticipant: string;
    answered: string;
    noActionYet: string;
    yes: string;
    no: string;
    unanswered: string;
    yesPercent: string;
    noPercent: string;
  };
  actions: Record<FollowUpAction, string>;
  /** "Shared materials (%)" beside "Shared materials". */
  percentOf: (label: string) => string;
  /** A cross table's four columns per action or outcome ("Shared materials: in both (%)"). */
  cross: {
    administrations: (label: string) => string;
    entries: (label: string) => string;
    marked: (label: string) => string;
    percent: (label: string) => string;
  };
  /** The cross tables' actions and outcomes by key; absent: the label the report's tables carry (English). */
  crossColumns?: Record<string, string>;
}

const ENGLISH_KINDS: Record<WorkshopKind, string> = {
  regional: "Regional",
  "sub-regional": "Sub-regional",
  national: "National",
};
const frenchNumber = (value: number) => new Intl.NumberFormat("fr").format(value);

const english: AnalyticWording = {
  sheetName: (number, title) => `Table ${number} ${title}`,
  titles: {
    replies: "Replies",
    followUpActions: "Follow-up actions",
    directEffects: "Direct effects",
    effectsByAction: "Direct effects x actions",
    efficiency: "Efficiency",
    newProjects: "New projects",
    projectsByAction: "New projects x actions",
  },
  kinds: ENGLISH_KINDS,
  subtotal: (kind, workshops) => `${ENGLISH_KINDS[kind]} workshops (${workshops})`,
  total: (workshops) => `Total (${workshops} workshops)`,
  columns: {
    number: "#",
    workshop: "Workshop",
    kind: "Kind",
    participatingAdministrations: "Participating administrations",
    invitedParticipants: "Invited participants",
    replies: "Replies",
    respondingAdministrations: "Responding administrations",
    ratePerAdministration: "Reply rate per administration (%)",
    ratePerParticipant: "Reply rate per participant (%)",
    answered: "Answered",
    noActionYet: "No action yet",
    yes: "Yes",
    no: "No",
    unanswered: "Unanswered",
    yesPercent: "Yes (%)",
    noPercent: "No (%)",
  },
  actions: FOLLOW_UP_ACTION_LABELS,
  percentOf: (label) => `${label} (%)`,
  cross: {
    administrations: (label) => `${label}: administrations (* = in both)`,
    entries: (label) => `${label}: entries`,
    marked: (label) => `${label}: in both`,
    percent: (label) => `${label}: in both (%)`,
  },
};

/** French typography: a narrow no-break space before ":"; actions and kinds are named as in the published tables. */
const french: AnalyticWording = {
  sheetName: (number, title) => `Tableau ${number} ${title}`,
  titles: {
    replies: "Réponses",
    followUpActions: "Suites données",
    directEffects: "Effets directs",
    effectsByAction: "Effets directs x suites données",
    efficiency: "Efficience",
    newProjects: "Nouveaux projets",
    projectsByAction: "Nouveaux projets x suites données",
  },
  kinds: { regional: "Régional", "sub-regional": "Sous-régional", national: "National" },
  subtotal: (kind, workshops) => `${PUBLISHED_WORDING.fr.kindTotals[kind]} (${frenchNumber(workshops)})`,
  total: (workshops) => `Total (${frenchNumber(workshops)} ateliers)`,
  columns: {
    number: "N°",
    workshop: "Atelier",
    kind: "Type",
    participatingAdministrations: "Administrations participantes",
    invitedParticipants: "Participants invités",
    replies: "Réponses",
    respondingAdministrations: "Administrations ayant répondu",
    ratePerAdministration: "Taux de réponse par administration (%)",
    ratePerParticipant: "Taux de réponse par participant (%)",
    answered: "Ayant répondu",
    noActionYet: "Pas encore de suite",
    yes: "Oui",
    no: "Non",
    unanswered: "Sans réponse",
    yesPercent: "Oui (%)",
    noPercent: "Non (%)",
  },
  actions: PUBLISHED_WORDING.fr.table2.actions,
  percentOf: (label) => `${label} (%)`,
  cross: {
    administrations: (label) => `${label}\u202f: administrations (* = dans les deux)`,
    entries: (label) => `${label}\u202f: mentions`,
    marked: (label) => `${label}\u202f: dans les deux`,
    percent: (label) => `${label}\u202f: dans les deux (%)`,
  },
  crossColumns: PUBLISHED_WORDING.fr.crossColumns,
};

export const ANALYTIC_WORDING: Record<ReportLanguage, AnalyticWording> = { en: english, fr: french };
