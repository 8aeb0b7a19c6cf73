// The server's refusals in the console's language: every error code maps to a sentence of the errors catalogue, an
// import's row problems are placed (sheet, row, column) in that language around their reason, and a problem sent as
// data (import problem, field problem, editor check) is worded from its catalogue. English keeps the server's own
// message, which names the specifics; a code the console does not know keeps it too.
import type { ApiErrorBody, FieldIssue, ProblemWords } from "../../../shared/api";
import type { ApiErrorCode } from "../../../shared/apiErrorCodes";
import { FIELD_PROBLEM_WORDS } from "../../../shared/fieldProblemWords";
import { IMPORT_PROBLEM_WORDS } from "../../../shared/importProblemWords";
import { CHECK_WORDS } from "../../../shared/questionnaireCheckWords";
import { currentLanguage } from "../../i18n/language";
import type english from "./messages/en/errors";
import { editorText, errorsText as t, importsText } from "./consoleText";

type ErrorKey = keyof typeof english;

/** The console client's own codes, for a failure with no answer from the server (consoleClient.ts). */
export const CONSOLE_CLIENT_ERROR_CODES = ["offline", "http_error"] as const;

/** Every code the server answers with, and the client's own, to the sentence that says it. */
export const CONSOLE_ERROR_KEYS: Record<ApiErrorCode | (typeof CONSOLE_CLIENT_ERROR_CODES)[number], ErrorKey> = {
  offline: "offline",
  http_error: "httpError",
  internal_error: "internalError",
  insufficient_storage: "diskFull",
  bad_request: "badRequest",
  not_found: "notFound",
  method_not_allowed: "methodNotAllowed",
  payload_too_large: "tooLarge",
  unsupported_media_type: "wrongFileType",
  malformed_json: "malformedJson",
  invalid_request: "invalidRequest",
  invalid_batch: "invalidRequest",
  too_many_attempts: "tooManyAttempts",
  not_signed_in: "notSignedIn",
  invalid_credentials: "invalidCredentials",
  forbidden: "forbidden",
  csrf_token_invalid: "csrfTokenInvalid",
  setup_token_invalid: "setupTokenInvalid",
  invalid_token: "invalidToken",
  changed_elsewhere: "changedElsewhere",

  account_exists: "accountExists",
  account_not_found: "accountNotFound",
  own_account: "ownAccount",
  administration_exists: "administrationExists",
  unknown_administration: "unknownAdministration",
  workshop_not_found: "workshopNotFound",
  workshop_has_materials: "workshopHasMaterials",
  workshop_has_replies: "workshopHasReplies",
  participant_exists: "participantExists",
  participant_not_found: "participantNotFound",
  demo_data_not_found: "demoDataNotFound",
  invalid_attachment_id: "notAnId",
  invalid_blob_id: "notAnId",
  invalid_campaign_id: "notAnId",
  invalid_question_id: "notAnId",
  invalid_reply_id: "notAnId",
  invalid_workshop_id: "notAnId",
  invalid_invitation_code: "notAnId",

  campaign_not_found: "campaignNotFound",
  campaign_has_replies: "campaignHasReplies",
  campaign_withdrawn: "campaignWithdrawn",
  invitation_not_found: "invitationNotFound",
  unknown_invitation: "invitationNotFound",
  invitation_required: "invitationRefused",
  smtp_not_configured: "smtpNotConfigured",
  invalid_template: "invalidTemplate",
  no_feedback: "noFeedback",
  unknown_quote: "unknownQuote",

  unknown_questionnaire: "unknownQuestionnaire",
  questionnaire_not_published: "questionnaireNotPublished",
  invalid_questionnaire: "invalidQuestionnaire",
  invalid_report_bindings: "invalidReportBindings",
  version_frozen: "versionFrozen",
  unreadable_xlsform: "unreadableXlsform",
  unsupported_xlsform: "unsupportedXlsform",

  invalid_fiscal_year: "invalidFiscalYear",
  unknown_table: "unknownTable",
  unknown_workshop: "unknownWorkshop",
  reply_not_found: "replyNotFound",
  unknown_reply: "replyNotFound",
  attachment_not_found: "attachmentNotFound",
  attachment_missing: "attachmentNotFound",
  blob_missing: "attachmentNotFound",
  answer_not_found: "answerNotFound",
  answer_needs_review: "answerNeedsReview",
  excerpt_not_in_answer: "excerptNotInAnswer",
  tag_not_found: "tagNotFound",
  invalid_filter: "invalidFilter",

  csv_empty: "csvEmpty",
  csv_malformed: "csvMalformed",
  csv_header_invalid: "csvHeaderInvalid",
  csv_column_chosen_twice: "csvColumnChosenTwice",
  csv_columns_mismatch: "csvColumnsMismatch",
  csv_too_many_rows: "csvTooManyRows",
  csv_has_errors: "csvHasErrors",
  csv_nothing_to_import: "csvNothingToImport",
  unreadable_replies_file: "unreadableRepliesFile",
  replies_file_refused: "repliesFileRefused",
  unreadable_summary_sheet: "unreadableSummarySheet",
  summary_sheet_refused: "summarySheetRefused",
};

const isKnownCode = (code: string): code is keyof typeof CONSOLE_ERROR_KEYS =>
  Object.prototype.hasOwnProperty.call(CONSOLE_ERROR_KEYS, code);

const has = (words: object, code: string) => Object.prototype.hasOwnProperty.call(words, code);

/** The field's own label where the console's forms have one (by the path's last part), else its name quoted. */
const FIELD_LABEL_KEYS: Record<string, ErrorKey> = {
  name: "fieldLabelName",
  email: "fieldLabelEmail",
  position: "fieldLabelPosition",
  administrationCode: "fieldLabelAdministration",
  title: "fieldLabelTitle",
  code: "fieldLabelCode",
  password: "fieldLabelPassword",
  location: "fieldLabelLocation",
  startsOn: "fieldLabelStartsOn",
  endsOn: "fieldLabelEndsOn",
  dueOn: "fieldLabelDueOn",
};

function fieldLabel(path: string): string {
  if (path === "") return t("fieldWholeValue");
  const last = path.split(".").at(-1) ?? path;
  return t("fieldNamed", { label: has(FIELD_LABEL_KEYS, last) ? t(FIELD_LABEL_KEYS[last]) : path });
}

/**
 * A problem the server (or the import's preview) sent as data, in the chosen language: the sentence of the catalogue
 * whose shared English list has its code, a field problem naming the field by its label; else the server's words.
 */
export function wordedProblem(problem: ProblemWords | undefined, serverWords: string, path = ""): string {
  if (!problem) return serverWords;
  const { code, params = {} } = problem;
  if (has(IMPORT_PROBLEM_WORDS, code)) return importsText(code as keyof typeof IMPORT_PROBLEM_WORDS, params);
  if (has(CHECK_WORDS, code)) return editorText(code as keyof typeof CHECK_WORDS, params);
  if (has(FIELD_PROBLEM_WORDS, code))
    return t(code as keyof typeof FIELD_PROBLEM_WORDS, { ...params, field: fieldLabel(path) });
  return serverWords;
}

/** A detail in the chosen language: an import's problem placed there, any other worded from its problem if it has one. */
function placedIssue(issue: FieldIssue): FieldIssue {
  const { place } = issue;
  if (!place || issue.reason === undefined)
    return issue.problem ? { ...issue, message: wordedProblem(issue.problem, issue.message, issue.path) } : issue;
  const reason = wordedProblem(issue.problem, issue.reason);
  const values = { row: place.row, reason, sheet: place.sheet ?? "", column: place.column ?? "" };
  const key: ErrorKey =
    issue.code === "invalid_row"
      ? "placeLine"
      : place.sheet === undefined
        ? place.column === undefined
          ? "placeRow"
          : "placeRowColumn"
        : place.column === undefined || place.column === ""
          ? "placeSheetRow"
          : "placeSheetRowColumn";
  return { ...issue, message: t(key, values) };
}

/** The error as the console shows it, in the chosen language (its catalogue fetched first if need be). */
export async function wordedConsoleError(error: ApiErrorBody, status: number): Promise<ApiErrorBody> {
  if (currentLanguage() === "en") return error;
  await Promise.all([
    t.load(),
    ...(error.details?.some((d) => d.problem) ? [importsText.load(), editorText.load()] : []),
  ]);
  const message = isKnownCode(error.code) ? t(CONSOLE_ERROR_KEYS[error.code], { status }) : error.message;
  return error.details ? { ...error, message, details: error.details.map(placedIssue) } : { ...error, message };
}
