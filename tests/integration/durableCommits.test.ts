// "Stored" means on disk: the embedded database syncs every commit, and PostgreSQL commits synchronously.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutriggerDatabase } from "../../src/server/db/database";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";

describe.each(ENGINES)("durable commits (%s)", (engine) => {
  let test: TestDatabase;
  let db: OutriggerDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(engine);
    db = test.open();
  });
  afterAll(async () => {
    await db.destroy();
    await test.dispose();
  });

  it("acknowledges a reply only after its commit is synced to disk, so a power cut cannot take it back", async () => {
    if (engine === "sqlite") {
      // WAL journal with synchronous=FULL (2): the WAL is fsynced at every commit, not only at checkpoints.
      const { rows: journal } = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);
      const { rows: sync } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(db);
      expect(journal[0].journal_mode).toBe("wal");
      expect(sync[0].synchronous).toBe(2);
    } else {
      // PostgreSQL's default, which this server relies on: a commit returns once its WAL record is flushed.
      const { rows } = await sql<{
        synchronous_commit: string;
      }>`SELECT current_setting('synchronous_commit') AS synchronous_commit`.execute(db);
      expect(rows[0].synchronous_commit).toBe("on");
    }
  });
});
