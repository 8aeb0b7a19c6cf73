// XLSForm over HTTP on both engines: export any version, import an .xlsx as the next draft, refuse what cannot be kept.
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  questionnaireVersionList,
  questionnaireVersionResult,
  XLSX_CONTENT_TYPE,
} from "../../src/shared/questionnaireVersions";
import { followUpV2 } from "../../src/shared/questionnaires";
import { IMPORT_PROBLEM_WORDS, sayImportProblem, type ImportProblem } from "../../src/shared/importProblemWords";
import { createApp } from "../../src/server/http/app";
import { definitionToXlsform } from "../../src/server/questionnaires/definitionToXlsform";
import { sheetOf } from "../../src/server/questionnaires/xlsformSheets";
import { xlsformToDefinition } from "../../src/server/questionnaires/xlsformToDefinition";
import { readXlsformWorkbook, writeXlsformWorkbook } from "../../src/server/questionnaires/xlsformWorkbook";
import { addOrganiser, consoleRequest, signIn, type SignedIn } from "./support/consoleClient";
import { errorOf } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

const BASE = "/api/console/questionnaires/follow-up";

function upload(app: Hono, who: SignedIn, bytes: Uint8Array, contentType = XLSX_CONTENT_TYPE): Promise<Response> {
  return Promise.resolve(
    app.request(`${BASE}/import`, {
      method: "POST",
      headers: { Cookie: who.cookie, "X-CSRF-Token": who.csrfToken, "Content-Type": contentType },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
  );
}

describe.each(ENGINES)("XLSForm import and export (%s)", (engine) => {
  const start = new Date("2026-03-02T09:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  let me: SignedIn;
  let viewer: SignedIn;
  const versionsStored = async () =>
    questionnaireVersionList
      .parse(await (await consoleRequest(app, "GET", "/api/console/questionnaires", viewer)).json())
      .questionnaires.map((q) => q.version);

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, start);
    app = createApp({ db: ctx.db, now: () => start });
    await addOrganiser(ctx.db, "org@example.org", "organiser", start);
    await addOrganiser(ctx.db, "viewer@example.org", "viewer", start);
    me = await signIn(app, "org@example.org");
    viewer = await signIn(app, "viewer@example.org");
  });
  afterAll(() => ctx.close());

  let exported: Uint8Array;
  it("exports a published version as an .xlsx a viewer may download, with the member administrations as choices", async () => {
    const res = await consoleRequest(app, "GET", `${BASE}/versions/2/xlsform`, viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="follow-up-v2.xlsx"');
    exported = new Uint8Array(await res.arrayBuffer());
    const sheets = await readXlsformWorkbook(exported);
    expect(sheets.choices.rows.filter((r) => r.cells.list_name === "administrations")).toHaveLength(33);
    expect(xlsformToDefinition(sheets, "follow-up", 2).definition).toEqual(followUpV2);
  });

  it("imports the exported file as the next draft, the same questionnaire under the new number", async () => {
    const res = await upload(app, me, exported);
    expect(res.status).toBe(201);
    const result = questionnaireVersionResult.parse(await res.json());
    expect(result.version).toMatchObject({ version: 3, status: "draft", basedOnVersion: 2 });
    expect(result.version.definition).toEqual({ ...followUpV2, version: 3 });
    expect(result.warnings).toEqual([]);
    expect((await consoleRequest(app, "GET", `${BASE}/versions/3/xlsform`, viewer)).status).toBe(200);
  });

  it("refuses a form with a repeat, a calculate and a choice filter, listing sheet, row and column, and stores nothing", async () => {
    const sheets = definitionToXlsform(followUpV2);
    sheets.survey = sheetOf(
      ["type", "name", "label", "calculation", "choice_filter"],
      [
        ["begin repeat", "visits", "Visits"],
        ["text", "place", "Place"],
        ["end repeat"],
        ["calculate", "total", "", "1 + 1"],
        ["select_one cities", "city", "City", "", "country = 'FJ'"],
      ],
    );
    sheets.choices = sheetOf(["list_name", "name", "label"], [["cities", "suva", "Suva"]]);
    const res = await upload(app, me, await writeXlsformWorkbook(sheets));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("unsupported_xlsform");
    expect(error.details).toEqual(
      expect.arrayContaining([
        {
          path: "survey[2].type",
          code: "unsupported_xlsform",
          message:
            'Sheet "survey", row 2, column "type": repeats are not supported: a reply holds one answer per question.',
          place: { sheet: "survey", row: 2, column: "type" },
          reason: "repeats are not supported: a reply holds one answer per question",
          problem: { code: "xlsformRepeat" },
        },
        expect.objectContaining({ path: "survey[5].calculation" }),
        expect.objectContaining({ path: "survey[5].type" }),
        expect.objectContaining({ path: "survey[6].choice_filter" }),
      ]),
    );
    // Every refusal is a code of the shared list, worded from it: the console words each one in its language.
    for (const detail of error.details ?? []) {
      expect(Object.keys(IMPORT_PROBLEM_WORDS)).toContain(detail.problem?.code);
      expect(detail.reason).toBe(sayImportProblem(detail.problem as ImportProblem));
    }
    expect(await versionsStored()).toEqual([3, 2, 1]);
  });

  it("refuses a file over 2 MB before reading it, a non-workbook, the wrong content type, and a viewer", async () => {
    const tooLarge = await upload(app, me, new Uint8Array(2 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe("payload_too_large");
    const garbage = await upload(app, me, new TextEncoder().encode("type,name,label\ntext,a,A\n"));
    expect(await errorOf(garbage)).toMatchObject({ code: "unreadable_xlsform" });
    expect((await upload(app, me, exported, "text/csv")).status).toBe(415);
    expect((await upload(app, viewer, exported)).status).toBe(403);
    expect(await versionsStored()).toEqual([3, 2, 1]);
  });
});
