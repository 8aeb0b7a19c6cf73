// A stand-in for POST /api/replies and GET /api/health that can answer every outcome the real server (or the network before it) can.
import { MAX_BATCH_BYTES, MAX_REPLIES_PER_BATCH, type ReplyResult } from "../../../src/shared/api";
import { canonicalJson } from "../../../src/shared/canonicalJson";
import type { ReplyInput } from "../../../src/shared/reply";

/**
 * - up: answers as the real server does (tests/integration/replies.test.ts shows each outcome there).
 * - down: no answer at all (DNS, no route, flight mode).
 * - lose-response: stores the batch, then the answer is lost on the way back.
 * - error-500: 503 with our JSON error; nothing stored.
 * - disk-full: 507 insufficient_storage, as the real server answers when its disk is full; nothing stored.
 * - rate-limited: 429 with Retry-After (a reverse proxy or load shedder in front of us); nothing stored.
 * - hang: a reply POST is never answered (the phone's request timeout must end it); nothing stored.
 * - restart: the process dies during a reply POST: the first `restartAfterStoring` replies of the batch are
 *   stored (their rows survive, as on disk), the connection is reset, and the server is back for the next request.
 */
export type Mode = "up" | "down" | "lose-response" | "error-500" | "disk-full" | "rate-limited" | "hang" | "restart";

export interface FakeServer {
  fetch: typeof fetch;
  mode: Mode;
  /** Refuse these reply ids with 422 and a field issue, as the real server refuses invalid answers. */
  rejectIds: Set<string>;
  /** Answer 413 to a request body larger than this many bytes (the real limit unless a test lowers it). */
  maxBatchBytes: number;
  /** Leave these ids out of the results (a truncated or mangled answer: the real server always answers every reply). */
  omitFromResults: Set<string>;
  /** Seconds in the Retry-After of a 429. */
  retryAfterSeconds: number;
  /** What is stored per reply id: its receipt and its content, so a changed resend is a conflict as on the real server. */
  stored: Map<string, { receiptId: string; receivedAt: string }>;
  storedContent: Map<string, string>;
  /** In "restart" mode: how many replies of the batch are stored before the process dies. */
  restartAfterStoring: number;
  /** Every time a reply was newly stored, its id (a reply stored twice would appear twice). */
  storeEvents: string[];
  /** Reply ids of every POST, one array per request. */
  posts: string[][];
  healthChecks: number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

export function createFakeServer(): FakeServer {
  const server: FakeServer = {
    mode: "up",
    rejectIds: new Set(),
    maxBatchBytes: MAX_BATCH_BYTES,
    omitFromResults: new Set(),
    retryAfterSeconds: 120,
    stored: new Map(),
    storedContent: new Map(),
    restartAfterStoring: 0,
    storeEvents: [],
    posts: [],
    healthChecks: 0,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      if (server.mode === "down") throw new TypeError("Failed to fetch");
      if (server.mode === "rate-limited") {
        if (url.pathname === "/api/replies") server.posts.push([]);
        return json(
          429,
          { error: { code: "too_many_requests", message: "Slow down" } },
          { "Retry-After": String(server.retryAfterSeconds) },
        );
      }
      if (url.pathname === "/api/health") {
        server.healthChecks += 1;
        return json(200, { status: "ok", version: "test", time: new Date().toISOString() });
      }
      if (url.pathname !== "/api/replies" || init?.method !== "POST")
        return json(404, { error: { code: "not_found", message: "Not found" } });
      const body = String(init.body);
      const { replies } = JSON.parse(body) as { replies: ReplyInput[] };
      server.posts.push(replies.map((r) => r.id));
      if (server.mode === "hang") {
        return new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        });
      }
      if (server.mode === "disk-full")
        return json(507, {
          error: {
            code: "insufficient_storage",
            message: "The server's disk is full. Your reply is kept on this phone and will be sent later.",
          },
        });
      if (server.mode === "error-500")
        return json(503, { error: { code: "unavailable", message: "Database is busy" } });
      if (new TextEncoder().encode(body).byteLength > server.maxBatchBytes)
        return json(413, { error: { code: "payload_too_large", message: "The batch is too large" } });
      if (replies.length === 0 || replies.length > MAX_REPLIES_PER_BATCH) {
        return json(400, {
          error: {
            code: "invalid_batch",
            message: "1 to 100 replies",
            details: [
              { path: "replies", code: replies.length === 0 ? "too_small" : "too_big", message: "1 to 100 replies" },
            ],
          },
        });
      }
      const seen = new Set<string>();
      const storable = server.mode === "restart" ? server.restartAfterStoring : Number.POSITIVE_INFINITY;
      const results: ReplyResult[] = replies.slice(0, storable).map((r): ReplyResult => {
        if (seen.has(r.id))
          return {
            id: r.id,
            outcome: "rejected",
            status: 422,
            error: { code: "duplicate_in_batch", message: "Twice in one batch" },
          };
        seen.add(r.id);
        const content = canonicalJson(r);
        const existing = server.stored.get(r.id);
        if (existing) {
          if (server.storedContent.get(r.id) === content)
            return { id: r.id, outcome: "already_stored", status: 200, receipt: existing };
          return {
            id: r.id,
            outcome: "conflict",
            status: 409,
            error: {
              code: "reply_conflict",
              message: "A different reply with the same id is already stored. The stored reply was kept.",
            },
          };
        }
        if (server.rejectIds.has(r.id)) {
          return {
            id: r.id,
            outcome: "rejected",
            status: 422,
            error: {
              code: "invalid_answers",
              message: "Some answers need fixing.",
              details: [{ path: "answers.email", code: "invalid_email", message: "Not an e-mail address" }],
            },
          };
        }
        const receipt = { receiptId: `rcpt-${server.stored.size + 1}`, receivedAt: "2023-06-10T12:00:00.000Z" };
        server.stored.set(r.id, receipt);
        server.storedContent.set(r.id, content);
        server.storeEvents.push(r.id);
        return { id: r.id, outcome: "stored", status: 201, receipt };
      });
      // Killed part-way: what was written stays, the phone sees the connection drop.
      if (server.mode === "restart") throw new TypeError("fetch failed: ECONNRESET");
      // The server did its work, but the answer never reaches the phone.
      if (server.mode === "lose-response") throw new TypeError("Network connection lost");
      return json(200, { results: results.filter((r) => !server.omitFromResults.has(r.id)) });
    },
  };
  return server;
}
