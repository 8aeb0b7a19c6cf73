// A reply's content hash: SHA-256 of its canonical JSON, which is spelled here with one JSON.stringify call.
import { hash } from "node:crypto";
import type { AnswerValue } from "../../shared/answers";
import { canonicalJson } from "../../shared/canonicalJson";
import type { Reply } from "../../shared/reply";

/** Keys JavaScript orders as numbers, not as text, whatever order they were added in. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * The same text as canonicalJson(reply). The generic walk built every string piece by piece; here the keys are put in
 * sorted order (a reply's fields are known, its answers' keys are sorted) and JSON.stringify, which keeps insertion
 * order, spells it all at once. Keys that look like array indexes are ordered as numbers by JavaScript, so a reply
 * with one goes the generic way.
 */
export function replyCanonicalJson(reply: Reply): string {
  const keys = Object.keys(reply.answers).sort();
  if (keys.some((key) => ARRAY_INDEX.test(key))) return canonicalJson(reply);
  const answers: Record<string, AnswerValue> = {};
  for (const key of keys) {
    const value = reply.answers[key];
    // A multiple-choice answer's two keys are written in sorted order: choices, then specify.
    if (typeof value === "string") answers[key] = value;
    else
      answers[key] =
        value.specify === undefined ? { choices: value.choices } : { choices: value.choices, specify: value.specify };
  }
  return JSON.stringify({
    answers,
    appVersion: reply.appVersion,
    campaignId: reply.campaignId,
    id: reply.id,
    invitationCode: reply.invitationCode,
    questionnaireId: reply.questionnaireId,
    questionnaireVersion: reply.questionnaireVersion,
    startedAt: reply.startedAt,
    submittedAt: reply.submittedAt,
  });
}

export function replyContentHash(reply: Reply): string {
  return hash("sha256", replyCanonicalJson(reply), "hex");
}
