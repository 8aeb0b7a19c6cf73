// Stored summary years: a past fiscal year's published per-workshop figures, one row per year.
import { summaryYearFigures, type SummaryYear, type SummaryYearFigures } from "../../shared/report/summaryYear";
import type { OutriggerDatabase } from "./database";

export interface StoredSummaryYear extends SummaryYear {
  updatedBy: string;
  updatedAt: string;
}

/** A stored row read back: the figures were checked on the way in, and are checked again (never trusted blindly). */
function readFigures(text: string): SummaryYearFigures | undefined {
  try {
    const parsed = summaryYearFigures.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function findSummaryYear(
  db: OutriggerDatabase,
  fiscalYear: string,
): Promise<StoredSummaryYear | undefined> {
  const row = await db.selectFrom("summary_years").selectAll().where("fiscal_year", "=", fiscalYear).executeTakeFirst();
  const figures = row ? readFigures(row.figures) : undefined;
  if (!row || !figures) return undefined;
  return { fiscalYear, ...figures, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

/** Every stored summary year, oldest first. */
export async function listSummaryYears(db: OutriggerDatabase): Promise<StoredSummaryYear[]> {
  const rows = await db.selectFrom("summary_years").selectAll().orderBy("fiscal_year").execute();
  return rows.flatMap((row) => {
    const figures = readFigures(row.figures);
    return figures
      ? [{ fiscalYear: row.fiscal_year, ...figures, updatedBy: row.updated_by, updatedAt: row.updated_at }]
      : [];
  });
}

/** Replaces the year's figures whole (entering, editing and importing all store the full year). */
export async function saveSummaryYear(
  db: OutriggerDatabase,
  summary: SummaryYear,
  updatedBy: string,
  updatedAt: string,
): Promise<void> {
  const figures = JSON.stringify({ workshops: summary.workshops });
  await db
    .insertInto("summary_years")
    .values({ fiscal_year: summary.fiscalYear, figures, updated_by: updatedBy, updated_at: updatedAt })
    .onConflict((conflict) =>
      conflict.column("fiscal_year").doUpdateSet({ figures, updated_by: updatedBy, updated_at: updatedAt }),
    )
    .execute();
}

/** True when there was a summary to delete. */
export async function deleteSummaryYear(db: OutriggerDatabase, fiscalYear: string): Promise<boolean> {
  const result = await db.deleteFrom("summary_years").where("fiscal_year", "=", fiscalYear).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Fiscal years that have workshops of their own (raw data), oldest first: what the trends page lists besides summaries. */
export async function fiscalYearsWithWorkshops(db: OutriggerDatabase): Promise<string[]> {
  const rows = await db.selectFrom("workshops").select("fiscal_year").distinct().orderBy("fiscal_year").execute();
  return rows.map((r) => r.fiscal_year).filter((y): y is string => typeof y === "string" && y !== "");
}
