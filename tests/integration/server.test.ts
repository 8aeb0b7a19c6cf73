// The real server over a socket on SQLite and PostgreSQL: free port, seeding once, replies over HTTP, body limits, the app shell.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthPayload, MAX_BATCH_BYTES, replyBatchResponse } from "../../src/shared/api";
import { startServer, type RunningServer } from "../../src/server/serve";
import { countReplies } from "../../src/server/db/replies";
import { validReply } from "./support/replyFixtures";
import { ENGINES, type TestDatabase } from "./support/testDatabase";
import { startTestServer, type TestServer } from "./support/testServer";

/** Sends a body with an honest Content-Length in chunks, as a phone on a slow link would. */
function postChunked(url: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/api/replies`,
      { method: "POST", headers: { "Content-Type": "application/json", "Content-Length": String(size) } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer and close before the whole body is sent; that is the point.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe.each(ENGINES)("the real server over a socket (%s)", (engine) => {
  let running: TestServer;
  let database: TestDatabase;
  let server: RunningServer;
  let staticDir: string;

  beforeAll(async () => {
    running = await startTestServer(engine, { shell: true });
    ({ database, server, staticDir } = running);
  });
  afterAll(() => running?.close());

  it("listens on a free port and reports it", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/health`);
    expect(healthPayload.parse(await res.json()).status).toBe("ok");
  });

  it("seeds the demo campaign on first start", () => {
    expect(server.seed.demoInvitationCodes).toContain("DEMO-TO1");
  });

  it("a reply posted over HTTP is stored and re-sending it returns the same receipt", async () => {
    const reply = validReply();
    const send = async () => {
      const res = await fetch(`${server.url}/api/replies`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ replies: [reply] }),
      });
      expect(res.status).toBe(200);
      return replyBatchResponse.parse(await res.json()).results[0];
    };
    const first = await send();
    const second = await send();
    expect(first.outcome).toBe("stored");
    expect(second.outcome).toBe("already_stored");
    expect((second as { receipt: unknown }).receipt).toEqual((first as { receipt: unknown }).receipt);
    expect(await countReplies(server.db, { id: reply.id })).toBe(1);
  });

  it("an oversized body sent with its real Content-Length is refused with a 413 JSON error", async () => {
    const { status, body } = await postChunked(server.url, 4 * MAX_BATCH_BYTES);
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: "payload_too_large" } });
    // The server is still healthy afterwards.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("serves the app shell for client-side routes", async () => {
    const res = await fetch(`${server.url}/join/DEMO-TO1`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Outrigger shell");
  });

  it("a second start on the same database does not seed again", async () => {
    const again = await startServer({
      port: 0,
      databaseUrl: database.databaseUrl,
      dataDir: running.dataDir,
      staticDir,
      quiet: true,
    });
    try {
      expect(again.seed.seeded).toBe(false);
      expect(again.seed.demoInvitationCodes).toEqual(server.seed.demoInvitationCodes);
    } finally {
      await again.close();
    }
  });
});
