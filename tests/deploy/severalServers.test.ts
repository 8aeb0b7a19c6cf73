// Two built server processes on one PostgreSQL database and one shared data folder, behind one round-robin proxy:
// a reply sent to both is stored once, a tus upload begun on one is finished on the other, the sign-in limit counts
// attempts made through both, and a material added beside one is served by the other.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE } from "../../src/shared/accessLimits";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { SERVER_URL } from "../integration/support/postgresRunDatabase";
import { validReply } from "../integration/support/replyFixtures";
import { pdfBytes, tusClient } from "../integration/support/tusClient";
import { BUILT_CLI, builtAppExists, startBuiltServer, type BuiltServer } from "./support/builtServer";
import { startRoundRobinProxy, type RoundRobinProxy } from "./support/roundRobinProxy";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const missing = !builtAppExists()
  ? "the app is not built (npm run build)"
  : !(await postgresAnswers())
    ? `PostgreSQL does not answer at ${SERVER_URL}`
    : undefined;
if (missing) console.warn(`[deploy] several-servers test skipped: ${missing}.`);

const invitation = { Authorization: "Invitation DEMO-TO1" };

describe.skipIf(missing !== undefined)("two server processes on one PostgreSQL database", () => {
  const databaseName = `several_${randomBytes(6).toString("hex")}`;
  let databaseUrl: string;
  let dataDir: string;
  let servers: BuiltServer[] = [];
  let proxy: RoundRobinProxy;
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`create database ${databaseName}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    dataDir = mkdtempSync(join(tmpdir(), "outrigger-several-"));
    // Both start at once on an empty database: they take turns migrating and adding the first-start data.
    const env = { DATABASE_URL: databaseUrl, TRUST_PROXY: "1" };
    servers = await Promise.all([startBuiltServer(dataDir, env), startBuiltServer(dataDir, env)]);
    proxy = await startRoundRobinProxy(servers.map((s) => s.url));
  });

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await admin?.query(`drop database if exists ${databaseName} with (force)`);
    await admin?.end();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("both started on the empty database, and it was seeded once", async () => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const campaigns = await db.query("select id from campaigns");
      const invitations = await db.query("select code from invitations where code like 'DEMO-%'");
      expect(campaigns.rows).toHaveLength(1);
      expect(invitations.rows).toHaveLength(5);
    } finally {
      await db.end();
    }
  });

  it("a reply sent to both processes at once is stored once, and both answer with the same receipt", async () => {
    const reply = validReply();
    const answers = await Promise.all(
      servers.map(async (s) => {
        const res = await fetch(`${s.url}/api/replies`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ replies: [reply] }),
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { results: { outcome: string; receipt?: unknown }[] }).results[0];
      }),
    );
    expect(answers.map((a) => a.outcome).sort()).toEqual(["already_stored", "stored"]);
    expect(answers[0].receipt).toEqual(answers[1].receipt);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      expect((await db.query("select id from replies where id = $1", [reply.id])).rows).toHaveLength(1);
    } finally {
      await db.end();
    }
  });

  it("a tus upload begun on one process resumes and finishes on the other", async () => {
    const reply = validReply();
    const sent = await fetch(`${servers[0].url}/api/replies`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ replies: [reply] }),
    });
    expect(sent.status).toBe(200);
    const file = pdfBytes(300_000);
    const [first, second] = servers.map((s) => tusClient(s.url, "DEMO-TO1"));
    const { response, location } = await first.create(
      reply.id,
      { filename: "report.pdf", filetype: "application/pdf", attachmentId: uuidv7() },
      file.length,
    );
    expect(response.status).toBe(201);
    expect((await first.patch(location, 0, file.subarray(0, 100_000))).status).toBe(204);
    const offset = Number((await second.head(location)).headers.get("upload-offset"));
    expect(offset).toBe(100_000);
    const finished = await second.patch(location, offset, file.subarray(offset));
    expect(finished.status).toBe(204);
    expect(finished.headers.get("upload-offset")).toBe(String(file.length));
    const listed = await fetch(`${servers[0].url}/api/replies/${reply.id}/attachments`, { headers: invitation });
    const body = JSON.stringify(await listed.json());
    expect(body).toContain(createHash("sha256").update(file).digest("hex"));
  });

  it("the sign-in limit counts attempts made through both processes", async () => {
    const attempt = () =>
      fetch(`${proxy.url}/api/console/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: proxy.url },
        body: JSON.stringify({ email: "nobody@example.org", password: "not the password at all" }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE; i++) statuses.push((await attempt()).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).not.toBeNull();
    // The proxy spread the attempts over both processes.
    expect(new Set(proxy.served)).toEqual(new Set([0, 1]));
  });

  it("a material added beside one process (its data folder and database) is served by the other", async () => {
    const bytes = randomBytes(50_000);
    const file = join(dataDir, "..", `several-checklist-${randomBytes(4).toString("hex")}.txt`);
    writeFileSync(file, bytes);
    const added = spawnSync(
      process.execPath,
      [BUILT_CLI, "materials:add", "--workshop", DEMO_WORKSHOP_ID, "--title", "Shared checklist", file],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl }, encoding: "utf8" },
    );
    rmSync(file, { force: true });
    expect(added.status, added.stderr).toBe(0);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    for (const server of servers) {
      const manifest = (await (
        await fetch(`${server.url}/api/workshops/${DEMO_WORKSHOP_ID}/materials`, { headers: invitation })
      ).json()) as { materials: { sha256: string }[] };
      expect(manifest.materials.map((m) => m.sha256)).toContain(sha256);
      const blob = await fetch(`${server.url}/api/blobs/${sha256}`, { headers: invitation });
      expect(blob.status).toBe(200);
      expect(Buffer.from(await blob.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });
});
