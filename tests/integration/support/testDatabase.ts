// Opens a fresh database for one test file: a temp SQLite file, or a new schema on the test PostgreSQL.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { SERVER_URL } from "./postgresRunDatabase";
import { createDatabase, type OutriggerDatabase } from "../../../src/server/db/database";
import { migrateToLatest } from "../../../src/server/db/migrate";
import { seedIfEmpty, type SeedResult } from "../../../src/server/db/seed";

export type Engine = "sqlite" | "postgres";

/**
 * TEST_DATABASE_URL names the PostgreSQL server (default: the local one); each run works in a database of its own
 * made there by the project's global setup (postgresRunDatabase.ts), each test file in a schema of that database.
 */
export const POSTGRES_URL = inject("postgresRunUrl") || SERVER_URL;

async function canReachPostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresReachable = await canReachPostgres();
if (!postgresReachable) {
  // The PostgreSQL half is part of the suite: only an explicit SKIP_POSTGRES=1 lets a run go without it.
  if (process.env.SKIP_POSTGRES !== "1")
    throw new Error(
      `PostgreSQL at ${POSTGRES_URL} is not reachable. Start it, set TEST_DATABASE_URL, or run with SKIP_POSTGRES=1 to test SQLite only.`,
    );
  console.warn(`[integration] PostgreSQL at ${POSTGRES_URL} is not reachable: the PostgreSQL runs are skipped.`);
}

/** The engines this run covers: always SQLite, PostgreSQL when it answers. */
export const ENGINES: Engine[] = postgresReachable ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabase {
  engine: Engine;
  /** What startServer() takes as databaseUrl (PostgreSQL) — undefined for SQLite, which uses dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  /** Opens another handle on the same database (e.g. for a server started in-process). */
  open(): OutriggerDatabase;
  dispose(): Promise<void>;
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dataDir = mkdtempSync(join(tmpdir(), "outrigger-it-"));
    return {
      engine,
      dataDir,
      open: () => createDatabase(undefined, { dataDir }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `it_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  const databaseUrl = withSearchPath(POSTGRES_URL, schema);
  return {
    engine,
    databaseUrl,
    open: () => createDatabase(databaseUrl),
    dispose: async () => {
      await admin.query(`drop schema "${schema}" cascade`);
      await admin.end();
    },
  };
}

/** A migrated, seeded database for tests that drive the app with app.request(). */
export async function openSeededDatabase(
  engine: Engine,
  now: Date,
): Promise<{ test: TestDatabase; db: OutriggerDatabase; seed: SeedResult; close(): Promise<void> }> {
  const test = await createTestDatabase(engine);
  const db = test.open();
  await migrateToLatest(db);
  const seed = await seedIfEmpty(db, now);
  return {
    test,
    db,
    seed,
    close: async () => {
      await db.destroy();
      await test.dispose();
    },
  };
}

/**
 * A migrated database and a second handle on it, as a second server process would hold (on PostgreSQL its own
 * pool; an SQLite file is served by one process, so there the second handle is the first).
 */
export async function openTwoHandles(
  engine: Engine,
): Promise<{ db: OutriggerDatabase; other: OutriggerDatabase; close(): Promise<void> }> {
  const test = await createTestDatabase(engine);
  const db = test.open();
  await migrateToLatest(db);
  const other = engine === "postgres" ? test.open() : db;
  return {
    db,
    other,
    close: async () => {
      if (other !== db) await other.destroy();
      await db.destroy();
      await test.dispose();
    },
  };
}
