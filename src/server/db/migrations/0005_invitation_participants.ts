// Campaign invitations made from a workshop's participant list remember whom they were made for,
// so adding invitations later (participants added since) never invites the same person twice.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key: removing a participant keeps the invitation (and any reply already sent with it).
  await db.schema.alterTable("invitations").addColumn("participant_id", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").dropColumn("participant_id").execute();
}
