// Every `error.code` of a reply's own result (POST /api/replies and /api/relayed-replies: "rejected" or "conflict"), so
// the phone can word each one itself; the server's per-reply results take only these, and a new code fails that test.
export const REPLY_REFUSAL_CODES = [
  "invalid_reply",
  "duplicate_in_batch",
  "unknown_campaign",
  "unknown_invitation",
  "campaign_withdrawn",
  "campaign_closed",
  "campaign_not_open_yet",
  "invitation_archived",
  "invitation_withdrawn",
  "wrong_questionnaire_version",
  "invalid_answers",
  "storage_refused",
  "reply_conflict",
  "invalid_signature",
] as const;

export type ReplyRefusalCode = (typeof REPLY_REFUSAL_CODES)[number];
