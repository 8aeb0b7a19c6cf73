// Upgrades that keep data: a failed migration leaves the database as it was; a newer database is refused untouched.
import { sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/server/db/migrate";
import { inCodeMigrations } from "../../src/server/db/migrations/index";
import { databaseEngine, type OutriggerDatabase } from "../../src/server/db/database";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";

/** The shipped migrations plus one more that changes the schema and data, then fails half-way. */
function withBrokenMigration(): MigrationProvider {
  const broken: Migration = {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable("half_done").addColumn("id", "integer").execute();
      await db.schema.alterTable("administrations").addColumn("half_done_note", "text").execute();
      await sql`update administrations set name = 'overwritten by a broken migration'`.execute(db);
      throw new Error("the disk was full (simulated)");
    },
  };
  return { getMigrations: async () => ({ ...(await inCodeMigrations.getMigrations()), "9990_broken": broken }) };
}

async function appliedNames(db: OutriggerDatabase): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Tables of this test's own database only: on PostgreSQL, Kysely's introspection also lists other test files' schemas. */
async function ownTables(db: OutriggerDatabase) {
  const tables = await db.introspection.getTables();
  if (databaseEngine(db) === "sqlite") return tables;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return tables.filter((t) => t.schema === rows[0]?.schema);
}

async function tableExists(db: OutriggerDatabase, name: string): Promise<boolean> {
  return (await ownTables(db)).some((t) => t.name === name);
}

describe.each(ENGINES)("migrations on %s", (engine) => {
  let test: TestDatabase | undefined;
  let db: OutriggerDatabase | undefined;

  afterEach(async () => {
    await db?.destroy();
    await test?.dispose();
    db = undefined;
    test = undefined;
  });

  async function freshDatabase(): Promise<OutriggerDatabase> {
    test = await createTestDatabase(engine);
    db = test.open();
    return db;
  }

  it("a migration that fails half-way leaves the schema, the data and the migration list as they were", async () => {
    const db = await freshDatabase();
    await migrateToLatest(db);
    await sql`insert into administrations (code, name, sub_region) values ('FJ', 'Fiji', 'Pacific')`.execute(db);
    const before = await appliedNames(db);

    await expect(migrateToLatest(db, withBrokenMigration())).rejects.toThrow(/9990_broken failed: the disk was full/);

    expect(await appliedNames(db)).toEqual(before);
    expect(await tableExists(db, "half_done")).toBe(false);
    const columns = (await ownTables(db)).find((t) => t.name === "administrations")?.columns.map((c) => c.name);
    expect(columns).not.toContain("half_done_note");
    const { rows } = await sql<{ name: string }>`select name from administrations where code = 'FJ'`.execute(db);
    expect(rows[0]?.name).toBe("Fiji");
    // And the next start with the fixed code migrates normally.
    expect((await migrateToLatest(db)).applied).toEqual([]);
  });

  it("a failure in the last of several pending migrations undoes the earlier ones of the same start too", async () => {
    const db = await freshDatabase();
    await expect(migrateToLatest(db, withBrokenMigration())).rejects.toThrow(/9990_broken failed/);
    expect(await tableExists(db, "administrations")).toBe(false);
    expect((await migrateToLatest(db)).applied).toContain("0009_attachment_refusals");
  });

  it("refuses a database made by a newer version in a plain sentence, and changes nothing", async () => {
    const db = await freshDatabase();
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('0042_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
      db,
    );
    const before = await appliedNames(db);

    await expect(migrateToLatest(db)).rejects.toThrow(
      "This database was made by a newer version of Outrigger (it has migration 0042_from_the_future that this version does not know). Install that version or newer; nothing was changed.",
    );
    expect(await appliedNames(db)).toEqual(before);
  });
});
