// The column mapping an organiser chose for a participants file, remembered office-wide by the file's header line.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("import_mappings")
    // src/shared/importMapping.ts headerKey: the squeezed headers joined, so the same export matches in any case.
    .addColumn("header_key", "text", (c) => c.primaryKey())
    // JSON: the headers as written and, per header, the column it fills or "ignore".
    .addColumn("mapping", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("import_mappings").ifExists().execute();
}
