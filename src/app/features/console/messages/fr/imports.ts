// French text of the console's imports (../en/imports.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/imports";

const french: Translation<typeof english> = {
  targetIgnore: "Ignorer",
  targetName: "Nom",
  targetEmail: "E-mail",
  targetAdministration: "Administration",
  targetPosition: "Fonction",
  participantsImported: "Participants importés : {count}.",
  csvHeading: "Importer des participants depuis un fichier CSV",
  csvIntro:
    "Un export des inscriptions convient : la première ligne nomme les colonnes (Nom, E-mail, Administration ou Pays, Fonction ou Titre, dans n’importe quel ordre ; les autres sont ignorées, et vous pouvez indiquer quelle colonne contient quoi). Les administrations par nom ou par code (Fidji, FJ). Les lignes qui posent problème peuvent être ignorées ou corrigées ici.",
  csvFile: "Fichier CSV",
  pasteRows: "Ou collez les lignes",
  whichColumn: "Quelle colonne contient quoi",
  mappingRemembered: "Lu comme le dernier fichier importé avec ces colonnes.",
  columnNamed: "Colonne « {header} »",
  check: "Vérifier",
  importCount: "Importer {count} participants",
  importNone: "Importer les participants",
  csvSummary: "{valid} lignes prêtes, {invalid} avec des problèmes, {skipped} ignorées.",
  columnsNotImported: "Colonnes non importées : {columns}.",
  lineProblems: "Ligne {line} : ",
  lineCorrectedProblems: "Ligne {line} (corrigée) : ",
  noProblemsLeft: "plus aucun problème",
  skipLine: "Ignorer la ligne {line}",
  correctLine: "Corriger la ligne {line}",
  fieldOfLine: "{field} (ligne {line})",
  checkLineAgain: "Vérifier de nouveau la ligne {line}",

  yearFirst: "Indiquez d’abord l’exercice, par exemple 2020/21.",
  fileFirst: "Choisissez d’abord le fichier des réponses.",
  earlierImported:
    "Exercice {year} : {added} réponses importées, {alreadyHere} déjà présentes, atelier(s) ajouté(s) : {workshops}.",
  earlierHeading: "Importer les réponses d’une campagne antérieure",
  earlierIntro:
    "Les réponses brutes telles qu’Outrigger les exporte (les « réponses brutes (CSV) » du rapport, ou leur version XLSX), depuis ce serveur ou un autre. Elles comptent ensuite dans le rapport, les comparaisons et les tendances comme si elles venaient des téléphones. Un fichier comportant une seule cellule erronée est refusé en entier ; importer de nouveau le même fichier n’ajoute rien.",
  earlierYear: "Exercice de la campagne (juillet–juin), par ex. 2020/21",
  earlierFile: "Fichier des réponses (.csv ou .xlsx)",
  earlierPreview: "{replies} réponses pour l’exercice {year}",
  earlierAlreadyHere: ", dont {count} déjà présentes",
  earlierNewWorkshops: " ; atelier(s) à ajouter : {count}",
  importTheseReplies: "Importer ces réponses",
};
export default french;
