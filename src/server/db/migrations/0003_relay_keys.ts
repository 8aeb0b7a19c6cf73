// Replies that travel by hand: each invitation gets a secret relay key (HMAC-SHA256, base64 of 32 random bytes).
import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").addColumn("relay_key", "text").execute();
  // Invitations made before this migration get theirs now, each its own (made here, not by the database, so both engines agree).
  const { rows } = await sql<{ code: string }>`select code from invitations where relay_key is null`.execute(db);
  for (const { code } of rows) {
    await sql`update invitations set relay_key = ${randomBytes(32).toString("base64")} where code = ${code}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("invitations").dropColumn("relay_key").execute();
}
