// Report bindings beside each questionnaire version: which question and options feed each report table (JSON text),
// and who set them last. Null until bound; the start-up seed binds the shipped versions 1 and 2 from their data files.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ["report_bindings", "report_bindings_updated_at", "report_bindings_updated_by"]) {
    await db.schema.alterTable("questionnaires").addColumn(column, "text").execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ["report_bindings_updated_by", "report_bindings_updated_at", "report_bindings"]) {
    await db.schema.alterTable("questionnaires").dropColumn(column).execute();
  }
}
