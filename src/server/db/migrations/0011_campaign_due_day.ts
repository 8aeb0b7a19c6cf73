// A campaign's due date becomes a calendar day (due_on, YYYY-MM-DD) instead of an instant (due_at), so it shows as
// the same day in Tonga and in Kathmandu. Each stored instant becomes its UTC day: the console entered a day D as
// D 23:59:59 UTC and defaults were UTC midnights, so that is exactly the day the organiser chose.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("campaigns")
    .addColumn("due_on", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // Stored instants are all toISOString() output ("2026-12-20T23:59:59.000Z"), so the first ten characters are the UTC day.
  await sql`update campaigns set due_on = substr(due_at, 1, 10)`.execute(db);
  await db.schema.alterTable("campaigns").dropColumn("due_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("campaigns")
    .addColumn("due_at", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // The end of the day in UTC, the instant the console used to write for a due day.
  await sql`update campaigns set due_at = due_on || 'T23:59:59.000Z'`.execute(db);
  await db.schema.alterTable("campaigns").dropColumn("due_on").execute();
}
