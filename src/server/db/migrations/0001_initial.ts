// The first schema: directory, questionnaires, campaigns, invitations and replies.
import type { Kysely } from "kysely";

// Migrations see the database as it was at their time, so they use an untyped handle.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("administrations")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("sub_region", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("workshops")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("fiscal_year", "text", (c) => c.notNull())
    .addColumn("starts_on", "text")
    .addColumn("ends_on", "text")
    .addColumn("location", "text")
    .addColumn("participating_administrations", "integer")
    .execute();

  await db.schema
    .createTable("workshop_administrations")
    .addColumn("workshop_id", "text", (c) => c.notNull().references("workshops.id").onDelete("cascade"))
    .addColumn("administration_code", "text", (c) => c.notNull().references("administrations.code"))
    .addPrimaryKeyConstraint("workshop_administrations_pk", ["workshop_id", "administration_code"])
    .execute();

  await db.schema
    .createTable("questionnaires")
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("questionnaires_pk", ["id", "version"])
    .execute();

  await db.schema
    .createTable("campaigns")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workshop_id", "text", (c) => c.notNull().references("workshops.id"))
    .addColumn("questionnaire_id", "text", (c) => c.notNull())
    .addColumn("questionnaire_version", "integer", (c) => c.notNull())
    .addColumn("opens_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("late_replies_accepted", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addForeignKeyConstraint(
      "campaigns_questionnaire_fk",
      ["questionnaire_id", "questionnaire_version"],
      "questionnaires",
      ["id", "version"],
    )
    .execute();

  await db.schema
    .createTable("invitations")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id"))
    .addColumn("participant_name", "text")
    .addColumn("email", "text")
    .addColumn("administration_code", "text")
    .addColumn("position", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("invitations_campaign_idx").on("invitations").column("campaign_id").execute();

  await db.schema
    .createTable("replies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id"))
    .addColumn("invitation_code", "text", (c) => c.notNull().references("invitations.code"))
    .addColumn("questionnaire_id", "text", (c) => c.notNull())
    .addColumn("questionnaire_version", "integer", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("app_version", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("receipt_id", "text", (c) => c.notNull().unique())
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("replies_campaign_idx").on("replies").column("campaign_id").execute();
  await db.schema.createIndex("replies_invitation_idx").on("replies").column("invitation_code").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "replies",
    "invitations",
    "campaigns",
    "questionnaires",
    "workshop_administrations",
    "workshops",
    "administrations",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
