// The organiser's numbering of a fiscal year's workshops in the report, stored as a position per workshop.
import type { OutriggerDatabase } from "./database";

/** The year's workshop ids that are not in the list (an order may only name the year's own workshops). */
export async function workshopsOutsideYear(
  db: OutriggerDatabase,
  fiscalYear: string,
  workshopIds: readonly string[],
): Promise<string[]> {
  if (workshopIds.length === 0) return [];
  const rows = await db
    .selectFrom("workshops")
    .select("id")
    .where("fiscal_year", "=", fiscalYear)
    .where("id", "in", [...workshopIds])
    .execute();
  const inYear = new Set(rows.map((r) => r.id));
  return workshopIds.filter((id) => !inYear.has(id));
}

/** Numbers the named workshops 1, 2, … in that order; the year's other workshops go back to chronological, after them. */
export async function saveReportOrder(
  db: OutriggerDatabase,
  fiscalYear: string,
  workshopIds: readonly string[],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("workshops").set({ report_position: null }).where("fiscal_year", "=", fiscalYear).execute();
    for (const [i, id] of workshopIds.entries()) {
      await tx
        .updateTable("workshops")
        .set({ report_position: i + 1 })
        .where("id", "=", id)
        .where("fiscal_year", "=", fiscalYear)
        .execute();
    }
  });
}
