// Fault injection: the real server is killed with SIGKILL while several clients post replies; nothing it acknowledged may be lost or doubled.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyBatchResponse, type ReplyResult } from "../../src/shared/api";
import { reply as replySchema, type ReplyInput, type ReplyReceipt } from "../../src/shared/reply";
import { replyContentHash } from "../../src/server/http/replyIntake";
import { validReply } from "./support/replyFixtures";
import { killHard, startServerProcess, timeoutForProcessStarts, type ServerProcess } from "./support/serverProcess";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";

/** FAULT_ROUNDS=20 for a longer soak; the default keeps `npm test` short. */
const KILLS = Number(process.env.FAULT_ROUNDS ?? 3);
const CLIENTS = 4;
/** Acknowledged replies to wait for between two kills. */
const ACKS_PER_ROUND = 25;
const CODES = ["DEMO-TO1", "DEMO-VU2", "DEMO-FJ3", "DEMO-WS4", "DEMO-PG5"];
const REQUEST_TIMEOUT_MS = 5000;

interface Ledger {
  /** Every reply ever posted, acknowledged or not. */
  sent: Map<string, ReplyInput>;
  /** Replies the server answered stored/already_stored for, with the receipt it gave. */
  acknowledged: Map<string, ReplyReceipt>;
  failedRequests: number;
  /** Requests posted and not yet answered. */
  inFlight: number;
}

async function postReplies(url: string, replies: ReplyInput[]): Promise<ReplyResult[] | undefined> {
  try {
    const response = await fetch(`${url}/api/replies`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ replies }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.status !== 200) return undefined;
    return replyBatchResponse.parse(await response.json()).results;
  } catch {
    // Connection refused or reset: the server is dead or starting again.
    return undefined;
  }
}

/** One client: posts batches of 1–5 new replies until told to stop, noting what was acknowledged. */
async function client(index: number, target: () => string, ledger: Ledger, stopped: () => boolean): Promise<void> {
  for (let n = 0; !stopped(); n++) {
    const replies = Array.from({ length: 1 + ((index + n) % 5) }, (_, i) =>
      validReply({ invitationCode: CODES[(index + n + i) % CODES.length] }),
    );
    for (const reply of replies) ledger.sent.set(reply.id, reply);
    ledger.inFlight += 1;
    const results = await postReplies(target(), replies).finally(() => (ledger.inFlight -= 1));
    if (!results) {
      ledger.failedRequests += 1;
      // A dead server is not hammered: the restart gets the machine's cores.
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    for (const result of results) {
      if (result.outcome === "stored" || result.outcome === "already_stored")
        ledger.acknowledged.set(result.id, result.receipt);
      else throw new Error(`reply ${result.id} was ${result.outcome}: ${JSON.stringify(result.error)}`);
    }
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(ENGINES)("kill -9 while replies arrive (%s)", (engine) => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), "outrigger-fault-"));
  });
  afterAll(async () => {
    if (server) await killHard(server.child);
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "every reply acknowledged before a kill -9 is stored exactly once with its content, and answers already_stored when sent again",
    async () => {
      const location = { dataDir, databaseUrl: database.databaseUrl };
      server = await startServerProcess(location);
      const port = server.port;
      const url = server.url;
      const ledger: Ledger = { sent: new Map(), acknowledged: new Map(), failedRequests: 0, inFlight: 0 };
      const inFlightAtKills: number[] = [];
      const restartMs: number[] = [];
      let stop = false;
      const clients = Array.from({ length: CLIENTS }, (_, i) =>
        client(
          i,
          () => url,
          ledger,
          () => stop,
        ),
      );
      try {
        for (let kill = 0; kill < KILLS; kill++) {
          const target = ledger.acknowledged.size + ACKS_PER_ROUND;
          await waitFor(() => ledger.acknowledged.size >= target, 30_000, `${target} acknowledged replies`);
          inFlightAtKills.push(ledger.inFlight);
          await killHard(server.child);
          const restarting = Date.now();
          // Restarted on the same port and data while the clients keep posting (and failing) meanwhile.
          server = await startServerProcess(location, port);
          restartMs.push(Date.now() - restarting);
        }
        const target = ledger.acknowledged.size + ACKS_PER_ROUND;
        await waitFor(() => ledger.acknowledged.size >= target, 30_000, "replies after the last restart");
      } finally {
        stop = true;
        await Promise.all(clients);
      }

      // Everything ever sent goes again, acknowledged or not: the acknowledged ones must come back already_stored, unchanged.
      const all = [...ledger.sent.values()];
      const resent = new Map<string, ReplyResult>();
      for (let i = 0; i < all.length; i += 50) {
        const results = await postReplies(url, all.slice(i, i + 50));
        expect(results).toBeDefined();
        for (const result of results ?? []) resent.set(result.id, result);
      }
      const acknowledged = [...ledger.acknowledged.entries()];
      const wrongResend = acknowledged.filter(([id, receipt]) => {
        const result = resent.get(id);
        return result?.outcome !== "already_stored" || JSON.stringify(result.receipt) !== JSON.stringify(receipt);
      });
      expect(wrongResend).toEqual([]);
      expect(
        all.filter((reply) => !["stored", "already_stored"].includes(resent.get(reply.id)?.outcome ?? "")),
      ).toEqual([]);

      await killHard(server.child);
      server = undefined;
      const db = database.open();
      try {
        const rows = await db.selectFrom("replies").select(["id", "content_hash"]).execute();
        const counts = new Map<string, number>();
        for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + 1);
        const hashes = new Map(rows.map((row) => [row.id, row.content_hash]));
        const lost = acknowledged.filter(([id]) => !counts.has(id)).length;
        const duplicated = [...counts.values()].filter((n) => n > 1).length;
        const found = acknowledged.filter(([id]) => counts.get(id) === 1).length;
        const changed = acknowledged.filter(
          ([id]) => hashes.has(id) && hashes.get(id) !== replyContentHash(replySchema.parse(ledger.sent.get(id))),
        ).length;
        console.log(
          `kill -9 ×${KILLS} (${engine}): ${acknowledged.length} acknowledged, ${found} found, ${lost} lost, ${duplicated} duplicated, ${changed} changed; ` +
            `${ledger.sent.size} sent in all, requests in flight at the kills: ${inFlightAtKills.join(", ")}, ${ledger.failedRequests} failed while the server was down, ${rows.length} rows after re-sending everything; restarts took ${restartMs.join(", ")} ms`,
        );
        expect({ lost, duplicated, changed }).toEqual({ lost: 0, duplicated: 0, changed: 0 });
        expect(found).toBe(acknowledged.length);
        // Every reply ever sent is there once now (the unacknowledged ones were stored by the re-send at the latest).
        expect(rows.length).toBe(ledger.sent.size);
      } finally {
        await db.destroy();
      }
    },
    timeoutForProcessStarts(KILLS + 2),
  );
});
