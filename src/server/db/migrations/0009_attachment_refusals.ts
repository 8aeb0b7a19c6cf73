// Attachment uploads refused when they finished (content not what its type says): the refusal is kept so HEAD/PATCH can say why.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("attachment_uploads").addColumn("refused_code", "text").execute();
  await db.schema.alterTable("attachment_uploads").addColumn("refused_message", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("attachment_uploads").dropColumn("refused_message").execute();
  await db.schema.alterTable("attachment_uploads").dropColumn("refused_code").execute();
}
