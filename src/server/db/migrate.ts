// Brings the schema up to date; run on every start.
import { Migrator, sql } from "kysely";
import { databaseEngine, type OutriggerDatabase } from "./database";
import { inCodeMigrations } from "./migrations/index";

export interface MigrationOutcome {
  applied: string[];
}

/** A Kysely migrator over the migrations in code (also used by tests that stop at an earlier migration). */
export async function createMigrator(db: OutriggerDatabase): Promise<Migrator> {
  // On PostgreSQL, Kysely looks for its bookkeeping table in every schema unless told which;
  // naming the current one keeps databases that share a server (tests) apart.
  let migrationTableSchema: string | undefined;
  if (databaseEngine(db) === "postgres") {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
  }
  return new Migrator({ db, provider: inCodeMigrations, migrationTableSchema });
}

export async function migrateToLatest(db: OutriggerDatabase): Promise<MigrationOutcome> {
  const { error, results } = await (await createMigrator(db)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName) };
}
