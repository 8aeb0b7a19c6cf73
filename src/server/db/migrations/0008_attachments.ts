// Reply attachments uploaded with tus: the uploads begun (who may resume them, and the per-reply limit) and the files received.
import type { CreateTableBuilder, Kysely } from "kysely";

/** The columns an upload begun and a file received share: whose reply, which invitation, what file. */
function withFileColumns<T extends CreateTableBuilder<string, never>>(table: T): T {
  return table
    .addColumn("reply_id", "text", (c) => c.notNull().references("replies.id").onDelete("cascade"))
    .addColumn("invitation_code", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull()) as T;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // The phone's attachmentId (UUID v7), also the tus upload id; only this invitation may resume (HEAD/PATCH) it.
  await withFileColumns(db.schema.createTable("attachment_uploads").addColumn("id", "text", (c) => c.primaryKey()))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachment_uploads_reply_idx").on("attachment_uploads").column("reply_id").execute();

  await withFileColumns(db.schema.createTable("attachments").addColumn("id", "text", (c) => c.primaryKey()))
    .addColumn("sha256", "text", (c) => c.notNull())
    // Relative to the uploads folder (`<dataDir>/uploads`).
    .addColumn("stored_path", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachments_reply_idx").on("attachments").column("reply_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["attachments", "attachment_uploads"]) await db.schema.dropTable(table).ifExists().execute();
}
