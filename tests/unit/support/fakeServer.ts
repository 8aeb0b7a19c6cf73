// A stand-in for POST /api/replies and GET /api/health with the real server's idempotency: one receipt per reply id.
import type { Reply } from "../../../src/shared/reply";

type Mode = "up" | "down" | "lose-response" | "error-500" | "disk-full";

export interface FakeServer {
  fetch: typeof fetch;
  mode: Mode;
  /** Refuse these reply ids with 422 and a field issue. */
  rejectIds: Set<string>;
  /** Answer 413 to a batch with more replies than this. */
  maxRepliesPerBatch: number;
  stored: Map<string, { receiptId: string; receivedAt: string }>;
  /** Reply ids of every POST, one array per request. */
  posts: string[][];
  healthChecks: number;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

export function createFakeServer(): FakeServer {
  const server: FakeServer = {
    mode: "up",
    rejectIds: new Set(),
    maxRepliesPerBatch: 100,
    stored: new Map(),
    posts: [],
    healthChecks: 0,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      if (server.mode === "down") throw new TypeError("Failed to fetch");
      if (url.pathname === "/api/health") {
        server.healthChecks += 1;
        return json(200, { status: "ok", version: "test", time: new Date().toISOString() });
      }
      if (url.pathname !== "/api/replies" || init?.method !== "POST") return json(404, { error: { code: "not_found", message: "Not found" } });
      const { replies } = JSON.parse(String(init.body)) as { replies: Reply[] };
      server.posts.push(replies.map((r) => r.id));
      if (server.mode === "disk-full") return json(507, { error: { code: "insufficient_storage", message: "The server's disk is full. Your reply is kept on this phone and will be sent later." } });
      if (server.mode === "error-500") return json(503, { error: { code: "unavailable", message: "Database is busy" } });
      if (replies.length > server.maxRepliesPerBatch) return json(413, { error: { code: "payload_too_large", message: "Too many replies" } });
      const results = replies.map((r) => {
        if (server.rejectIds.has(r.id)) {
          return { id: r.id, outcome: "rejected", status: 422, error: { code: "invalid_reply", message: "Some answers need fixing.", details: [{ path: "answers.email", code: "invalid_email", message: "Not an e-mail address" }] } };
        }
        const existing = server.stored.get(r.id);
        if (existing) return { id: r.id, outcome: "already_stored", status: 200, receipt: existing };
        const receipt = { receiptId: `rcpt-${server.stored.size + 1}`, receivedAt: "2023-06-10T12:00:00.000Z" };
        server.stored.set(r.id, receipt);
        return { id: r.id, outcome: "stored", status: 201, receipt };
      });
      // The server did its work, but the answer never reaches the phone.
      if (server.mode === "lose-response") throw new TypeError("Network connection lost");
      return json(200, { results });
    },
  };
  return server;
}
