// A campaign's own e-mail templates (invitation, reminder), and when each invitation's invitation e-mail went out.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("campaign_message_templates")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("reply_to", "text")
    // JSON: an array of addresses.
    .addColumn("cc", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_message_templates_pk", ["campaign_id", "kind"])
    .execute();
  await db.schema.alterTable("invitations").addColumn("invitation_emailed_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").dropColumn("invitation_emailed_at").execute();
  await db.schema.dropTable("campaign_message_templates").ifExists().execute();
}
