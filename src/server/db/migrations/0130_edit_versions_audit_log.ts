// Optimistic concurrency for what organisers edit through forms (a version per record, who changed it last) and
// the audit log of who changed what.
import type { Kysely } from "kysely";

/** Tables whose rows a console form saves; each row counts its saves from 1. */
const VERSIONED_TABLES = ["workshops", "participants", "campaigns"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .execute();
    // Organiser id and UTC time of the last save; null for rows not saved since this migration.
    await db.schema.alterTable(table).addColumn("updated_by", "text").execute();
    await db.schema.alterTable(table).addColumn("updated_at", "text").execute();
  }
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) => c.notNull())
    // The name as it was then: accounts can be renamed or disabled later.
    .addColumn("account_name", "text", (c) => c.notNull())
    // create | update | delete
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    // JSON { field: { before, after } }, bounded by src/shared/auditLog.ts.
    .addColumn("changes", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").columns(["at", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_log").ifExists().execute();
  for (const table of VERSIONED_TABLES) {
    await db.schema.alterTable(table).dropColumn("updated_at").execute();
    await db.schema.alterTable(table).dropColumn("updated_by").execute();
    await db.schema.alterTable(table).dropColumn("version").execute();
  }
}
