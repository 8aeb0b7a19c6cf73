// Archiving instead of deleting: a workshop or campaign with archived_at set leaves every list, count and report,
// its invitations take no new replies, and clearing the column brings it all back (the demo data uses it first).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("workshops").addColumn("archived_at", "text").execute();
  await db.schema.alterTable("workshops").addColumn("archived_by", "text").execute();
  await db.schema.alterTable("campaigns").addColumn("archived_at", "text").execute();
  await db.schema.alterTable("campaigns").addColumn("archived_by", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("campaigns").dropColumn("archived_by").execute();
  await db.schema.alterTable("campaigns").dropColumn("archived_at").execute();
  await db.schema.alterTable("workshops").dropColumn("archived_by").execute();
  await db.schema.alterTable("workshops").dropColumn("archived_at").execute();
}
