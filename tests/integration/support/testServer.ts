// The real server in-process over a socket, on a fresh test database (SQLite or PostgreSQL) with its own data folder
// and a static folder of its own; restart() starts it again on the same data, close() stops it and removes it all.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { consoleSession } from "../../../src/shared/console";
import { startServer, type RunningServer, type StartServerOptions } from "../../../src/server/serve";
import type { Reply } from "../../../src/shared/reply";
import { parsedReply } from "./replyFixtures";
import { TEST_PASSWORD, addOrganiser, sessionCookieOf } from "./consoleClient";
import { createTestDatabase, type Engine, type TestDatabase } from "./testDatabase";

export interface TestServerOptions extends Omit<StartServerOptions, "port" | "databaseUrl" | "dataDir" | "quiet"> {
  /** A fresh static folder holding only a stand-in index.html (else, unless `staticDir` is given, an empty one). */
  shell?: boolean;
}

export interface TestServer {
  database: TestDatabase;
  /** SQLite's folder, or (PostgreSQL) a temporary folder for the blobs and uploads. */
  dataDir: string;
  staticDir: string;
  /** The server now running (a new one after restart()). */
  server: RunningServer;
  /** Starts the server again on the same database and folders (after the test stopped it, or to replace it). */
  restart(): Promise<RunningServer>;
  close(): Promise<void>;
}

export async function startTestServer(
  engine: Engine,
  { shell = false, staticDir: givenStaticDir, ...options }: TestServerOptions = {},
): Promise<TestServer> {
  const database = await createTestDatabase(engine);
  const ownDataDir = database.dataDir === undefined;
  const dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), "outrigger-att-"));
  const ownStaticDir = givenStaticDir === undefined;
  const staticDir = givenStaticDir ?? mkdtempSync(join(tmpdir(), "outrigger-dist-"));
  if (shell) writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Outrigger shell</title>");
  const start = () =>
    startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: database.databaseUrl,
      dataDir,
      staticDir,
      quiet: true,
      ...options,
    });
  const running: TestServer = {
    database,
    dataDir,
    staticDir,
    server: await start(),
    async restart() {
      // Closing a server the test already stopped is harmless; what matters is that one is running after this.
      await running.server.close().catch(() => undefined);
      running.server = await start();
      return running.server;
    },
    async close() {
      await running.server.close().catch(() => undefined);
      await database.dispose();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      if (ownStaticDir) rmSync(staticDir, { recursive: true, force: true });
    },
  };
  return running;
}

/** A new valid reply to the demo campaign, sent over HTTP and stored (a reply takes at most five attachments). */
export async function sentReply(serverUrl: string, overrides: Parameters<typeof parsedReply>[0] = {}): Promise<Reply> {
  const reply = parsedReply(overrides);
  const res = await fetch(`${serverUrl}/api/replies`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ replies: [reply] }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return reply;
}

/** The session cookie of a read-only viewer signed in over HTTP. */
export async function viewerCookie(server: RunningServer, now: Date, email = "viewer@example.org"): Promise<string> {
  await addOrganiser(server.db, email, "viewer", now);
  const res = await fetch(`${server.url}/api/console/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  consoleSession.parse(await res.clone().json());
  return sessionCookieOf(res);
}
