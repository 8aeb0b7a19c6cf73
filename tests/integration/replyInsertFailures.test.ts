// insertReplies on both engines: a row the database refuses costs only that row, with the database's reason; any other failure throws and refuses nothing.
import { randomUUID } from "node:crypto";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countReplies, insertReplies } from "../../src/server/db/replies";
import { replyContentHash, replyRow } from "../../src/server/http/replyIntake";
import { parsedReply } from "./support/replyFixtures";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

/** What the n-th insert into replies meets: an error thrown before it reaches the database, or nothing (it runs). */
function failingInserts(errors: ReadonlyArray<Error | undefined>): KyselyPlugin {
  let inserts = 0;
  return {
    transformQuery({ node }) {
      if (node.kind === "InsertQueryNode" && JSON.stringify(node.into).includes('"replies"')) {
        const error = errors[inserts++];
        if (error) throw error;
      }
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

/** An error as pg or better-sqlite3 throws it, with its code. */
const coded = (message: string, code: string) => Object.assign(new Error(message), { code });
/** PostgreSQL's check_violation: the database will never take this row. */
const refusal = (message: string) => coded(message, "23514");
/** PostgreSQL's admin_shutdown: a failure of the database, not of the row. */
const lostConnection = () => coded("terminating connection due to administrator command", "57P01");

const rowOf = () => {
  const reply = parsedReply();
  return replyRow(reply, replyContentHash(reply), { receiptId: randomUUID(), receivedAt: "2024-02-01T10:00:00.000Z" });
};

describe.each(ENGINES)("inserting reply rows when the database fails (%s)", (engine) => {
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, new Date("2024-02-01T10:00:00.000Z"));
  });
  afterAll(() => ctx.close());

  it("a refused statement is retried row by row: only the refused row is refused, with the database's reason", async () => {
    const [a, b, c] = [rowOf(), rowOf(), rowOf()];
    const db = ctx.db.withPlugin(failingInserts([refusal("the whole statement"), undefined, refusal("row b")]));
    const { written, refused } = await insertReplies(db, [a, b, c]);
    expect([...written].sort()).toEqual([a.id, c.id].sort());
    expect([...refused]).toEqual([[b.id, "row b"]]);
    expect(await countReplies(ctx.db, { id: b.id })).toBe(0);
  });

  it("a failure that is not a refusal throws at once, even if a retry would have worked: nothing written", async () => {
    const [a, b] = [rowOf(), rowOf()];
    const db = ctx.db.withPlugin(failingInserts([lostConnection()]));
    await expect(insertReplies(db, [a, b])).rejects.toThrow(/administrator command/);
    expect(await countReplies(ctx.db, { id: a.id })).toBe(0);
    expect(await countReplies(ctx.db, { id: b.id })).toBe(0);
  });

  it("a failure that is not a refusal while trying row by row throws: that row is not refused for good", async () => {
    const [a, b] = [rowOf(), rowOf()];
    const db = ctx.db.withPlugin(failingInserts([refusal("the whole statement"), undefined, lostConnection()]));
    await expect(insertReplies(db, [a, b])).rejects.toThrow(/administrator command/);
    expect(await countReplies(ctx.db, { id: b.id })).toBe(0);
  });
});
