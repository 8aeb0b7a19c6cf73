// Every `error.code` of an attachment upload's refusal a participant can meet (/api/uploads answers them as JSON), so
// the phone words each itself; the server's coded upload refusals take only these, and a new code fails that test.
export const ATTACHMENT_REFUSAL_CODES = [
  "attachment_content_mismatch",
  "attachment_type_refused",
  "attachment_too_large",
  "too_many_attachments",
  "reply_not_received",
  "reply_not_yours",
  "unknown_invitation",
] as const;

export type AttachmentRefusalCode = (typeof ATTACHMENT_REFUSAL_CODES)[number];

export const isAttachmentRefusalCode = (code: string): code is AttachmentRefusalCode =>
  (ATTACHMENT_REFUSAL_CODES as readonly string[]).includes(code);
