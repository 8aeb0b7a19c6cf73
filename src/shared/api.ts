// The wire shapes of the HTTP API, shared by the server routes and the sync engine.
import * as z from "zod/mini";
import { campaign, type CampaignWithDueInstant } from "./campaign";
import { administration, workshop } from "./directory";
import { questionnaireDefinition } from "./questionnaire";
import { replyReceipt } from "./reply";

export const MAX_REPLIES_PER_BATCH = 100;
/** POST /api/replies and /api/relayed-replies: the largest batch, counted while reading. */
export const MAX_BATCH_BYTES = 512 * 1024;
/** What a phone packs into one batch: under MAX_BATCH_BYTES, leaving room for headers and our own miscounting. */
export const REPLY_BATCH_BYTES = 480 * 1024;
/** Any other JSON body (the console's; above the CSV import's 1 MB text, with room for JSON escaping). */
export const MAX_CONSOLE_BODY_BYTES = 2 * 1024 * 1024;
/** No JSON request body of any route is read past this many bytes. */
export const MAX_JSON_BODY_BYTES = Math.max(MAX_BATCH_BYTES, MAX_CONSOLE_BODY_BYTES);

/** The envelope of a reply batch; its items are judged one by one, each with its own result. */
export const replyBatchRequest = z.strictObject({
  replies: z
    .array(z.unknown())
    .check(
      z.minLength(1, "The batch holds no replies."),
      z.maxLength(
        MAX_REPLIES_PER_BATCH,
        `A batch holds at most ${MAX_REPLIES_PER_BATCH} replies; send them in smaller batches.`,
      ),
    ),
});

/** Where in an imported file a problem is (a sheet's row and column; a CSV's line as `row`). */
export const filePlace = z.object({ sheet: z.optional(z.string()), row: z.number(), column: z.optional(z.string()) });
export type FilePlace = z.infer<typeof filePlace>;

/**
 * A problem as data, so a client words it in its own language: `code` names an entry of one of the shared English
 * word lists (importProblemWords.ts, fieldProblemWords.ts, questionnaireCheckWords.ts), `params` fill its `{name}`s.
 */
export const problemWords = z.object({ code: z.string(), params: z.optional(z.record(z.string(), z.string())) });
export type ProblemWords = z.infer<typeof problemWords>;

/**
 * One problem with a field or an imported file's cell. An import's problems also carry `place` and `reason` (the
 * message's English text without its place), so the console words the place in its own language; `problem` is the
 * reason (or the whole message) as data, absent where the server has only free text (a schema's own sentence).
 */
export const fieldIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  place: z.optional(filePlace),
  reason: z.optional(z.string()),
  problem: z.optional(problemWords),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

export const apiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.optional(z.array(fieldIssue)),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
export const apiError = z.object({ error: apiErrorBody });
export type ApiError = z.infer<typeof apiError>;

export const invitationPrefill = z.object({
  participantName: z.optional(z.string()),
  email: z.optional(z.string()),
  administrationCode: z.optional(z.string()),
  position: z.optional(z.string()),
});
export type InvitationPrefill = z.infer<typeof invitationPrefill>;

/**
 * GET /api/invitations/:code?v=2 — everything a phone needs to answer offline from then on. Without `v=2` the
 * campaign comes in its older shape (`dueAt`, an instant) that apps installed before read.
 */
export const INVITATION_PAYLOAD_VERSION = 2;
export const invitationPayload = z.object({
  code: z.string(),
  prefill: invitationPrefill,
  campaign,
  workshop,
  questionnaire: questionnaireDefinition,
  administrations: z.array(administration),
  /** Secret for signing this participant's replies that travel by hand (HMAC-SHA256, base64). */
  relayKey: z.optional(z.string()),
});
export type InvitationPayload = z.infer<typeof invitationPayload>;
export type InvitationPayloadForOlderApps = Omit<InvitationPayload, "campaign"> & { campaign: CampaignWithDueInstant };

/** The path a phone asks for an invitation by (also what the join page's preload names, so the two match). */
export function invitationPath(code: string): string {
  return `/api/invitations/${encodeURIComponent(code)}?v=${INVITATION_PAYLOAD_VERSION}`;
}

export const replyResult = z.discriminatedUnion("outcome", [
  z.object({ id: z.string(), outcome: z.literal("stored"), status: z.literal(201), receipt: replyReceipt }),
  z.object({ id: z.string(), outcome: z.literal("already_stored"), status: z.literal(200), receipt: replyReceipt }),
  z.object({ id: z.string(), outcome: z.literal("conflict"), status: z.literal(409), error: apiErrorBody }),
  z.object({ id: z.string(), outcome: z.literal("rejected"), status: z.literal(422), error: apiErrorBody }),
]);
export type ReplyResult = z.infer<typeof replyResult>;

/** POST /api/replies answers 200 with one result per reply, in the order sent. */
export const replyBatchResponse = z.object({ results: z.array(replyResult) });
export type ReplyBatchResponse = z.infer<typeof replyBatchResponse>;

/** GET /api/health: 200 "ok", or 503 "degraded" with a plain reason (database not answering, data disk nearly full). */
export const healthPayload = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  time: z.string(),
  // Optional: a server from before these checks answers without them.
  database: z.optional(z.enum(["ok", "unreachable"])),
  diskFreeBytes: z.optional(z.nullable(z.number())),
  reason: z.optional(z.string()),
  // A degraded answer is also an API error, so the phone counts it as contact with the server, not as no network.
  error: z.optional(apiErrorBody),
});
export type HealthPayload = z.infer<typeof healthPayload>;
