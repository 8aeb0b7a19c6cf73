// A sent reply's problems made on the phone, in the chosen language: the outbox's "too large" by its code, and why the
// reply cannot be given to a colleague by its reason. The server's own refusals keep the server's sentence.
import type { ApiErrorBody } from "../../../shared/api";
import type { ApiErrorCode } from "../../../shared/apiErrorCodes";
import { t } from "../../i18n/replyProblemMessages";
import type english from "../../messages/en/replyProblems";
import type { RELAY_EXPORT_REFUSALS, RelayExportRefusal } from "./relayExport";

type Key = keyof typeof english;

/** The codes the outbox sender writes itself (a 413, or a batch of one the server could not read). */
export const OUTBOX_PROBLEM_KEYS = { payload_too_large: "replyTooLarge" } as const satisfies Partial<
  Record<ApiErrorCode, Key>
>;

/** The catalogue key of each refusal; the compiler refuses a refusal added to relayExport.ts without one here. */
export const RELAY_EXPORT_KEYS = {
  not_on_phone: "relayNotOnPhone",
  no_relay_key: "relayNoKey",
} as const satisfies Record<keyof typeof RELAY_EXPORT_REFUSALS, Key>;

export function outboxProblemText(problem: ApiErrorBody | undefined): string | undefined {
  if (!problem) return undefined;
  const key = (OUTBOX_PROBLEM_KEYS as Partial<Record<string, Key>>)[problem.code];
  return key ? t(key) : problem.message;
}

export function relayExportProblemText(refusal: RelayExportRefusal): string {
  const key = (RELAY_EXPORT_KEYS as Partial<Record<string, Key>>)[refusal.reason];
  return key ? t(key) : refusal.message;
}
