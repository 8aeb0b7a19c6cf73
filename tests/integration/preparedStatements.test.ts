// SQLite statements are prepared once per SQL text and reused: correct answers for other parameters, inside and outside transactions.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDatabase, type OutriggerDatabase } from "../../src/server/db/database";
import { migrateToLatest } from "../../src/server/db/migrate";

describe("SQLite prepared statements", () => {
  let db: OutriggerDatabase | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("prepares a query once however often it runs, and each run sees its own parameters", async () => {
    dir = mkdtempSync(join(tmpdir(), "outrigger-prepared-"));
    db = createDatabase(undefined, { dataDir: dir });
    await migrateToLatest(db);
    const prepare = vi.spyOn(SQLite.prototype, "prepare");
    const insert = (code: string, name: string) =>
      db!.insertInto("administrations").values({ code, name, sub_region: "Pacific" }).execute();
    const nameOf = async (code: string) =>
      (await db!.selectFrom("administrations").select("name").where("code", "=", code).executeTakeFirst())?.name;

    await db.transaction().execute(async (trx) => {
      await trx.insertInto("administrations").values({ code: "T1", name: "First", sub_region: "Pacific" }).execute();
      await trx.insertInto("administrations").values({ code: "T2", name: "Second", sub_region: "Pacific" }).execute();
    });
    await insert("T3", "Third");
    expect([await nameOf("T1"), await nameOf("T2"), await nameOf("T3"), await nameOf("none")]).toEqual([
      "First",
      "Second",
      "Third",
      undefined,
    ]);

    const texts = prepare.mock.calls.map(([text]) => String(text));
    expect(texts.filter((text) => /^insert into "administrations"/.test(text))).toHaveLength(1);
    expect(texts.filter((text) => /^select "name" from "administrations"/.test(text))).toHaveLength(1);
    expect(
      await sql<{ n: number }>`select count(*) as n from administrations where code like 'T%'`
        .execute(db)
        .then((r) => r.rows[0].n),
    ).toBe(3);
  });
});
