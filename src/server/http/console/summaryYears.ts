// Past years kept as published figures, and the trends across years (mounted at /api/console).
//
// | method | path                                  | what                                                  | who may call |
// | ------ | ------------------------------------- | ----------------------------------------------------- | ------------ |
// | GET    | /summary-years                        | the stored years, oldest first                        | any role     |
// | GET    | /summary-years/:fiscalYear            | one year's per-workshop figures                       | any role     |
// | PUT    | /summary-years/:fiscalYear            | JSON { workshops } → the year's figures, whole        | organiser    |
// | DELETE | /summary-years/:fiscalYear            | forget the year                                       | organiser    |
// | POST   | /summary-years/:fiscalYear/import     | an .xlsx or .csv summary sheet (≤ 2 MB) → the year    | organiser    |
// | GET    | /summary-years/:fiscalYear/sheet.xlsx | the year as a summary sheet (also the template)       | any role     |
// | GET    | /summary-years-template.xlsx          | the summary sheet with its header only                | any role     |
// | GET    | /trends                               | every year's headline percentages, and per sub-region | any role     |
import type { Context } from "hono";
import { Hono } from "hono";
import {
  headlineFigures,
  readSummarySheet,
  summarySheetRows,
  summaryYearFigures,
  type PlainSheet,
  type SummaryYearListing,
  type SummarySheetIssue,
  type TrendsYear,
} from "../../../shared/report";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import {
  deleteSummaryYear,
  findSummaryYear,
  fiscalYearsWithWorkshops,
  listSummaryYears,
  saveSummaryYear,
} from "../../db/summaryYears";
import { bindingsByVersion } from "../../../shared/report";
import { subRegionFigures, subRegionSeries, type SubRegionYear } from "../../../shared/report/subRegionTrends";
import { listAdministrations } from "../../db/directory";
import { listBoundVersions } from "../../db/reportBindings";
import { loadReportInput, yearReport } from "../../report";
import {
  readSummaryCsv,
  readSummaryWorkbook,
  UnreadableSummaryFile,
  writeSummaryWorkbook,
} from "../../report/summaryWorkbook";
import { ApiProblem } from "../errors";
import { jsonBody, limitBody } from "../jsonBody";
import { XLSX_TYPE, fiscalYearParam } from "./report";

export const MAX_SUMMARY_SHEET_BYTES = 2 * 1024 * 1024;
/** Every workshop row of a year sent as JSON fits well inside this. */
const MAX_SUMMARY_JSON_BYTES = 512 * 1024;

function issueDetail(i: SummarySheetIssue) {
  const where =
    i.column === "" ? `Sheet "${i.sheet}", row ${i.row}` : `Sheet "${i.sheet}", row ${i.row}, column "${i.column}"`;
  return {
    path: `${i.sheet}[${i.row}].${i.column}`,
    code: "summary_sheet_refused",
    message: `${where}: ${i.message}.`,
    place: { sheet: i.sheet, row: i.row, ...(i.column === "" ? {} : { column: i.column }) },
    reason: i.message,
    ...(i.problem ? { problem: i.problem } : {}),
  };
}

async function readUpload(c: Context<ConsoleEnv>): Promise<PlainSheet> {
  const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  try {
    if (type === XLSX_TYPE || type === "application/octet-stream")
      return await readSummaryWorkbook(new Uint8Array(await c.req.arrayBuffer()));
    if (type === "text/csv") return readSummaryCsv(await c.req.text());
  } catch (error) {
    if (error instanceof UnreadableSummaryFile)
      throw new ApiProblem(
        400,
        "unreadable_summary_sheet",
        `This file could not be read as a summary sheet: ${error.message}.`,
      );
    throw error;
  }
  throw new ApiProblem(415, "unsupported_media_type", "Send the summary sheet as an .xlsx or a .csv file.");
}

export function summaryYearRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.use("/summary-years/*", requireSession());
  routes.use("/trends", requireSession());

  routes.get("/summary-years", async (c) => {
    const years = await listSummaryYears(c.var.deps.db);
    return c.json({
      years: years.map((y): SummaryYearListing => ({
        fiscalYear: y.fiscalYear,
        workshops: y.workshops.length,
        replies: y.workshops.reduce((n, w) => n + w.replies, 0),
        updatedAt: y.updatedAt,
      })),
    });
  });

  routes.get("/summary-years/:fiscalYear", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const summary = await findSummaryYear(c.var.deps.db, fiscalYear);
    if (!summary) throw new ApiProblem(404, "not_found", `No figures are stored for FY ${fiscalYear}.`);
    return c.json(summary);
  });

  routes.put(
    "/summary-years/:fiscalYear",
    requireOrganiser(),
    jsonBody(summaryYearFigures, { maxBytes: MAX_SUMMARY_JSON_BYTES }),
    async (c) => {
      const fiscalYear = fiscalYearParam(c);
      const { db, now } = c.var.deps;
      await saveSummaryYear(
        db,
        { fiscalYear, ...c.req.valid("json") },
        c.var.session.organiser.id,
        now().toISOString(),
      );
      return c.json(await findSummaryYear(db, fiscalYear));
    },
  );

  routes.delete("/summary-years/:fiscalYear", requireOrganiser(), async (c) => {
    const fiscalYear = fiscalYearParam(c);
    if (!(await deleteSummaryYear(c.var.deps.db, fiscalYear)))
      throw new ApiProblem(404, "not_found", `No figures are stored for FY ${fiscalYear}.`);
    return c.body(null, 204);
  });

  routes.post(
    "/summary-years/:fiscalYear/import",
    requireOrganiser(),
    limitBody(MAX_SUMMARY_SHEET_BYTES, "A summary sheet may be at most 2 MB."),
    async (c) => {
      const fiscalYear = fiscalYearParam(c);
      const { db, now } = c.var.deps;
      const read = readSummarySheet(await readUpload(c));
      if (!read.ok)
        throw new ApiProblem(
          422,
          "summary_sheet_refused",
          `The sheet was not imported: ${read.issues.length} cell(s) need correcting. Nothing was saved.`,
          read.issues.map(issueDetail),
        );
      await saveSummaryYear(
        db,
        { fiscalYear, workshops: read.workshops },
        c.var.session.organiser.id,
        now().toISOString(),
      );
      return c.json(await findSummaryYear(db, fiscalYear), 201);
    },
  );

  routes.get("/summary-years/:fiscalYear/sheet.xlsx", async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const summary = await findSummaryYear(c.var.deps.db, fiscalYear);
    const bytes = await writeSummaryWorkbook(summarySheetRows(summary?.workshops ?? []));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="outrigger-summary-${fiscalYear.replace("/", "-")}.xlsx"`,
    });
  });

  routes.get("/summary-years-template.xlsx", requireSession(), async (c) =>
    c.body((await writeSummaryWorkbook(summarySheetRows([]))) as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": 'attachment; filename="outrigger-summary-template.xlsx"',
    }),
  );

  routes.get("/trends", async (c) => {
    const { db } = c.var.deps;
    const stored = (await listSummaryYears(db)).map((y) => y.fiscalYear);
    const years = [...new Set([...stored, ...(await fiscalYearsWithWorkshops(db))])].sort();
    const trend: TrendsYear[] = [];
    // Per sub-region only where a year's replies are here: published figures are not split by administration.
    const bySubRegion: Array<{ fiscalYear: string; figures: SubRegionYear[] }> = [];
    const subRegionOf = new Map((await listAdministrations(db)).map((a) => [a.code, a.subRegion]));
    const bindingsOf = bindingsByVersion(await listBoundVersions(db));
    for (const fiscalYear of years) {
      const year = await yearReport(db, fiscalYear, bindingsOf);
      if (!year) continue;
      trend.push({
        fiscalYear,
        source: year.source,
        replies: year.report.replies,
        figures: headlineFigures(year.report),
      });
      if (year.source === "replies")
        bySubRegion.push({
          fiscalYear,
          figures: subRegionFigures(
            { fiscalYear, ...(await loadReportInput(db, fiscalYear)), bindingsOf },
            subRegionOf,
          ),
        });
    }
    return c.json({ years: trend, subRegions: subRegionSeries(bySubRegion) });
  });

  return routes;
}
