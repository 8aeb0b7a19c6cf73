// POST /api/replies: a batch from a phone's outbox. Each reply gets its own result, in the order sent.
import { Hono, type Context, type Env, type Handler } from "hono";
import {
  MAX_BATCH_BYTES,
  MAX_REPLIES_PER_BATCH,
  replyBatchRequest,
  type ReplyBatchResponse,
  type ReplyResult,
} from "../../shared/api";
import type { AppDeps } from "./context";
import { referenceData } from "../db/referenceCache";
import { ApiProblem } from "./errors";
import { findInvitationWithinLimit, rememberedWithinLimit } from "./invitationLookup";
import { jsonBody } from "./jsonBody";
import { takeReplies, type IntakeDeps } from "./replyIntake";

/**
 * The POST handlers every reply batch goes through: JSON content type (415), at most MAX_BATCH_BYTES (413,
 * checked while reading), valid JSON (400) and the { "replies": [...] } envelope (400 invalid_batch);
 * `take` decides each item and its results are the 200 answer. Shared by /api/replies and /api/relayed-replies.
 */
export function replyBatchHandlers(take: (items: unknown[], c: Context) => Promise<ReplyResult[]>) {
  const readBatch = jsonBody(replyBatchRequest, {
    maxBytes: MAX_BATCH_BYTES,
    tooLargeMessage: `The batch is larger than ${MAX_BATCH_BYTES / 1024} KB. Send fewer replies at a time, or shorten very long answers.`,
    invalid: (details) =>
      new ApiProblem(
        400,
        "invalid_batch",
        `The body must be { "replies": [...] } with 1 to ${MAX_REPLIES_PER_BATCH} replies.`,
        details,
      ),
    // One reply's bad text must not sink its batch: the reply schema refuses it, for that reply alone.
    refuseNulCharacters: false,
  });
  const answer: Handler<Env, string, { out: { json: { replies: unknown[] } } }> = async (c) => {
    const response: ReplyBatchResponse = { results: await take(c.req.valid("json").replies, c) };
    // With its length declared, compress() leaves a small answer (one reply's, ~150 bytes) alone: gzip would only grow it.
    const text = JSON.stringify(response);
    return c.body(text, 200, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) });
  };
  return [readBatch, answer] as const;
}

/** Invitation look-ups for one request, counted against its source: past the limit the whole batch gets 429 (nothing is written). */
export function limitedInvitationFinder(deps: AppDeps, c: Context): IntakeDeps["findInvitation"] {
  const reference = referenceData(deps.db);
  return (code) =>
    findInvitationWithinLimit(
      deps,
      c,
      () => reference.invitation(code),
      () => reference.rememberedInvitation(code),
    );
}

/** Invitations the reference cache holds, while the request's source is within the limit (nothing counted); see takeReplies. */
export function rememberedInvitationFinder(deps: AppDeps, c: Context): IntakeDeps["rememberedInvitation"] {
  const reference = referenceData(deps.db);
  return (code) => rememberedWithinLimit(deps, c, () => reference.rememberedInvitation(code));
}

export function replyRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  routes.post(
    "/",
    ...replyBatchHandlers((items, c) =>
      takeReplies(items, {
        ...deps,
        findInvitation: limitedInvitationFinder(deps, c),
        rememberedInvitation: rememberedInvitationFinder(deps, c),
      }).then((results) => deps.observeReplyBatch("replies", results)),
    ),
  );
  return routes;
}
