// Curation of free-text answers (tag, report heading, picked quote) and the feedback published per campaign.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("answer_tags")
    .addColumn("reply_id", "text", (c) => c.notNull().references("replies.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    // operational_improvement | strategic_empowerment | success_story | good_example
    .addColumn("tag", "text", (c) => c.notNull())
    // One of the report's headings (src/shared/feedback.ts REPORT_HEADINGS).
    .addColumn("heading", "text", (c) => c.notNull())
    .addColumn("quote", "integer", (c) => c.notNull().defaultTo(0))
    // The part of the answer the organiser chose to quote; null quotes the whole answer.
    .addColumn("excerpt", "text")
    .addColumn("tagged_by", "text", (c) => c.notNull())
    .addColumn("tagged_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("answer_tags_pk", ["reply_id", "question_id"])
    .execute();

  await db.schema
    .createTable("campaign_feedback")
    .addColumn("campaign_id", "text", (c) => c.primaryKey().references("campaigns.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    // JSON: [2, 3] (report table numbers)
    .addColumn("tables", "text", (c) => c.notNull())
    // JSON: [{ "replyId": …, "questionId": … }]
    .addColumn("quotes", "text", (c) => c.notNull())
    // Null while unpublished: the row stays so a later publication continues the version count.
    .addColumn("published_at", "text")
    .addColumn("published_by", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["campaign_feedback", "answer_tags"]) await db.schema.dropTable(table).ifExists().execute();
}
