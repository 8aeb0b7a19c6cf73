// Group commit on the embedded SQLite: reply batches that arrive together share one transaction (one fsync), and
// each still learns exactly what happened to its own rows, only once they are committed.
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type LogEvent } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_FILE_NAME } from "../../src/server/db/database";
import { countReplies } from "../../src/server/db/replies";
import { threadCommitting } from "../../src/server/db/replyCommitThread";
import { replyStore } from "../../src/server/db/replyCommits";
import type { Database, NewReplyRow } from "../../src/server/db/schema";
import { replyContentHash, replyRow } from "../../src/server/http/replyIntake";
import { parsedReply } from "./support/replyFixtures";
import { openSeededDatabase } from "./support/testDatabase";

function rowOf(reply = parsedReply()): NewReplyRow {
  return replyRow(reply, replyContentHash(reply), {
    receiptId: crypto.randomUUID(),
    receivedAt: "2024-02-01T10:00:00.000Z",
  });
}

describe("group commit (sqlite)", () => {
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let watched: Kysely<Database>;
  /** Commits made through `watched`: explicit COMMITs plus statements that wrote outside a transaction (autocommit). */
  let commits = 0;

  beforeAll(async () => {
    ctx = await openSeededDatabase("sqlite", new Date("2024-02-01T10:00:00.000Z"));
    const sqlite = new SQLite(join(ctx.test.dataDir as string, SQLITE_FILE_NAME));
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("busy_timeout = 5000");
    let inTransaction = false;
    const log = ({ query }: LogEvent) => {
      const statement = query.sql.trim().toLowerCase();
      if (statement === "begin") inTransaction = true;
      else if (statement === "commit" || statement === "rollback") {
        inTransaction = false;
        if (statement === "commit") commits++;
      } else if (!inTransaction && statement.startsWith("insert")) commits++;
    };
    watched = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
  });
  afterAll(async () => {
    await watched.destroy();
    await ctx.close();
  });

  it("twenty batches sent at once are committed in one transaction, each told only about its own rows", async () => {
    commits = 0;
    const batches = Array.from({ length: 20 }, () => [rowOf()]);
    const results = await Promise.all(batches.map((rows) => replyStore(watched)(rows)));
    expect(commits).toBe(1);
    results.forEach((result, i) => {
      expect([...result.written]).toEqual([batches[i][0].id]);
      expect(result.refused.size).toBe(0);
    });
    // Acknowledged means committed: another connection sees every row.
    for (const [row] of batches) expect(await countReplies(ctx.db, { id: row.id })).toBe(1);
  });

  it("the same id in two batches of one group is written once; the second batch is told it did not write it", async () => {
    const row = rowOf();
    const [first, second] = await Promise.all([
      replyStore(watched)([row]),
      replyStore(watched)([{ ...row, receipt_id: crypto.randomUUID() }]),
    ]);
    expect(first.written.has(row.id)).toBe(true);
    expect(second.written.has(row.id)).toBe(false);
    expect(second.refused.size).toBe(0);
    expect(await countReplies(ctx.db, { id: row.id })).toBe(1);
  });

  it("a row SQLite refuses costs only that row: the rest of its batch and the other batches of the group are stored", async () => {
    commits = 0;
    const refusedRow = { ...rowOf(), answers: null as unknown as string };
    const neighbour = rowOf();
    const other = rowOf();
    const [mixed, clean] = await Promise.all([
      replyStore(watched)([refusedRow, neighbour]),
      replyStore(watched)([other]),
    ]);
    expect([...mixed.refused.keys()]).toEqual([refusedRow.id]);
    expect([...mixed.written]).toEqual([neighbour.id]);
    expect([...clean.written]).toEqual([other.id]);
    expect(commits).toBe(1);
    expect(await countReplies(ctx.db, { id: refusedRow.id })).toBe(0);
    expect(await countReplies(ctx.db, { id: other.id })).toBe(1);
  });

  describe("on the commit thread (databases opened by createDatabase)", () => {
    const walFrames = (sqlite: SQLite.Database) =>
      (sqlite.pragma("wal_checkpoint(PASSIVE)") as { log: number }[])[0].log;

    it("twenty batches sent at once share one commit, each told only about its own rows, all visible once answered", async () => {
      const file = join(ctx.test.dataDir as string, SQLITE_FILE_NAME);
      const store = threadCommitting(file);
      const probe = new SQLite(file);
      try {
        // Single commits, one after another, for scale: how many WAL frames one commit of one row adds.
        probe.pragma("wal_checkpoint(TRUNCATE)");
        for (let i = 0; i < 5; i++) await store([rowOf()]);
        const framesPerCommit = walFrames(probe) / 5;
        probe.pragma("wal_checkpoint(TRUNCATE)");
        const batches = Array.from({ length: 20 }, () => [rowOf()]);
        const results = await Promise.all(batches.map((rows) => store(rows)));
        results.forEach((result, i) => expect([...result.written]).toEqual([batches[i][0].id]));
        for (const [row] of batches) expect(await countReplies(ctx.db, { id: row.id })).toBe(1);
        // One commit of twenty rows writes far fewer frames than twenty commits would.
        expect(walFrames(probe)).toBeLessThan(framesPerCommit * 5);
      } finally {
        probe.close();
      }
    });

    it("reports refused rows one by one, writes the rest, and the same id twice only once", async () => {
      const store = threadCommitting(join(ctx.test.dataDir as string, SQLITE_FILE_NAME));
      const refusedRow = { ...rowOf(), answers: null as unknown as string };
      const unknownCampaign = { ...rowOf(), campaign_id: "no-such-campaign" };
      const good = rowOf();
      const [mixed, again] = await Promise.all([
        store([refusedRow, good, unknownCampaign]),
        store([{ ...good, receipt_id: crypto.randomUUID() }]),
      ]);
      expect([...mixed.written]).toEqual([good.id]);
      expect([...mixed.refused.keys()].sort()).toEqual([refusedRow.id, unknownCampaign.id].sort());
      expect(again.written.size + again.refused.size).toBe(0);
      expect(await countReplies(ctx.db, { id: good.id })).toBe(1);
    });
  });
});
