// A count of saves for each draft's definition and for each version's report bindings, so two organisers editing the
// same draft or bindings cannot overwrite each other; and who saved the draft last, and when.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("questionnaires")
    .addColumn("draft_revision", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable("questionnaires").addColumn("draft_updated_at", "text").execute();
  await db.schema.alterTable("questionnaires").addColumn("draft_updated_by", "text").execute();
  await db.schema
    .alterTable("questionnaires")
    .addColumn("report_bindings_revision", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("questionnaires").dropColumn("report_bindings_revision").execute();
  await db.schema.alterTable("questionnaires").dropColumn("draft_updated_by").execute();
  await db.schema.alterTable("questionnaires").dropColumn("draft_updated_at").execute();
  await db.schema.alterTable("questionnaires").dropColumn("draft_revision").execute();
}
