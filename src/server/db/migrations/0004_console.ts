// The organiser console: accounts, sessions, the first-start setup token, and workshop participants.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisers")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Stored lower-cased, so the unique constraint is case-insensitive on both engines.
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    // "scrypt$N$r$p$salt$hash": the parameters travel with the hash so they can be raised later.
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("sessions")
    // sha-256 (hex) of the cookie's random id: a copy of the database does not let anyone sign in.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organiser_id", "text", (c) => c.notNull().references("organisers.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_organiser_idx").on("sessions").column("organiser_id").execute();

  await db.schema
    .createTable("setup_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("participants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workshop_id", "text", (c) => c.notNull().references("workshops.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("administration_code", "text", (c) => c.notNull().references("administrations.code"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("position", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("participants_workshop_idx").on("participants").column("workshop_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["participants", "setup_tokens", "sessions", "organisers"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
