// A sent reply's problems in the chosen language: the outbox's "too large" and the server's refusal of a reply by their
// code, its answer problems with their question, and why the reply cannot be given to a colleague by its reason.
import type { ApiErrorBody } from "../../../shared/api";
import type { ApiErrorCode } from "../../../shared/apiErrorCodes";
import type { Answers } from "../../../shared/answers";
import type { Administration } from "../../../shared/directory";
import type { ValidationContext } from "../../../shared/answerValidation";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import type { ReplyRefusalCode } from "../../../shared/replyRefusalCodes";
import { t as tCore } from "../../i18n/coreMessages";
import { currentLanguage } from "../../i18n/language";
import { inChosenLanguage } from "../../i18n/questionnaireText";
import { t } from "../../i18n/replyProblemMessages";
import type english from "../../messages/en/replyProblems";
import type { RELAY_EXPORT_REFUSALS, RelayExportRefusal } from "./relayExport";
import { serverAnswerIssues } from "./serverAnswerIssues";

type Key = keyof typeof english;

/** The codes the outbox sender writes itself (a 413 with no words of the server's). */
export const OUTBOX_PROBLEM_KEYS = { payload_too_large: "replyTooLarge" } as const satisfies Partial<
  Record<ApiErrorCode, Key>
>;

/** The sentence of each code the server refuses one reply with; the compiler refuses a code added without one. */
export const REPLY_REFUSAL_KEYS = {
  invalid_reply: "refusedInvalidReply",
  duplicate_in_batch: "refusedDuplicateInBatch",
  unknown_campaign: "refusedUnknownCampaign",
  unknown_invitation: "refusedUnknownInvitation",
  campaign_withdrawn: "refusedCampaignWithdrawn",
  campaign_closed: "refusedCampaignClosed",
  campaign_not_open_yet: "refusedCampaignNotOpenYet",
  invitation_archived: "refusedInvitationArchived",
  invitation_withdrawn: "refusedInvitationWithdrawn",
  wrong_questionnaire_version: "refusedWrongQuestionnaireVersion",
  invalid_answers: "refusedInvalidAnswers",
  storage_refused: "refusedStorage",
  reply_conflict: "refusedConflict",
  invalid_signature: "refusedInvalidSignature",
} as const satisfies Record<ReplyRefusalCode, Key>;

/** A whole batch the server could not read, which the outbox sender keeps on a lone reply (outboxSender.ts). */
export const BATCH_REFUSAL_KEYS = {
  invalid_batch: "refusedUnreadableBatch",
  malformed_json: "refusedUnreadableBatch",
} as const satisfies Partial<Record<ApiErrorCode, Key>>;

/** The catalogue key of each refusal; the compiler refuses a refusal added to relayExport.ts without one here. */
export const RELAY_EXPORT_KEYS = {
  not_on_phone: "relayNotOnPhone",
  no_relay_key: "relayNoKey",
} as const satisfies Record<keyof typeof RELAY_EXPORT_REFUSALS, Key>;

const keyOf = <Code extends string>(keys: Record<Code, Key>, code: string): Key | undefined =>
  Object.prototype.hasOwnProperty.call(keys, code) ? keys[code as Code] : undefined;

/**
 * A sent or delivered reply's problem. In English the server's own sentence stays, since it may name specifics (a due
 * date passed, not only "closed"); a code the phone does not know (a newer server) keeps it in every language.
 */
export function replyProblemText(problem: ApiErrorBody | undefined): string | undefined {
  if (!problem) return undefined;
  const own = keyOf(OUTBOX_PROBLEM_KEYS, problem.code);
  if (own) return t(own);
  const refusal = keyOf(REPLY_REFUSAL_KEYS, problem.code) ?? keyOf(BATCH_REFUSAL_KEYS, problem.code);
  return refusal && currentLanguage() !== "en" ? t(refusal) : problem.message;
}

/** Each answer problem of a refused reply, with the question it belongs to, in the chosen language. */
export function answerProblemLines(
  problem: ApiErrorBody | undefined,
  definition: QuestionnaireDefinition | undefined,
  answers: Answers,
  administrations: readonly Administration[],
): string[] {
  const context: ValidationContext = {
    lists: { administrations: administrations.map((a) => a.code) },
    say: tCore,
    optionLabel: (option) => inChosenLanguage(option.label, option.labels),
  };
  const questions = new Map((definition?.sections ?? []).flatMap((s) => s.questions).map((q) => [q.id, q]));
  const worded = serverAnswerIssues(problem?.details, definition, answers, context);
  return [...worded].map(([id, message]) => {
    const question = questions.get(id);
    if (!question) return message; // A problem with the reply's form rather than an answer: as the server said.
    return t("answerProblem", { question: inChosenLanguage(question.label, question.labels), problem: message });
  });
}

export function relayExportProblemText(refusal: RelayExportRefusal): string {
  const key = keyOf(RELAY_EXPORT_KEYS, refusal.reason);
  return key ? t(key) : refusal.message;
}
