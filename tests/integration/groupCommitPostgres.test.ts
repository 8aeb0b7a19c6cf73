// Group commit on PostgreSQL: reply batches that arrive together are written by one statement (one round trip, one
// commit), and each still learns exactly what happened to its own rows, only once they are committed.
import {
  Kysely,
  PostgresDialect,
  type KyselyPlugin,
  type LogEvent,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countReplies } from "../../src/server/db/replies";
import { replyStore } from "../../src/server/db/replyCommits";
import type { Database, NewReplyRow } from "../../src/server/db/schema";
import { replyContentHash, replyRow } from "../../src/server/http/replyIntake";
import { parsedReply } from "./support/replyFixtures";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

function rowOf(reply = parsedReply()): NewReplyRow {
  return replyRow(reply, replyContentHash(reply), {
    receiptId: crypto.randomUUID(),
    receivedAt: "2024-02-01T10:00:00.000Z",
  });
}

/** Fails every statement before it reaches the database while armed: a lost connection, as far as the caller can tell. */
class ConnectionLoss implements KyselyPlugin {
  armed = false;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.armed) throw Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
    return node;
  }
  transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(result);
  }
}

describe.runIf(ENGINES.includes("postgres"))("group commit (postgres)", () => {
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let watched: Kysely<Database>;
  const connectionLoss = new ConnectionLoss();
  /** INSERT statements sent through `watched` (each one its own transaction: autocommit). */
  let inserts = 0;

  beforeAll(async () => {
    ctx = await openSeededDatabase("postgres", new Date("2024-02-01T10:00:00.000Z"));
    const log = ({ query }: LogEvent) => {
      if (/^insert into "replies"/i.test(query.sql.trim())) inserts++;
    };
    watched = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: ctx.test.databaseUrl, max: 10 }) }),
      plugins: [connectionLoss],
      log,
    });
  });
  afterAll(async () => {
    await watched.destroy();
    await ctx.close();
  });

  it("ten single replies sent at once are written by one statement, each told only about its own row, all visible once answered", async () => {
    inserts = 0;
    const batches = Array.from({ length: 10 }, () => [rowOf()]);
    const results = await Promise.all(batches.map((rows) => replyStore(watched)(rows)));
    expect(inserts).toBe(1);
    results.forEach((result, i) => {
      expect([...result.written]).toEqual([batches[i][0].id]);
      expect(result.refused.size).toBe(0);
    });
    // Acknowledged means committed: another connection sees every row.
    for (const [row] of batches) expect(await countReplies(ctx.db, { id: row.id })).toBe(1);
  });

  it("the same id in two batches sent at once is written once; the other batch is told it did not write it", async () => {
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

  it("a row PostgreSQL refuses costs only that row: the rest of its batch and the other batches sent with it are stored", async () => {
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
    expect(await countReplies(ctx.db, { id: refusedRow.id })).toBe(0);
    expect(await countReplies(ctx.db, { id: other.id })).toBe(1);
  });

  it("a group whose write fails for any other reason acknowledges nothing: every batch in it gets the error, and the next group is written", async () => {
    const batches = Array.from({ length: 5 }, () => [rowOf()]);
    connectionLoss.armed = true;
    const answers = batches.map((rows) => replyStore(watched)(rows));
    const settled = await Promise.allSettled(answers);
    connectionLoss.armed = false;
    expect(settled.map((s) => s.status)).toEqual(batches.map(() => "rejected"));
    for (const [row] of batches) expect(await countReplies(ctx.db, { id: row.id })).toBe(0);
    const after = rowOf();
    expect([...(await replyStore(watched)([after])).written]).toEqual([after.id]);
  });
});
