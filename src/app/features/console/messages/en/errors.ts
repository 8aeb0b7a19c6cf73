// English text of the server's refusals as the console words them (consoleErrors.ts maps each error code to a key);
// ../fr/errors.ts translates every key. In English the console shows the server's own message, which names the
// specifics (which code, how many rows); these sentences are what other languages say in their place. A refused form's
// field problems are FIELD_PROBLEM_WORDS (src/shared, the server's very words), `{field}` a field label below.
import { FIELD_PROBLEM_WORDS } from "../../../../../shared/fieldProblemWords";

export default {
  offline: "The server cannot be reached. The organiser console needs a connection.",
  httpError: "The server answered with an error ({status}).",
  internalError: "Something went wrong on the server. Please try again later.",
  diskFull: "The server's disk is full, so nothing could be saved. Please try again later.",
  badRequest: "The request could not be understood.",
  notFound: "There is nothing at this address.",
  methodNotAllowed: "This address does not accept that kind of request.",
  tooLarge: "The file or request is too large.",
  wrongFileType: "This kind of file cannot be sent here.",
  malformedJson: "The request was not valid JSON.",
  invalidRequest: "Some fields are missing or not valid.",
  tooManyAttempts: "Too many attempts. Please wait a while and try again.",
  notSignedIn: "Please sign in to the organiser console.",
  invalidCredentials: "The e-mail address or the password is not right.",
  forbidden: "Your account may look but not change: ask an organiser to do this.",
  csrfTokenInvalid: "This change was refused for your safety. Reload the console and try again.",
  setupTokenInvalid:
    "This setup link is not valid: it was already used or has expired. Restart the server to get a new one, or use npm run admin:create.",
  invalidToken: "The access token is missing or not right.",
  changedElsewhere: "Someone else changed this meanwhile, so your changes are not saved.",

  accountExists: "There is already an account with this e-mail address.",
  accountNotFound: "There is no such account.",
  ownAccount: "You cannot do this to your own account: ask another organiser.",
  administrationExists: "This administration code is already used.",
  unknownAdministration: "An administration code is not in the administrations list. Add it first.",
  workshopNotFound: "There is no such workshop.",
  workshopHasMaterials: "This workshop has training materials that phones may hold, so it cannot be deleted from here.",
  workshopHasReplies:
    "Participants of this workshop have replied, so it cannot be deleted: its replies count in the report.",
  participantExists: "This person is already a participant of this workshop.",
  participantNotFound: "There is no such participant.",
  demoDataNotFound: "The demo data is not in this database, so there is nothing to archive.",
  notAnId: "This address does not name a valid record.",

  campaignNotFound: "There is no such campaign.",
  campaignHasReplies:
    "This campaign has replies, so it cannot be deleted: close it instead (its replies stay counted).",
  campaignWithdrawn: "This campaign was withdrawn, so this can no longer be done.",
  invitationNotFound: "This campaign has no invitation with this code.",
  invitationRefused: "This needs a participant's invitation code.",
  smtpNotConfigured:
    "This server cannot send e-mail (no SMTP_URL). Send the prepared messages from your own mail program instead.",
  invalidTemplate: "The message wording has problems to fix.",
  noFeedback: "No feedback has been published yet.",
  unknownQuote:
    "Only quotes picked from this year's replies can go into the feedback: pick the answer as a quote first.",

  unknownQuestionnaire: "There is no such questionnaire or version.",
  questionnaireNotPublished: "This questionnaire version is not published, so a campaign cannot use it.",
  invalidQuestionnaire: "This version cannot be published yet: there are problems to fix.",
  invalidReportBindings: "These report bindings do not match the version: there are problems to fix.",
  versionFrozen: "This version is no longer a draft, so it cannot be changed.",
  unreadableXlsform: "This file could not be read as an Excel workbook (.xlsx).",
  unsupportedXlsform: "The form cannot be imported as it is: some things in it cannot be kept. Nothing was saved.",

  invalidFiscalYear: "This is not a fiscal year: write it like 2022-23 (July 2022 – June 2023).",
  unknownTable: "The report has tables 1 to 7.",
  unknownWorkshop: "Only the year's own workshops can be used here.",
  replyNotFound: "There is no such reply.",
  attachmentNotFound: "There is no such attachment, or it is not stored on the server.",
  answerNotFound: "This reply has no free-text answer to this question.",
  answerNeedsReview:
    "Some of the chosen answers changed since their quote was picked: review them one by one first; nothing was tagged.",
  excerptNotInAnswer:
    "The excerpt is not in the answer. Select the words to quote in the answer itself, or leave the excerpt empty to quote all of it.",
  tagNotFound: "This answer has no such tag.",
  invalidFilter: "This filter is not understood.",

  csvEmpty: "The CSV has a header but no participants.",
  csvMalformed: "This file could not be read as CSV.",
  csvHeaderInvalid:
    "The first line must name the columns (e.g. Name, E-mail, Administration, Position), or choose which column holds what.",
  csvColumnChosenTwice: "Each column of ours may be read from one column of the file only.",
  csvColumnsMismatch: "The file's columns changed since it was checked: check the file again.",
  csvTooManyRows: "The CSV holds too many participants: split it.",
  csvHasErrors: "Some rows have errors; nothing was imported. Correct or skip them and import again.",
  csvNothingToImport: "Every line is skipped; there is nobody to import.",
  unreadableRepliesFile: "This file could not be read as Outrigger's replies .csv or .xlsx.",
  repliesFileRefused: "The replies were not imported: there are problems to correct. Nothing was saved.",
  unreadableSummarySheet: "This file could not be read as a summary sheet.",
  summarySheetRefused: "The sheet was not imported: some cells need correcting. Nothing was saved.",

  placeLine: "Line {row}: {reason}",
  placeRow: "Row {row}: {reason}",
  placeRowColumn: "Row {row}, column “{column}”: {reason}",
  placeSheetRow: "Sheet “{sheet}”, row {row}: {reason}",
  placeSheetRowColumn: "Sheet “{sheet}”, row {row}, column “{column}”: {reason}",

  ...FIELD_PROBLEM_WORDS,
  fieldNamed: "“{label}”",
  fieldWholeValue: "The value",
  fieldLabelName: "Name",
  fieldLabelEmail: "E-mail",
  fieldLabelPosition: "Position",
  fieldLabelAdministration: "Administration",
  fieldLabelTitle: "Title",
  fieldLabelCode: "Code",
  fieldLabelPassword: "Password",
  fieldLabelLocation: "Location",
  fieldLabelStartsOn: "Start date",
  fieldLabelEndsOn: "End date",
  fieldLabelDueOn: "Due date",
};
