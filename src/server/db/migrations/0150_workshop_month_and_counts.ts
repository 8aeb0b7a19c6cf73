// Workshops known only by their month and by counts: earlier rounds' workshops often have no exact dates or lists.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // "2020-11" when the exact dates are not known; null when the workshop has dates (or nothing at all).
  await db.schema.alterTable("workshops").addColumn("month", "text").execute();
  // How many were invited when the invitations themselves are not here (an imported earlier round); null: count them.
  await db.schema.alterTable("workshops").addColumn("invited_participants", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("workshops").dropColumn("invited_participants").execute();
  await db.schema.alterTable("workshops").dropColumn("month").execute();
}
