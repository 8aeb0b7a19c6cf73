// Brings the schema up to date; run on every start.
import { Migrator, sql, type MigrationProvider } from "kysely";
import { databaseEngine, type OutriggerDatabase } from "./database";
import { inCodeMigrations } from "./migrations/index";

export interface MigrationOutcome {
  applied: string[];
}

/** A Kysely migrator over the migrations in code (also used by tests that stop at an earlier migration). */
export async function createMigrator(
  db: OutriggerDatabase,
  provider: MigrationProvider = inCodeMigrations,
): Promise<Migrator> {
  // On PostgreSQL, Kysely looks for its bookkeeping table in every schema unless told which;
  // naming the current one keeps databases that share a server (tests) apart.
  let migrationTableSchema: string | undefined;
  if (databaseEngine(db) === "postgres") {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
  }
  return new Migrator({ db, provider, migrationTableSchema });
}

/** Raised before anything is touched when the database has migrations this code does not know. */
export class NewerDatabaseError extends Error {
  override name = "NewerDatabaseError";
}

/** The migrations already applied, or none when the bookkeeping table does not exist yet (a new database). */
async function appliedMigrationNames(db: OutriggerDatabase): Promise<string[]> {
  const exists =
    databaseEngine(db) === "postgres"
      ? (await sql<{ found: string | null }>`select to_regclass('kysely_migration')::text as found`.execute(db)).rows[0]
          ?.found != null
      : (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(db)
        ).rows.length > 0;
  if (!exists) return [];
  return (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
    (r) => r.name,
  );
}

/**
 * Runs every pending migration, all in one transaction (SQLite and PostgreSQL): if one fails, the database stays as it was.
 * `provider`: the migrations in code; tests pass others (e.g. one that fails).
 */
export async function migrateToLatest(
  db: OutriggerDatabase,
  provider: MigrationProvider = inCodeMigrations,
): Promise<MigrationOutcome> {
  // Kysely would only say "corrupted migrations"; an operator who restored a newer backup needs to know what to do.
  const known = new Set(Object.keys(await provider.getMigrations()));
  const unknown = (await appliedMigrationNames(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const list = unknown.join(", ");
    throw new NewerDatabaseError(
      `This database was made by a newer version of Outrigger (it has migration${unknown.length > 1 ? "s" : ""} ${list} that this version does not know). Install that version or newer; nothing was changed.`,
    );
  }
  const { error, results } = await (await createMigrator(db, provider)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(
      `Database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
