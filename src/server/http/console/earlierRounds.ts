// An earlier round's raw replies imported from Outrigger's own replies export (mounted at /api/console).
//
// | method | path                                     | what                                                     | who may call |
// | ------ | ---------------------------------------- | -------------------------------------------------------- | ------------ |
// | POST   | /earlier-rounds/:fiscalYear/replies      | replies.csv or the export's .xlsx (≤ 5 MB) → stored       | organiser    |
// |        |   ?preview=1                              | the same checks and counts, nothing stored               | organiser    |
import type { Context } from "hono";
import { Hono } from "hono";
import ExcelJS from "exceljs";
import { CsvSyntaxError, parseCsv } from "../../../shared/csv";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { requireOrganiser, type ConsoleEnv } from "../../auth/middleware";
import { listAdministrationCodes } from "../../db/directory";
import { IMPORTED_APP_VERSION, previewImportedRound, storeImportedRound } from "../../db/importedRounds";
import type { Reply } from "../../../shared/reply";
import { findQuestionnaire } from "../../db/questionnaires";
import { importIssueLine, namedQuestionnaires, readRepliesImport, type ImportRows } from "../../report/repliesImport";
import { ApiProblem } from "../errors";
import { limitBody } from "../jsonBody";
import { replyContentHash } from "../replyHash";
import { XLSX_TYPE, fiscalYearParam } from "./report";

export const MAX_REPLIES_IMPORT_BYTES = 5 * 1024 * 1024;

class UnreadableRepliesFile extends Error {}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "formula" in value) return String(value.result ?? "");
  return cell.text;
}

/** The sheet named "Replies" (as export.xlsx has it), else the first sheet. */
async function workbookRows(bytes: Uint8Array): Promise<ImportRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableRepliesFile(error instanceof Error ? error.message : String(error));
  }
  const sheet = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === "replies") ?? workbook.worksheets[0];
  if (!sheet) throw new UnreadableRepliesFile("the workbook has no sheet");
  const rows: ImportRows["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell)));
    if (cells.some((c) => (c ?? "").trim() !== ""))
      rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return { rows };
}

/** CSV rows numbered as a spreadsheet shows them (a reply's text may span lines; it is still one row). */
function csvRows(text: string): ImportRows {
  try {
    return {
      rows: parseCsv(text)
        .map((r, i) => ({ row: i + 1, cells: r.fields }))
        .filter((r) => r.cells.some((f) => f.trim() !== "")),
    };
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UnreadableRepliesFile(error.message);
    throw error;
  }
}

async function readUpload(c: Context<ConsoleEnv>): Promise<ImportRows> {
  const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  try {
    if (type === XLSX_TYPE || type === "application/octet-stream")
      return await workbookRows(new Uint8Array(await c.req.arrayBuffer()));
    if (type === "text/csv") return csvRows(await c.req.text());
  } catch (error) {
    if (error instanceof UnreadableRepliesFile)
      throw new ApiProblem(400, "unreadable_replies_file", `This file could not be read: ${error.message}.`);
    throw error;
  }
  throw new ApiProblem(415, "unsupported_media_type", "Send the replies as Outrigger's replies .csv or its .xlsx.");
}

export function earlierRoundRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.post(
    "/earlier-rounds/:fiscalYear/replies",
    requireOrganiser(),
    limitBody(MAX_REPLIES_IMPORT_BYTES, "A replies file may be at most 5 MB."),
    async (c) => {
      const fiscalYear = fiscalYearParam(c);
      const { db, now } = c.var.deps;
      const file = await readUpload(c);
      const questionnaires = new Map<string, QuestionnaireDefinition>();
      for (const { id, version } of namedQuestionnaires(file)) {
        const definition = await findQuestionnaire(db, id, version);
        if (definition) questionnaires.set(`${id}@${version}`, definition);
      }
      const read = readRepliesImport(file, {
        fiscalYear,
        questionnaires,
        administrations: await listAdministrationCodes(db),
      });
      if (!read.ok)
        throw new ApiProblem(
          422,
          "replies_file_refused",
          `The replies were not imported: ${read.issues.length} problem(s) to correct. Nothing was saved.`,
          read.issues.map((i) => ({
            path: `row ${i.row}${i.column === "" ? "" : `.${i.column}`}`,
            code: "replies_file_refused",
            message: importIssueLine(i),
            place: { row: i.row, ...(i.column === "" ? {} : { column: i.column }) },
            reason: i.message,
            ...(i.problem ? { problem: i.problem } : {}),
          })),
        );
      if (c.req.query("preview") === "1")
        return c.json({
          fiscalYear,
          preview: true,
          ...(await previewImportedRound(db, fiscalYear, read.workshops, read.replies)),
        });
      const outcome = await storeImportedRound(
        db,
        fiscalYear,
        read.workshops,
        read.replies,
        c.var.session.organiser.id,
        now(),
        (r, campaignId) =>
          replyContentHash({
            id: r.id as Reply["id"],
            campaignId,
            invitationCode: r.invitationCode as Reply["invitationCode"],
            questionnaireId: r.questionnaireId,
            questionnaireVersion: r.questionnaireVersion,
            answers: r.answers,
            startedAt: r.submittedAt,
            submittedAt: r.submittedAt,
            appVersion: IMPORTED_APP_VERSION,
          }),
      );
      return c.json({ fiscalYear, preview: false, ...outcome }, 201);
    },
  );

  return routes;
}
