// The tracking dashboard and the report: /api/console/tracking/:fiscalYear, /api/console/report/:fiscalYear and
// its exports (XLSX, JSON, one CSV per table, the raw replies as CSV), the tables as published (JSON, XLSX)
// and the Word draft; every export but the tables' CSVs carries the picked quotes (quotes.csv on its own).
// Fiscal years travel as "2022-23".
import type { Context } from "hono";
import { Hono } from "hono";
import { fiscalYearFromPath, fiscalYearToPath } from "../../../shared/console";
import { BOUND_TABLES, type BoundTableKey } from "../../../shared/report/bindings";
import { ANALYTIC_WORDING } from "../../../shared/report/analyticWording";
import { reportLanguageOf } from "../../../shared/report/publishedWording";
import { fiscalYearRange } from "../../../shared/report/fiscalYear";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import type { OutriggerDatabase } from "../../db/database";
import { findQuestionnaire } from "../../db/questionnaires";
import { saveReportOrder, workshopsOutsideYear } from "../../db/reportOrder";
import { reportOrderRequest } from "../../../shared/report/reportOrder";
import { jsonBody } from "../jsonBody";
import {
  buildReport,
  loadRepliesExport,
  loadYearData,
  publishedReportOf,
  publishedWorkbook,
  quotesToRows,
  wordDraftOf,
  replyTracking,
  REPORT_TABLES,
  reportToJson,
  reportToSheets,
  repliesToRows,
  tableToRows,
  toCsv,
  toXlsx,
  type Row,
  type Sheet,
} from "../../report";
import { ApiProblem } from "../errors";
import { reportQuotesOf } from "../../report/curation";
import { DEFAULT_QUESTIONNAIRE_ID } from "../../campaigns/newCampaign";
import { latestQuestionnaireVersion } from "../../db/campaigns";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";
export const JSON_TYPE = "application/json; charset=utf-8";
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "2022-23" → "2022/23"; 400 invalid_fiscal_year for anything else. */
export function fiscalYearParam(c: Context<ConsoleEnv>): string {
  const raw = c.req.param("fiscalYear") ?? "";
  const fiscalYear = fiscalYearFromPath(raw);
  try {
    if (fiscalYear === undefined) throw new RangeError(raw);
    fiscalYearRange(fiscalYear);
  } catch {
    throw new ApiProblem(
      400,
      "invalid_fiscal_year",
      `"${raw}" is not a fiscal year: write it like 2022-23 (July 2022 – June 2023).`,
    );
  }
  return fiscalYear;
}

function download(c: Context<ConsoleEnv>, body: string | Uint8Array, type: string, filename: string): Response {
  return c.body(typeof body === "string" ? body : (body as Uint8Array<ArrayBuffer>), 200, {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
}

const baseName = (fiscalYear: string) => `outrigger-report-${fiscalYearToPath(fiscalYear)}`;

/**
 * The raw replies as rows: one block per questionnaire version answered (a blank row between blocks);
 * with no replies, just the header of the latest follow-up questionnaire.
 */
async function repliesRows(db: OutriggerDatabase, fiscalYear: string): Promise<Row[]> {
  const groups = await loadRepliesExport(db, fiscalYear);
  if (groups.length === 0) {
    const version = await latestQuestionnaireVersion(db, DEFAULT_QUESTIONNAIRE_ID);
    const questionnaire =
      version === undefined ? undefined : await findQuestionnaire(db, DEFAULT_QUESTIONNAIRE_ID, version);
    return questionnaire ? repliesToRows([], questionnaire) : [];
  }
  return groups.flatMap((g, i) => (i === 0 ? g.rows : [[], ...g.rows]));
}

export function reportRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  // Viewers read all of this; only the report's workshop order is changed, by organisers.
  routes.use("/tracking/*", requireSession());
  routes.use("/report/*", requireSession());

  routes.get("/tracking/:fiscalYear", async (c) => c.json(await replyTracking(c.var.deps.db, fiscalYearParam(c))));

  routes.get("/report/:fiscalYear", async (c) => c.json(await buildReport(c.var.deps.db, fiscalYearParam(c))));

  // The seven tables as rows, as the exports have them but headed in `?lang=` (the console's language), with the
  // comparison and left-out replies as figures and codes: the console words those from its own catalogue.
  routes.get("/report/:fiscalYear/tables", async (c) => {
    const { report, previous, comparison, previousSource } = await buildReport(c.var.deps.db, fiscalYearParam(c));
    return c.json({
      fiscalYear: report.fiscalYear,
      replies: report.replies,
      sheets: reportToSheets(report, ANALYTIC_WORDING[reportLanguageOf(c.req.query("lang"))]),
      previousFiscalYear: previous?.fiscalYear ?? null,
      comparison: comparison.map(({ key, table, previous, current }) => ({ key, table, previous, current })),
      previousSource,
      // Per table number, the replies it could not count (their version does not feed it), for the screen to say so.
      leftOut: (Object.keys(report.leftOut) as BoundTableKey[]).flatMap((key) =>
        report.leftOut[key].map(({ reason: _english, ...group }) => ({ table: BOUND_TABLES[key].number, ...group })),
      ),
    });
  });

  // Tables 1–7 worded and marked as the office prints them: what the screen's "As published" view shows. This, the
  // published XLSX and the Word draft are worded in `?lang=` (en, the default, or fr), the console's language.
  routes.get("/report/:fiscalYear/published", async (c) => {
    const { built, tables } = await publishedReportOf(
      c.var.deps.db,
      fiscalYearParam(c),
      reportLanguageOf(c.req.query("lang")),
    );
    return c.json({ fiscalYear: built.report.fiscalYear, tables });
  });

  // The organiser's numbering of the year's workshops, used by every table, export and the Word draft.
  routes.put("/report/:fiscalYear/order", requireOrganiser(), jsonBody(reportOrderRequest), async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const { db } = c.var.deps;
    const { workshopIds } = c.req.valid("json");
    const outside = await workshopsOutsideYear(db, fiscalYear, workshopIds);
    if (outside.length > 0)
      throw new ApiProblem(
        422,
        "unknown_workshop",
        `Only workshops of FY ${fiscalYear} can be numbered in its report.`,
        outside.map((id) => ({
          path: "workshopIds",
          code: "unknown_workshop",
          message: `No workshop ${id} in FY ${fiscalYear}.`,
        })),
      );
    await saveReportOrder(db, fiscalYear, workshopIds);
    const { workshops } = await loadYearData(db, fiscalYear);
    return c.json({ fiscalYear, workshopIds: workshops.map((w) => w.id) });
  });

  routes.get("/report/:fiscalYear/published.xlsx", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const language = reportLanguageOf(c.req.query("lang"));
    const { tables } = await publishedReportOf(c.var.deps.db, fiscalYear, language);
    return download(
      c,
      await publishedWorkbook(fiscalYear, tables, language),
      XLSX_TYPE,
      `${baseName(fiscalYear)}-as-published.xlsx`,
    );
  });

  routes.get("/report/:fiscalYear/draft.docx", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const language = reportLanguageOf(c.req.query("lang"));
    return download(
      c,
      await wordDraftOf(c.var.deps.db, fiscalYear, language),
      DOCX_TYPE,
      `${baseName(fiscalYear)}-draft.docx`,
    );
  });

  routes.get("/report/:fiscalYear/export.json", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const built = await buildReport(c.var.deps.db, fiscalYear);
    return download(
      c,
      reportToJson(built.report, {
        previous: built.previous,
        comparison: built.comparison,
        generatedAt: c.var.deps.now(),
        quotes: (await reportQuotesOf(c.var.deps.db, fiscalYear)).headings,
      }),
      JSON_TYPE,
      `${baseName(fiscalYear)}.json`,
    );
  });

  routes.get("/report/:fiscalYear/export.xlsx", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const { db } = c.var.deps;
    const { report } = await buildReport(db, fiscalYear);
    const sheets: Sheet[] = [
      ...reportToSheets(report),
      { name: "Replies", rows: await repliesRows(db, fiscalYear) },
      { name: "Quotes", rows: quotesToRows(await reportQuotesOf(db, fiscalYear)) },
    ];
    return download(c, toXlsx(sheets), XLSX_TYPE, `${baseName(fiscalYear)}.xlsx`);
  });

  routes.get("/report/:fiscalYear/replies.csv", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    return download(
      c,
      toCsv(await repliesRows(c.var.deps.db, fiscalYear)),
      CSV_TYPE,
      `${baseName(fiscalYear)}-replies.csv`,
    );
  });

  routes.get("/report/:fiscalYear/quotes.csv", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    return download(
      c,
      toCsv(quotesToRows(await reportQuotesOf(c.var.deps.db, fiscalYear))),
      CSV_TYPE,
      `${baseName(fiscalYear)}-quotes.csv`,
    );
  });

  routes.get("/report/:fiscalYear/tables/:file", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const m = /^([1-7])\.csv$/.exec(c.req.param("file"));
    if (!m)
      throw new ApiProblem(404, "unknown_table", "The report has tables 1 to 7: ask for tables/1.csv … tables/7.csv.");
    const number = Number(m[1]);
    const table = REPORT_TABLES.find((t) => t.number === number);
    if (!table) throw new ApiProblem(404, "unknown_table", "The report has tables 1 to 7.");
    const { report } = await buildReport(c.var.deps.db, fiscalYear);
    return download(
      c,
      toCsv(tableToRows(report.tables[table.key] as Parameters<typeof tableToRows>[0])),
      CSV_TYPE,
      `${baseName(fiscalYear)}-table-${number}.csv`,
    );
  });

  return routes;
}
