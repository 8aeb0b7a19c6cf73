// When the last reminder e-mail went out to an invitation (ISO 8601 UTC); null until one was sent by SMTP.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").addColumn("reminded_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").dropColumn("reminded_at").execute();
}
