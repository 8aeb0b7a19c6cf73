// A campaign that holds an earlier round's replies imported from an export, not sent from phones.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // When its replies were imported; null for every campaign run here.
  await db.schema.alterTable("campaigns").addColumn("imported_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("campaigns").dropColumn("imported_at").execute();
}
