// The server's JSON log: one line per request with route, status, bytes, duration and request id — and no personal data or secrets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationAuthorization, materialsManifest } from "../../src/shared/materials";
import { createApp } from "../../src/server/http/app";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { createLogger } from "../../src/server/observability/logger";
import { startServer, type RunningServer } from "../../src/server/serve";
import { validAnswers, validReply } from "./support/replyFixtures";
import { createTestDatabase, ENGINES, openSeededDatabase, type TestDatabase } from "./support/testDatabase";

type LogLine = Record<string, unknown>;

/** A request's line is written when its connection is done with it, a moment after the client has the answer. */
async function lineOf(entries: () => LogLine[], requestId: string | null): Promise<LogLine | undefined> {
  for (let waited = 0; waited < 2000; waited += 20) {
    const line = entries().find((e) => e.event === "request" && e.requestId === requestId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

/** A logger writing into an array, as pino's destination option allows. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: string[]; entries: () => LogLine[] } {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as LogLine) };
}

const CODE = "DEMO-TO1";
const EMAIL = "lead.organiser@example.org";
const ORGANISER_NAME = "Losaline Fifita";
const PASSWORD = "tapa cloth under the mango tree 1987";
const PARTICIPANT_NAME = "Sione Vaipulu";
const PARTICIPANT_EMAIL = "sione.vaipulu@example.org";
const ANSWER_TEXT = "Moved the risk profiles into the new selectivity module";
const REQUEST_ID = "0f6c1e2a-4b7d-4c1e-9a55-3d2b1c0e9f88";

describe.each(ENGINES)("request log lines over a real socket (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let database: TestDatabase;
  let server: RunningServer;
  const log = capturedLogger();
  const secrets: string[] = [CODE, EMAIL, ORGANISER_NAME, PASSWORD, PARTICIPANT_NAME, PARTICIPANT_EMAIL, ANSWER_TEXT];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await startServer({
      port: 0,
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      staticDir: "/nonexistent-outrigger-dist",
      now: () => now,
      logger: log.logger,
      logRequestLines: true,
    });
    secrets.push(server.setupToken as string);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it("no invitation code, e-mail address, name, password, token, cookie or answer appears in any log line", async () => {
    const json = { "Content-Type": "application/json" };
    const setup = await fetch(`${server.url}/api/console/setup`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ token: server.setupToken, email: EMAIL, name: ORGANISER_NAME, password: PASSWORD }),
    });
    expect(setup.status).toBe(201);
    const signIn = await fetch(`${server.url}/api/console/session?email=${encodeURIComponent(EMAIL)}`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get("set-cookie") as string).split(";")[0];
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    secrets.push(cookie.split("=")[1], csrfToken);
    expect((await fetch(`${server.url}/api/console/session`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect(
      (
        await fetch(`${server.url}/api/console/session`, {
          method: "POST",
          headers: json,
          body: JSON.stringify({ email: EMAIL, password: `${PASSWORD}!` }),
        })
      ).status,
    ).toBe(401);

    const reply = validReply({
      invitationCode: CODE,
      answers: validAnswers({ name: PARTICIPANT_NAME, email: PARTICIPANT_EMAIL, actionsDescription: ANSWER_TEXT }),
    });
    const sent = await fetch(`${server.url}/api/replies`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ replies: [reply] }),
    });
    expect(((await sent.json()) as { results: { outcome: string }[] }).results[0].outcome).toBe("stored");

    const manifest = materialsManifest.parse(
      await (
        await fetch(`${server.url}/api/workshops/${DEMO_WORKSHOP_ID}/materials`, {
          headers: { Authorization: invitationAuthorization(CODE) },
        })
      ).json(),
    );
    const blob = await fetch(`${server.url}/api/blobs/${manifest.materials[0].sha256}?invitation=${CODE}`);
    expect(blob.status).toBe(200);
    await blob.arrayBuffer();
    expect((await fetch(`${server.url}/api/invitations/${CODE}?token=${server.setupToken}`)).status).toBe(200);
    await (await fetch(`${server.url}/join/${CODE}`)).arrayBuffer();
    const bad = await fetch(`${server.url}/api/replies`, {
      method: "POST",
      headers: json,
      body: `{"replies":[{"invitationCode":"${CODE}","name":"${PARTICIPANT_NAME}"`,
    });
    expect(bad.status).toBe(400);

    // Ten requests were made; each line is written when its connection is done with it.
    await expect.poll(() => log.entries().filter((e) => e.event === "request").length).toBeGreaterThanOrEqual(10);
    for (const line of log.lines)
      for (const secret of secrets) expect(line, `a log line carries ${secret}`).not.toContain(secret);
    expect(log.lines.join("\n")).not.toMatch(/\?(invitation|token|email)=/);
    expect(log.lines.join("\n")).not.toMatch(/Invitation |outrigger_session/);
  });

  it("a request line names the route pattern, status, bytes, duration and the request id it sent back", async () => {
    const res = await fetch(`${server.url}/api/invitations/${CODE}?invitation=${CODE}`, {
      headers: { "X-Request-Id": REQUEST_ID, "Accept-Encoding": "identity" },
    });
    expect(res.headers.get("x-request-id")).toBe(REQUEST_ID);
    const body = await res.arrayBuffer();
    const line = await lineOf(log.entries, REQUEST_ID);
    expect(line).toMatchObject({
      level: "info",
      method: "GET",
      route: "/api/invitations/:code",
      status: 200,
      bytes: body.byteLength,
    });
    expect(line?.durationMs).toEqual(expect.any(Number));
    expect(typeof line?.time).toBe("string");
  });

  it("an ill-formed X-Request-Id is replaced by a new id, sent back and logged", async () => {
    const res = await fetch(`${server.url}/api/health`, {
      headers: { "X-Request-Id": `${PARTICIPANT_NAME} <${PARTICIPANT_EMAIL}>` },
    });
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await res.arrayBuffer();
    expect(await lineOf(log.entries, id)).toMatchObject({ route: "/api/health", status: 200 });
  });

  it("a streamed blob's request line carries its request id and the bytes sent", async () => {
    const manifest = materialsManifest.parse(
      await (
        await fetch(`${server.url}/api/workshops/${DEMO_WORKSHOP_ID}/materials`, {
          headers: { Authorization: invitationAuthorization(CODE) },
        })
      ).json(),
    );
    const res = await fetch(`${server.url}/api/blobs/${manifest.materials[0].sha256}`, {
      headers: { Authorization: invitationAuthorization(CODE), Range: "bytes=0-99" },
    });
    expect(res.status).toBe(206);
    const id = res.headers.get("x-request-id");
    await res.arrayBuffer();
    expect(await lineOf(log.entries, id)).toMatchObject({ route: "/api/blobs/:sha256", status: 206, bytes: 100 });
  });
});

describe.each(ENGINES)("server events in the log (%s)", (engine) => {
  it("start-up is logged as events, and an unexpected error with its stack but without the request's code", async () => {
    const log = capturedLogger();
    const database = await createTestDatabase(engine);
    const server = await startServer({
      port: 0,
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      staticDir: "/nonexistent-outrigger-dist",
      logger: log.logger,
    });
    try {
      const events = log.entries().map((e) => e.event);
      expect(events).toEqual(
        expect.arrayContaining(["migrations_applied", "first_start_data_added", "server_started"]),
      );
      expect(log.entries().find((e) => e.event === "server_started")?.msg).toBe(
        `Outrigger is running. Open ${server.url}/ in a browser.`,
      );
      // Request lines are off unless asked for (LOG_REQUESTS=1).
      await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      expect(log.entries().some((e) => e.event === "request")).toBe(false);
    } finally {
      await server.close();
      await database.dispose();
    }

    const seeded = await openSeededDatabase(engine, new Date("2024-02-01T10:00:00.000Z"));
    const app = createApp({ db: seeded.db, staticDir: "/nonexistent-outrigger-dist", logger: log.logger });
    await seeded.close();
    const res = await app.request(`/api/invitations/${CODE}?invitation=${CODE}`);
    expect(res.status).toBe(500);
    const failure = log.entries().find((e) => e.event === "unexpected_error");
    expect(failure).toMatchObject({ level: "error", method: "GET" });
    expect((failure?.err as { stack?: string }).stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(failure)).not.toContain(CODE);
  });
});
