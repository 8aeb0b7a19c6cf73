// The words of Tables 1–7 as published, in each language the report is written in: captions, column headings, row
// labels, notes, months and percentages. English is the office's printed report word for word; French follows it.
import { FOLLOW_UP_ACTION_LABELS, type FollowUpAction, type Percent, type WorkshopKind } from "./types";

export const REPORT_LANGUAGES = ["en", "fr"] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** `?lang=fr` → "fr"; anything else (absent, unknown) → English, the report's own language. */
export function reportLanguageOf(value: string | undefined): ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(value ?? "") ? (value as ReportLanguage) : "en";
}

interface CrossTableWording {
  caption: string;
  ledTo: string;
  attributedTo: string;
  notes: [string, string];
}

export interface PublishedWording {
  /** Abbreviated months, January first, as the report prints them after a workshop's title. */
  months: readonly string[];
  percent: (percent: number) => string;
  /** "Table 1: Replies per workshop", above a table in the Word draft and the XLSX. */
  tableTitle: (number: number, caption: string) => string;
  /** The XLSX worksheet of a table. */
  sheetName: (number: number) => string;
  /** "(FY 2022/23)" after a table's title in the XLSX. */
  ofFiscalYear: (fiscalYear: string) => string;
  total: string;
  workshop: string;
  replies: string;
  yes: string;
  no: string;
  kindTotals: Record<WorkshopKind, string>;
  table1: { caption: string; number: string; participating: string; note: string };
  table2: { caption: string; actions: Record<FollowUpAction, string> };
  table3: { caption: string; note: string };
  table5: { caption: string };
  table6: { caption: string };
  table4: CrossTableWording;
  table7: CrossTableWording;
  /** The cross tables' columns by key; absent: the label the report's tables carry (English). */
  crossColumns?: Record<string, string>;
}

const english: PublishedWording = {
  months: ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."],
  percent: (percent) => `${percent}%`,
  tableTitle: (number, caption) => `Table ${number}: ${caption}`,
  sheetName: (number) => `Table ${number}`,
  ofFiscalYear: (fiscalYear) => `(FY ${fiscalYear})`,
  total: "Total",
  workshop: "Workshop",
  replies: "Replies",
  yes: "Yes",
  no: "No",
  kindTotals: {
    "sub-regional": "Sub-regional workshops",
    regional: "Regional workshops",
    national: "National workshops",
  },
  table1: {
    caption: "Replies per workshop",
    number: "No.",
    participating: "Participating administrations",
    note: "The reply rate is the number of replies divided by the number of participating administrations.",
  },
  table2: { caption: "Follow-up actions taken after the workshop", actions: FOLLOW_UP_ACTION_LABELS },
  table3: { caption: "Direct effects observed from applying the lessons learnt", note: '"No" includes "not yet".' },
  table5: { caption: "Improvement of work efficiency and effectiveness" },
  table6: { caption: "New or enhanced modernization projects" },
  table4: {
    caption: "Administrations that shared materials or organized in-house workshops, and direct effects",
    ledTo: "Presumably led to direct effects",
    attributedTo: "Attributed to sharing and/or in-house workshops",
    notes: [
      "NB1: Underlined administrations also realized direct effects.",
      "NB2: Administrations in bold also shared materials and/or organized an in-house workshop.",
    ],
  },
  table7: {
    caption: "Administrations that submitted reports or made recommendations, and new projects",
    ledTo: "Presumably led to new projects",
    attributedTo: "Attributed to reports and/or recommendations",
    notes: [
      "NB1: Underlined administrations also initiated new projects.",
      "NB2: Administrations in bold also submitted reports and/or made recommendations.",
    ],
  },
};

/** French typography: a narrow no-break space before "%" and ":". */
const french: PublishedWording = {
  months: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
  percent: (percent) => `${percent}\u202f%`,
  tableTitle: (number, caption) => `Tableau ${number}\u202f: ${caption}`,
  sheetName: (number) => `Tableau ${number}`,
  ofFiscalYear: (fiscalYear) => `(exercice ${fiscalYear})`,
  total: "Total",
  workshop: "Atelier",
  replies: "Réponses",
  yes: "Oui",
  no: "Non",
  kindTotals: {
    "sub-regional": "Ateliers sous-régionaux",
    regional: "Ateliers régionaux",
    national: "Ateliers nationaux",
  },
  table1: {
    caption: "Réponses par atelier",
    number: "N°",
    participating: "Administrations participantes",
    note: "Le taux de réponse est le nombre de réponses divisé par le nombre d’administrations participantes.",
  },
  table2: {
    caption: "Suites données après l’atelier",
    actions: {
      shared_materials: "Supports partagés",
      submitted_report: "Rapports remis",
      made_recommendations: "Recommandations formulées",
      inhouse_workshop: "Atelier interne",
      developed_manuals: "Manuels / procédures élaborés",
      other: "Autres",
    },
  },
  table3: {
    caption: "Effets directs constatés de l’application des enseignements tirés",
    note: "« Non » comprend « pas encore ».",
  },
  table5: { caption: "Amélioration de l’efficience et de l’efficacité du travail" },
  table6: { caption: "Projets de modernisation nouveaux ou renforcés" },
  table4: {
    caption: "Administrations ayant partagé les supports ou organisé des ateliers internes, et effets directs",
    ledTo: "Ayant vraisemblablement produit des effets directs",
    attributedTo: "Attribués au partage et/ou aux ateliers internes",
    notes: [
      "NB1\u202f: les administrations soulignées ont aussi obtenu des effets directs.",
      "NB2\u202f: les administrations en gras ont aussi partagé les supports et/ou organisé un atelier interne.",
    ],
  },
  table7: {
    caption: "Administrations ayant remis des rapports ou formulé des recommandations, et nouveaux projets",
    ledTo: "Ayant vraisemblablement conduit à de nouveaux projets",
    attributedTo: "Attribués aux rapports et/ou aux recommandations",
    notes: [
      "NB1\u202f: les administrations soulignées ont aussi lancé de nouveaux projets.",
      "NB2\u202f: les administrations en gras ont aussi remis des rapports et/ou formulé des recommandations.",
    ],
  },
  crossColumns: {
    shared: "Supports partagés",
    inhouse: "Atelier interne organisé",
    effects: "Effets directs obtenus",
    reports: "Rapports remis",
    recommendations: "Recommandations formulées",
    projects: "Nouveaux projets lancés",
  },
};

export const PUBLISHED_WORDING: Record<ReportLanguage, PublishedWording> = { en: english, fr: french };

/** "32 (73%)" / "32 (73 %)", or just "32" where there is nothing to divide by. */
export function countWithPercentIn(wording: PublishedWording, count: number, percent: Percent): string {
  return percent === null ? String(count) : `${count} (${wording.percent(percent)})`;
}
