// Every published version of a campaign's feedback is kept (campaign_feedback holds only the current one), so the
// console can load what was published and show the history. The current published versions are copied in.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("feedback_versions")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    // JSON, as in campaign_feedback: table numbers, and [{ replyId, questionId }].
    .addColumn("tables", "text", (c) => c.notNull())
    .addColumn("quotes", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_versions_pk", ["campaign_id", "version"])
    .execute();
  await sql`insert into feedback_versions (campaign_id, version, title, message, tables, quotes, published_at, published_by)
    select campaign_id, version, title, message, tables, quotes, published_at, published_by
    from campaign_feedback where published_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("feedback_versions").ifExists().execute();
}
