// XLSForm in and out of the console (mounted at /api/console/questionnaires): an .xlsx becomes the next draft;
// any stored version goes out as an .xlsx that KoboToolbox and ODK open.
//
// | method | path                          | what                                               | who may call |
// | ------ | ----------------------------- | -------------------------------------------------- | ------------ |
// | POST   | /:id/import                   | an .xlsx body (≤ 2 MB) → the next draft version    | organiser    |
// | GET    | /:id/versions/:version/xlsform| the version as an XLSForm .xlsx                    | any role     |
import { Hono } from "hono";
import type { FieldIssue } from "../../../shared/api";
import { identifier } from "../../../shared/questionnaire";
import { checkForPublish } from "../../../shared/questionnaireChecks";
import {
  MAX_XLSFORM_BYTES,
  XLSX_CONTENT_TYPE,
  type QuestionnaireVersionResult,
} from "../../../shared/questionnaireVersions";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { listAdministrations } from "../../db/directory";
import {
  findQuestionnaireVersion,
  insertDraft,
  latestPublishedVersion,
  nextVersionNumber,
} from "../../db/questionnaires";
import { definitionToXlsform } from "../../questionnaires/definitionToXlsform";
import type { XlsformIssue } from "../../questionnaires/xlsformSheets";
import { xlsformToDefinition } from "../../questionnaires/xlsformToDefinition";
import { readXlsformWorkbook, UnreadableWorkbook, writeXlsformWorkbook } from "../../questionnaires/xlsformWorkbook";
import { ApiProblem } from "../errors";
import { limitBody } from "../jsonBody";
import { versionOr404, versionParam } from "./questionnaires";

const ACCEPTED_TYPES = new Set([XLSX_CONTENT_TYPE, "application/octet-stream"]);

/** A refused XLSForm's detail: its place for the console to word, the English sentence for anyone else. */
export function xlsformIssueDetail(i: XlsformIssue): FieldIssue {
  return {
    path: `${i.sheet}[${i.row}].${i.column}`,
    code: "unsupported_xlsform",
    message: `Sheet "${i.sheet}", row ${i.row}, column "${i.column}": ${i.message}.`,
    place: { sheet: i.sheet, row: i.row, column: i.column },
    reason: i.message,
    problem: i.problem,
  };
}

export function questionnaireXlsformRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.post(
    "/:id/import",
    requireOrganiser(),
    limitBody(MAX_XLSFORM_BYTES, "An XLSForm file may be at most 2 MB."),
    async (c) => {
      const { db, now } = c.var.deps;
      const id = c.req.param("id");
      if (!identifier.safeParse(id).success)
        throw new ApiProblem(404, "not_found", "There is no questionnaire at this address.");
      const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
      if (!ACCEPTED_TYPES.has(type))
        throw new ApiProblem(
          415,
          "unsupported_media_type",
          `Send the XLSForm as an .xlsx file (Content-Type: ${XLSX_CONTENT_TYPE}).`,
        );
      let sheets;
      try {
        sheets = await readXlsformWorkbook(new Uint8Array(await c.req.arrayBuffer()));
      } catch (error) {
        if (error instanceof UnreadableWorkbook)
          throw new ApiProblem(400, "unreadable_xlsform", "This file could not be read as an Excel workbook (.xlsx).");
        throw error;
      }
      const version = await nextVersionNumber(db, id);
      const read = xlsformToDefinition(sheets, id, version);
      if (!read.definition)
        throw new ApiProblem(
          422,
          "unsupported_xlsform",
          `The form cannot be imported as it is: ${read.issues.length} thing(s) in it cannot be kept. Nothing was saved.`,
          read.issues.map(xlsformIssueDetail),
        );
      // Compared with the newest published version, so lost options are flagged as a draft edited by hand would be.
      const basedOnVersion = (await latestPublishedVersion(db, id)) ?? null;
      const base = basedOnVersion === null ? undefined : await findQuestionnaireVersion(db, id, basedOnVersion);
      await insertDraft(db, { definition: read.definition, basedOnVersion, by: c.var.session.organiser.id, at: now() });
      const check = checkForPublish(read.definition, base?.definition);
      return c.json(
        {
          version: await versionOr404(db, id, version),
          warnings: [...check.errors, ...check.warnings],
        } satisfies QuestionnaireVersionResult,
        201,
      );
    },
  );

  routes.get("/:id/versions/:version/xlsform", requireSession(), async (c) => {
    const { db } = c.var.deps;
    const stored = await versionOr404(db, c.req.param("id"), versionParam(c));
    const administrations = (await listAdministrations(db)).map((a) => ({ code: a.code, name: a.name }));
    const bytes = await writeXlsformWorkbook(definitionToXlsform(stored.definition, administrations));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${stored.id}-v${stored.version}.xlsx"`,
    });
  });

  return routes;
}
