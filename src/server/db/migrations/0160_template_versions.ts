// A version per campaign e-mail template, so two organisers saving the same wording cannot overwrite each other; a
// template put back to the office's default keeps its row (and its count of saves), marked as the default.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("campaign_message_templates")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  // 1 when the campaign uses the office's default wording again (the row's own text is then not used).
  await db.schema
    .alterTable("campaign_message_templates")
    .addColumn("is_default", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("campaign_message_templates").dropColumn("is_default").execute();
  await db.schema.alterTable("campaign_message_templates").dropColumn("version").execute();
}
