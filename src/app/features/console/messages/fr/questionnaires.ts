// French text of the console's questionnaires list (../en/questionnaires.ts).
import type { Translation } from "../../../../i18n/catalogue";
import type english from "../en/questionnaires";

const french: Translation<typeof english> = {
  questionnaires: "Questionnaires",
  publishedNeverChanges:
    "Une version publiée ne change jamais : pour modifier un questionnaire, créez un brouillon à partir d’une version, modifiez-le, puis publiez-le.",
  columnVersion: "Version",
  columnStatus: "Statut",
  columnQuestions: "Questions",
  columnActions: "Actions",
  titleVersion: "{title} — version {version}",
  fromVersion: " (issue de la version {version})",
  statusDraft: "Brouillon",
  statusPublished: "Publiée",
  statusRetired: "Retirée",
  xlsformOfVersion: " de la version {version}",
  newDraftFrom: "Nouveau brouillon à partir de la version {version}",
  importXlsform: "Importer un XLSForm",
  importExplained:
    "La feuille de calcul devient le prochain brouillon de « {id} ». Tout ce qu’elle ne peut pas conserver est listé, et rien n’est enregistré.",
  xlsformFile: "Fichier XLSForm (.xlsx)",
};
export default french;
