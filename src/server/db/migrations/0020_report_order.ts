// The organiser's numbering of a year's workshops in the report: a position per workshop (null: chronological).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("workshops").addColumn("report_position", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("workshops").dropColumn("report_position").execute();
}
