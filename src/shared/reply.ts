// A participant's reply: made on the phone, identified there, sent through the outbox.
import * as z from "zod/mini";
import { answers } from "./answers";
import { noNulCharacter } from "./text";

/**
 * UUID version 7: time-ordered, made on the device so a retried send can never create a second row.
 * Taken in either case and always given back in lower case, so one id names one row on every engine.
 */
export const UUID_V7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const uuidV7 = z.string().check(z.regex(UUID_V7_PATTERN, "must be a UUID version 7"), z.toLowerCase());

/** The one spelling of an id that may arrive in either case (a path parameter, a header). */
export const canonicalId = (id: string): string => id.toLowerCase();

/** A reply's id once validated: a plain string cannot stand in for one. */
export const replyId = uuidV7.brand<"ReplyId">();
export type ReplyId = z.infer<typeof replyId>;

/** An invitation code in its stored form (see normaliseInvitationCode), once validated. */
export const INVITATION_CODE_PATTERN = /^[A-Z0-9]{4,12}(-[A-Z0-9]{2,12})*$/;
export const invitationCode = z
  .string()
  .check(z.regex(INVITATION_CODE_PATTERN, "is not an invitation code"))
  .brand<"InvitationCode">();
export type InvitationCode = z.infer<typeof invitationCode>;

/** Longest campaign or questionnaire id, and longest app version, a reply may name. */
export const REFERENCE_ID_MAX_LENGTH = 64;
export const APP_VERSION_MAX_LENGTH = 40;

export const reply = z.strictObject({
  id: replyId,
  campaignId: z.string().check(z.minLength(1), z.maxLength(REFERENCE_ID_MAX_LENGTH), noNulCharacter),
  invitationCode,
  questionnaireId: z.string().check(z.minLength(1), z.maxLength(REFERENCE_ID_MAX_LENGTH), noNulCharacter),
  questionnaireVersion: z.int().check(z.positive()),
  answers,
  startedAt: z.iso.datetime({ offset: true }),
  submittedAt: z.iso.datetime({ offset: true }),
  appVersion: z.string().check(z.minLength(1), z.maxLength(APP_VERSION_MAX_LENGTH), noNulCharacter),
});
export type Reply = z.infer<typeof reply>;
/** A reply as it travels before validation (e.g. in a request body): its ids are still plain strings. */
export type ReplyInput = z.input<typeof reply>;

/** Proof that the server holds a reply: the same reply always gets the same receipt. */
export const replyReceipt = z.strictObject({
  receiptId: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
});
export type ReplyReceipt = z.infer<typeof replyReceipt>;
