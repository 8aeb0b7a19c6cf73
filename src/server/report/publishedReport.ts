// The report as the office publishes it, from the database: the published tables and the Word draft.
import { draftOutline, publishedTables, type PublishedTable, type ReportLanguage } from "../../shared/report";
import type { OutriggerDatabase } from "../db/database";
import { reportQuotesOf } from "./curation";
import { buildReportWithReplies, type BuiltReport } from "./reportData";
import { wordDraft } from "./wordDraft";

export interface PublishedReport {
  built: BuiltReport;
  tables: PublishedTable[];
}

export async function publishedReportOf(
  db: OutriggerDatabase,
  fiscalYear: string,
  language: ReportLanguage = "en",
): Promise<PublishedReport> {
  const { built, replies } = await buildReportWithReplies(db, fiscalYear);
  return { built, tables: publishedTables(built.report, replies, language) };
}

/** The .docx draft: the published tables, the computed sentences with last year's figures, the picked quotes. */
export async function wordDraftOf(
  db: OutriggerDatabase,
  fiscalYear: string,
  language: ReportLanguage = "en",
): Promise<Uint8Array> {
  const { built, tables } = await publishedReportOf(db, fiscalYear, language);
  const quotes = await reportQuotesOf(db, fiscalYear);
  return wordDraft(
    draftOutline({ report: built.report, comparison: built.comparison, tables, quotes }, language),
    language,
  );
}
