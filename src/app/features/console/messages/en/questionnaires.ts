// English text of the console's questionnaires list (QuestionnairesPage); ../fr/questionnaires.ts translates every key.
export default {
  questionnaires: "Questionnaires",
  publishedNeverChanges:
    "A published version never changes: to change a questionnaire, start a draft from a version, edit it, then publish it.",
  columnVersion: "Version",
  columnStatus: "Status",
  columnQuestions: "Questions",
  columnActions: "Actions",
  titleVersion: "{title} — version {version}",
  fromVersion: " (from version {version})",
  statusDraft: "Draft",
  statusPublished: "Published",
  statusRetired: "Retired",
  xlsformOfVersion: " of version {version}",
  newDraftFrom: "New draft from version {version}",
  importXlsform: "Import an XLSForm",
  importExplained:
    "The spreadsheet becomes the next draft of “{id}”. Anything it cannot keep is listed and nothing is saved.",
  xlsformFile: "XLSForm file (.xlsx)",
};
