// Every JSON route refuses an oversized body while reading it: 413 payload_too_large, and the server's memory stays flat.
import { request as httpRequest } from "node:http";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "../../src/shared/attachments";
import { createApp } from "../../src/server/http/app";
import type { RunningServer } from "../../src/server/serve";
import { startTestServer, type TestServer } from "./support/testServer";

/** 300 MB, made 64 KB at a time as the socket asks for it: the test itself never holds the body. */
const HUGE_BODY_BYTES = 300 * 1024 * 1024;
/** How much the server's resident memory may grow while refusing one of them. */
const RSS_GROWTH_ALLOWED_BYTES = 16 * 1024 * 1024;

// A full collection between requests, so each one is measured from a clean start and not by the garbage of the last.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

interface Refusal {
  status: number;
  body: string;
  sent: number;
}

/** Streams `size` bytes of "[[[[…" to the route until the server answers, then stops sending. */
function streamBody(url: string, method: string, size: number, withLength: boolean): Promise<Refusal> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (withLength) headers["Content-Length"] = String(size);
    const req = httpRequest(url, { method, headers }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sent });
        req.destroy();
      });
    });
    // The server may answer and close before the body is sent: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) =>
      answered || error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    const chunk = Buffer.alloc(64 * 1024, "[");
    const pump = () => {
      while (sent < size && !answered && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

/** Every POST, PUT and PATCH route of the app (the tus uploads excepted), with made-up path parameters. */
function jsonRoutes(): { method: string; path: string }[] {
  const app = createApp({ db: undefined as never, staticDir: "/nonexistent-outrigger-dist", mailer: null });
  const seen = new Set<string>();
  return app.routes
    .filter(
      (r) =>
        ["POST", "PUT", "PATCH"].includes(r.method) && r.path.startsWith("/api/") && !r.path.startsWith("/api/uploads"),
    )
    .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)/g, "x1") }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && Boolean(seen.add(`${r.method} ${r.path}`)));
}

describe("request bodies over the limit (sqlite)", () => {
  let running: TestServer;
  let server: RunningServer;

  beforeAll(async () => {
    running = await startTestServer("sqlite", { shell: true, mailer: null });
    server = running.server;
  });
  afterAll(() => running?.close());

  it("the route list covers the sign-in, setup, reply and console routes", () => {
    const paths = jsonRoutes().map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "POST /api/console/session",
        "POST /api/console/setup",
        "POST /api/replies",
        "POST /api/relayed-replies",
        "PATCH /api/console/workshops/x1",
        "PUT /api/console/campaigns/x1/feedback",
      ]),
    );
    expect(paths.length).toBeGreaterThanOrEqual(14);
  });

  it(
    "a 300 MB body to any JSON route is refused with 413 payload_too_large while the server's memory stays flat",
    { timeout: 120_000 },
    async () => {
      // Warm-up, unmeasured: the first requests load and compile code, which is not what is measured here.
      for (const route of jsonRoutes())
        await streamBody(`${server.url}${route.path}`, route.method, 8 * 1024 * 1024, false);
      let before = 0;
      let peak = 0;
      let worstGrowth = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
      try {
        for (const route of jsonRoutes()) {
          for (const withLength of [false, true]) {
            collectGarbage();
            before = peak = process.memoryUsage().rss;
            const refusal = await streamBody(`${server.url}${route.path}`, route.method, HUGE_BODY_BYTES, withLength);
            expect({
              route,
              withLength,
              status: refusal.status,
              code: (JSON.parse(refusal.body) as { error: { code: string } }).error.code,
            }).toEqual({ route, withLength, status: 413, code: "payload_too_large" });
            // Refused after reading at most the limit (and what was in flight), never the whole body.
            expect(refusal.sent).toBeLessThan(HUGE_BODY_BYTES / 4);
            worstGrowth = Math.max(worstGrowth, peak - before);
          }
        }
      } finally {
        clearInterval(sampler);
      }
      console.log(
        `[bodyLimits] largest rss growth while refusing one 300 MB body: ${(worstGrowth / 1048576).toFixed(1)} MB (rss ${(before / 1048576).toFixed(1)} MB)`,
      );
      expect(worstGrowth).toBeLessThan(RSS_GROWTH_ALLOWED_BYTES);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    },
  );

  it("the tus upload route, which reads its own bodies, refuses an upload larger than the attachment limit before storing a byte", async () => {
    const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
    const metadata = `replyId ${b64(uuidv7())},attachmentId ${b64(uuidv7())},filename ${b64("big.pdf")},filetype ${b64("application/pdf")}`;
    const res = await fetch(`${server.url}/api/uploads/`, {
      method: "POST",
      headers: {
        "Tus-Resumable": "1.0.0",
        Authorization: "Invitation DEMO-TO1",
        "Upload-Length": String(MAX_ATTACHMENT_BYTES + 1),
        "Upload-Metadata": metadata,
      },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain(`${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB limit`);
  });
});
