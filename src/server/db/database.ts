// One Kysely setup for both engines: embedded SQLite by default, PostgreSQL when given a postgres:// URL.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresAdapter, PostgresDialect, SqliteAdapter, SqliteDialect, type SqliteDatabase } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type DatabaseEngine = "sqlite" | "postgres";
export type OutriggerDatabase = Kysely<Database>;

export const SQLITE_FILE_NAME = "outrigger.sqlite";

export interface DatabaseOptions {
  /** Folder of the SQLite file when no URL is given (default ./data, or DATA_DIR). */
  dataDir?: string;
}

export function isPostgresUrl(url: string | undefined): boolean {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/** The SQLite file a non-PostgreSQL `url` (a path, `sqlite:…`, or empty for `<dataDir>/outrigger.sqlite`) names. */
export function sqliteFilePath(url?: string, dataDir?: string): string {
  return url && url.length > 0
    ? resolve(url.replace(/^sqlite:(\/\/)?/i, ""))
    : join(resolve(dataDir ?? process.env.DATA_DIR ?? "data"), SQLITE_FILE_NAME);
}

/**
 * Opens the database. `url` may be a postgres:// URL, a path to an SQLite file, or empty for
 * the default embedded file `<dataDir>/outrigger.sqlite`.
 */
export function createDatabase(url?: string, options: DatabaseOptions = {}): OutriggerDatabase {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url as string, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = sqliteFilePath(url, options.dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers proceed during a write. FULL syncs the WAL at every commit: a reply the server
  // acknowledged survives a power cut too (NORMAL only survives a crash of this process).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({
    dialect: new TransactionalDdlSqliteDialect({ database: reusingStatements(sqlite) }),
  });
  sqliteFiles.set(db, file);
  return db;
}

/** The file of each SQLite database createDatabase() opened: reply commits open a second connection to it (replyCommits.ts). */
const sqliteFiles = new WeakMap<OutriggerDatabase, string>();

export function sqliteFileOf(db: OutriggerDatabase): string | undefined {
  return sqliteFiles.get(db);
}

/** How many distinct statements are kept prepared; the app has far fewer, so this only bounds a leak. */
const PREPARED_STATEMENTS_KEPT = 500;

/**
 * Kysely prepares every query again; preparing costs about as much as running a small one. The same SQL text
 * always gets the same prepared statement back. Safe because Kysely's SQLite connection runs one query at a
 * time (its mutex), so a statement is never used by two queries at once.
 */
export function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText) {
      let statement = prepared.get(sqlText);
      if (!statement) {
        if (prepared.size >= PREPARED_STATEMENTS_KEPT) prepared.clear();
        statement = sqlite.prepare(sqlText);
        prepared.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/**
 * SQLite changes its schema inside transactions too, but Kysely's adapter says it does not; saying so
 * makes the Migrator run one start's migrations in one transaction, so a failed upgrade changes nothing.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function databaseEngine(db: Kysely<unknown> | OutriggerDatabase): DatabaseEngine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
