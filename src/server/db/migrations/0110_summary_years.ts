// Past years kept as their published per-workshop figures, for comparisons and trends when the raw replies are not here.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("summary_years")
    // "2021/22": one summary per fiscal year.
    .addColumn("fiscal_year", "text", (c) => c.primaryKey())
    // JSON: { "workshops": [...] } as src/shared/report/summaryYear.ts summaryYearFigures, checked before storing.
    .addColumn("figures", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("summary_years").ifExists().execute();
}
