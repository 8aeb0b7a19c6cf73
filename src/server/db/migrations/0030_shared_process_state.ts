// State that several server processes on one PostgreSQL database must share: attempt counts of the sign-in and
// invitation-guess limits, and the leases on tus uploads (which process may append to an upload right now).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("access_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    // "pair:<email>\n<source>", "source:<address>", "account:<email>", "lookup:<address>" (see src/server/auth).
    .addColumn("attempt_key", "text", (c) => c.notNull())
    .addColumn("attempted_at_ms", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("access_attempts_key_idx")
    .on("access_attempts")
    .columns(["attempt_key", "attempted_at_ms"])
    .execute();

  await db.schema
    .createTable("upload_locks")
    .addColumn("upload_id", "text", (c) => c.primaryKey())
    // Process and request holding the lease; renewed while the request runs, free for others once expired.
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at_ms", "bigint", (c) => c.notNull())
    // Another request wants this upload: the holder ends its request (tus "request release") and lets go.
    .addColumn("release_requested", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["upload_locks", "access_attempts"]) await db.schema.dropTable(table).ifExists().execute();
}
