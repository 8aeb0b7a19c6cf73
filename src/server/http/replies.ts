// POST /api/replies: a batch from a phone's outbox. Each reply gets its own result, in the order sent.
import { Hono, type Context, type Handler, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_BATCH_BYTES, MAX_REPLIES_PER_BATCH, type FieldIssue, type ReplyBatchResponse, type ReplyResult } from "../../shared/api";
import type { AppDeps } from "./context";
import { findInvitation } from "../db/invitations";
import { ApiProblem, jsonError } from "./errors";
import { findInvitationWithinLimit } from "./invitationLookup";
import { takeReplies, type IntakeDeps, type QuestionnaireCache } from "./replyIntake";

function isJsonContentType(header: string | undefined): boolean {
  return (header ?? "").split(";")[0].trim().toLowerCase() === "application/json";
}

/** The envelope must be exactly { "replies": [ 1..100 items ] }; the items are checked one by one later. */
function batchItems(body: unknown): unknown[] {
  const problem = (details: FieldIssue[]) =>
    new ApiProblem(400, "invalid_batch", `The body must be { "replies": [...] } with 1 to ${MAX_REPLIES_PER_BATCH} replies.`, details);
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw problem([{ path: "", code: "invalid_type", message: "The body should be an object." }]);
  }
  const extra = Object.keys(body).filter((k) => k !== "replies");
  const replies = (body as { replies?: unknown }).replies;
  const details: FieldIssue[] = extra.map((k) => ({ path: k, code: "unexpected_field", message: `"${k}" is not an expected field.` }));
  if (replies === undefined) details.push({ path: "replies", code: "missing_field", message: `"replies" is missing.` });
  else if (!Array.isArray(replies)) details.push({ path: "replies", code: "invalid_type", message: `"replies" should be a list.` });
  else if (replies.length === 0) details.push({ path: "replies", code: "too_small", message: "The batch holds no replies." });
  else if (replies.length > MAX_REPLIES_PER_BATCH) {
    details.push({ path: "replies", code: "too_big", message: `A batch holds at most ${MAX_REPLIES_PER_BATCH} replies (this one has ${replies.length}); send them in smaller batches.` });
  }
  if (details.length > 0) throw problem(details);
  return replies as unknown[];
}

/**
 * The POST handlers every reply batch goes through: JSON content type (415), at most MAX_BATCH_BYTES (413,
 * checked while reading), valid JSON (400) and the { "replies": [...] } envelope (400 invalid_batch);
 * `take` decides each item and its results are the 200 answer. Shared by /api/replies and /api/relayed-replies.
 */
export function replyBatchHandlers(take: (items: unknown[], c: Context) => Promise<ReplyResult[]>): [MiddlewareHandler, MiddlewareHandler, Handler] {
  return [
    async (c, next) => {
      if (!isJsonContentType(c.req.header("content-type"))) {
        return jsonError(c, 415, "unsupported_media_type", "Replies must be sent as JSON (Content-Type: application/json).");
      }
      await next();
    },
    // Stops reading once the limit is passed, so an oversized body is never held in memory whole.
    bodyLimit({
      maxSize: MAX_BATCH_BYTES,
      onError: (c: Context) =>
        jsonError(c, 413, "payload_too_large", `The batch is larger than ${MAX_BATCH_BYTES / 1024} KB. Send fewer replies at a time, or shorten very long answers.`),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new ApiProblem(400, "malformed_json", "The request body is not valid JSON.");
      }
      const response: ReplyBatchResponse = { results: await take(batchItems(body), c) };
      return c.json(response, 200);
    },
  ];
}

/** Invitation look-ups for one request, counted against its source: past the limit the whole batch gets 429 (nothing is written). */
export function limitedInvitationFinder(deps: AppDeps, c: Context): IntakeDeps["findInvitation"] {
  return (code) => findInvitationWithinLimit(deps, c, () => findInvitation(deps.db, code));
}

export function replyRoutes(deps: AppDeps): Hono {
  const questionnaires: QuestionnaireCache = new Map();
  const routes = new Hono();
  routes.post("/", ...replyBatchHandlers((items, c) => takeReplies(items, { ...deps, questionnaires, findInvitation: limitedInvitationFinder(deps, c) })));
  return routes;
}
