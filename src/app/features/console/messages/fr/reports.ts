// French text of the console's report screens (../en/reports.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/reports";

const french: Translation<typeof english> = {
  workshops: "Ateliers",
  pastYears: "Années passées",
  trends: "Tendances",
  reportHeading: "Questionnaire de suivi, exercice {year}",
  computedFrom: "Calculé à l’instant à partir de {count} réponses. Télécharger :",
  allTablesXlsx: "tous les tableaux (XLSX)",
  rawRepliesCsv: "réponses brutes (CSV)",
  json: "JSON",
  publishedXlsx: "tableaux tels que publiés (XLSX)",
  wordDraft: "projet de rapport Word (DOCX)",
  print: "Imprimer ou enregistrer en PDF",
  lastYearFromSummary: "Les chiffres de l’an dernier proviennent de ses chiffres publiés enregistrés (Années passées).",
  comparisonLine: "{label} : {text}",
  layoutLegend: "Présentation des tableaux",
  layoutAnalytic: "Analytique (tous les chiffres)",
  layoutPublished: "Telle que publiée",
  csv: "CSV",
  leftOutOne: "{reason} Non comptée : {count} réponse.",
  leftOutMany: "{reason} Non comptées : {count} réponses.",
  whichReplies: "Quelles réponses",
  tableCaption: "Tableau {number} : {caption}",

  trendsHeading: "Tendances d’une année à l’autre",
  sourceReplies: "calculé à partir de ses réponses",
  sourceSummary: "d’après ses chiffres publiés",
  sourceWorkshops: "ateliers sans réponses",
  yearLine: "Exercice {year} : {replies} réponses, {source}",
  wholeRegion: "L’ensemble de la région",
  trendTitle: "{label} (tableau {table})",
  columnFiscalYear: "Exercice",
  columnPercent: "Pourcentage",
  columnChart: "Graphique",
  percent: "{value} %",
  subRegionReplies:
    "Réponses de ses administrations des douanes, pour les années dont les réponses sont ici : {years}. Les taux de réponse ne sont pas ventilés par sous-région.",
  subRegionYear: "Exercice {year} : {replies}",
};
export default french;
