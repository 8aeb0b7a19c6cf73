// An invitation the organiser withdrew: it takes no new replies and leaves the counts, its earlier replies kept but marked.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").addColumn("withdrawn_at", "text").execute();
  // The organiser's id, so the campaign page can say who withdrew it.
  await db.schema.alterTable("invitations").addColumn("withdrawn_by", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").dropColumn("withdrawn_by").execute();
  await db.schema.alterTable("invitations").dropColumn("withdrawn_at").execute();
}
