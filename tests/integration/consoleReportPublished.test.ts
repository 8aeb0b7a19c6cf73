// The report as published over HTTP: the tables worded and marked as printed (JSON, XLSX) and the Word draft,
// all three with the same cells, administrations in the order their replies arrived; in French with ?lang=fr.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cellText, type PublishedTable } from "../../src/shared/report";
import { docxTables, documentXml } from "../fixtures/docxTables";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const TITLE = "Sub-regional Workshop on Risk Management for the Pacific";

describe.each(ENGINES)("organiser console: the report as published and the Word draft (%s)", (engine) => {
  let clock = new Date("2026-03-16T09:00:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser and viewer" });

  beforeAll(async () => {
    const { campaign, code } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: TITLE,
      kind: "sub-regional",
      mode: "in-person",
      startsOn: "2025-09-08",
      endsOn: "2025-09-12",
      administrationCodes: ["FJ", "TO", "VU", "WS"],
      participants: [
        ["Mereani Tuilau", "FJ"],
        ["Sela Taufa", "TO"],
        ["Kalo Natapei", "VU"],
      ].map(([name, administrationCode]) => ({
        name,
        administrationCode,
        email: `${name.split(" ")[0].toLowerCase()}@example.org`,
      })),
    });
    // Vanuatu replies first, then Fiji, then Tonga: not the alphabetical order.
    const arrivals: Array<[string, string[], "yes" | "no"]> = [
      ["VU", ["shared_materials"], "yes"],
      ["FJ", ["shared_materials", "inhouse_workshop"], "no"],
      ["TO", ["shared_materials", "submitted_report"], "yes"],
    ];
    for (const [admin, choices, directEffects] of arrivals) {
      const batch = await postBatch(seeded.app, [
        validReply({
          campaignId: campaign.campaign.id,
          invitationCode: code(admin),
          answers: validAnswers({
            administration: admin,
            followUpActions: { choices },
            directEffects,
            directEffectsDescription: directEffects === "yes" ? "Shorter release times." : undefined,
          }),
          startedAt: new Date(clock.getTime() - 600_000).toISOString(),
          submittedAt: clock.toISOString(),
        }),
      ]);
      expect(batch.results.map((r) => (r.outcome === "rejected" ? JSON.stringify(r.error) : r.outcome))).toEqual([
        "stored",
      ]);
      clock = new Date(clock.getTime() + 3_600_000);
    }
  });

  const get = (path: string) => consoleRequest(seeded.app, "GET", path, seeded.viewer);
  const published = async (): Promise<PublishedTable[]> => {
    const res = await get("/api/console/report/2025-26/published");
    expect(res.status).toBe(200);
    return ((await res.json()) as { tables: PublishedTable[] }).tables;
  };
  const ourRow = (tables: PublishedTable[], n: number) => {
    const number = cellText(tables[0].rows.find((r) => cellText(r.cells[1]).startsWith(TITLE))!.cells[0]);
    return tables[n - 1].rows.find((r) => r.kind === "workshop" && cellText(r.cells[0]) === number)!;
  };

  it("serves the published tables: month in Table 1, administrations in arrival order with NB marks", async () => {
    const tables = await published();
    expect(tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cellText(ourRow(tables, 1).cells[1])).toBe(`${TITLE} (Sept. 2025)`);
    expect(ourRow(tables, 1).cells.slice(2).map(cellText)).toEqual(["4", "3"]);
    expect(
      ourRow(tables, 4)
        .cells.slice(1)
        .map((c) => c.runs),
    ).toEqual([
      [
        { text: "VU", underline: true },
        { text: ", " },
        { text: "FJ" },
        { text: ", " },
        { text: "TO", underline: true },
      ],
      [{ text: "FJ" }],
      [{ text: "VU", bold: true }, { text: ", " }, { text: "TO", bold: true }],
    ]);
  });

  it("exports the published tables as XLSX with the same cells and the marks as real underline and bold", async () => {
    const tables = await published();
    const res = await get("/api/console/report/2025-26/published.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="outrigger-report-2025-26-as-published.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(tables.map((t) => `Table ${t.number}`));
    tables.forEach((table, i) => {
      const sheet = workbook.worksheets[i];
      const body = table.rows.map((_r, k) => {
        const row = sheet.getRow(k + 3);
        return table.header.map((_h, c) => row.getCell(c + 1).text);
      });
      expect(body).toEqual(table.rows.map((r) => r.cells.map(cellText)));
    });
    const sheet4 = workbook.worksheets[3];
    const rowIndex = tables[3].rows.indexOf(ourRow(tables, 4)) + 3;
    const shared = sheet4.getRow(rowIndex).getCell(2).value as ExcelJS.CellRichTextValue;
    expect(shared.richText.map((r) => [r.text, r.font?.underline === true])).toEqual([
      ["VU", true],
      [", ", false],
      ["FJ", false],
      [", ", false],
      ["TO", true],
    ]);
    const effects = sheet4.getRow(rowIndex).getCell(4).value as ExcelJS.CellRichTextValue;
    expect(effects.richText.filter((r) => r.font?.bold === true).map((r) => r.text)).toEqual(["VU", "TO"]);
  });

  it("downloads the Word draft whose tables equal the published tables cell for cell", async () => {
    const tables = await published();
    const res = await get("/api/console/report/2025-26/draft.docx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="outrigger-report-2025-26-draft.docx"');
    const inDocument = docxTables(new Uint8Array(await res.arrayBuffer()));
    expect(
      inDocument.map((rows) => rows.map((cells) => cells.map((runs) => runs.map((r) => r.text).join("")))),
    ).toEqual(tables.map((t) => [t.header, ...t.rows.map((r) => r.cells.map(cellText))]));
  });

  it("words the published tables, their XLSX and the Word draft's tables in French with ?lang=fr, English without", async () => {
    const french = await get("/api/console/report/2025-26/published?lang=fr");
    const frenchTables = ((await french.json()) as { tables: PublishedTable[] }).tables;
    expect(frenchTables[0].caption).toBe("Réponses par atelier");
    expect(frenchTables[1].caption).toBe("Suites données après l’atelier");
    expect(cellText(ourRow(frenchTables, 1).cells[1])).toBe(`${TITLE} (sept. 2025)`);

    const sheetsOf = async (query: string) => {
      const workbook = new ExcelJS.Workbook();
      const res = await get(`/api/console/report/2025-26/published.xlsx${query}`);
      await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
      return workbook.worksheets.map((w) => ({
        name: w.name,
        title: w.getRow(1).getCell(1).text,
        header: w.getRow(2),
      }));
    };
    const frenchSheets = await sheetsOf("?lang=fr");
    expect(frenchSheets[0].name).toBe("Tableau 1");
    expect(frenchSheets[0].title).toBe("Tableau 1\u202f: Réponses par atelier (exercice 2025/26)");
    expect(frenchSheets[1].title).toBe("Tableau 2\u202f: Suites données après l’atelier (exercice 2025/26)");
    expect(frenchSheets[0].header.getCell(2).text).toBe("Atelier");
    const englishSheets = await sheetsOf("");
    expect(englishSheets[0].title).toBe("Table 1: Replies per workshop (FY 2025/26)");
    expect(englishSheets[0].header.getCell(2).text).toBe("Workshop");

    const draftXml = async (query: string) =>
      documentXml(new Uint8Array(await (await get(`/api/console/report/2025-26/draft.docx${query}`)).arrayBuffer()));
    const frenchDraft = await draftXml("?lang=fr");
    expect(frenchDraft).toContain("Tableau 2\u202f: Suites données après l’atelier");
    expect(frenchDraft).toContain("Effets directs obtenus");
    expect(frenchDraft).not.toContain("Follow-up actions taken after the workshop");
    const englishDraft = await draftXml("");
    expect(englishDraft).toContain("Table 2: Follow-up actions taken after the workshop");
    expect(englishDraft).not.toContain("Suites données");
  });

  it("refuses a malformed fiscal year and a request without a session", async () => {
    expect((await get("/api/console/report/2025-27/draft.docx")).status).toBe(400);
    expect(
      (await consoleRequest(seeded.app, "GET", "/api/console/report/2025-26/published.xlsx", undefined)).status,
    ).toBe(401);
  });

  it("numbers the workshops in the organiser's order in every table, the draft included, and back to chronological", async () => {
    const { workshopId: later } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "Regional Workshop on Canines",
      kind: "regional",
      mode: "in-person",
      startsOn: "2025-11-03",
      endsOn: "2025-11-07",
      administrationCodes: ["JP"],
      participants: [{ name: "Aiko Sato", administrationCode: "JP", email: "aiko@example.org" }],
    });
    const titlesOf = (tables: PublishedTable[]) =>
      tables[0].rows.filter((r) => r.kind === "workshop").map((r) => cellText(r.cells[1]).replace(/ \(.*\)$/, ""));
    const chronological = titlesOf(await published());
    expect(chronological.indexOf(TITLE)).toBeLessThan(chronological.indexOf("Regional Workshop on Canines"));

    const put = (body: unknown, who = seeded.me) =>
      consoleRequest(seeded.app, "PUT", "/api/console/report/2025-26/order", who, body);
    const saved = await put({ workshopIds: [later] });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { workshopIds: string[] }).workshopIds[0]).toBe(later);
    const reordered = await published();
    expect(titlesOf(reordered)[0]).toBe("Regional Workshop on Canines");
    // Table 4's row 1 is now the canines workshop (no replies), so our lists moved to the row our workshop has.
    expect(cellText(ourRow(reordered, 4).cells[0])).toBe(cellText(ourRow(reordered, 1).cells[0]));
    const draft = await get("/api/console/report/2025-26/draft.docx");
    const [wordTable1] = docxTables(new Uint8Array(await draft.arrayBuffer()));
    expect(wordTable1[1].map((runs) => runs.map((r) => r.text).join(""))[1]).toMatch(/^Regional Workshop on Canines/);

    expect((await put({ workshopIds: ["not-this-year"] })).status).toBe(422);
    expect((await put({ workshopIds: [later] }, seeded.viewer)).status).toBe(403);
    expect((await put({ workshopIds: [] })).status).toBe(200);
    expect(titlesOf(await published())).toEqual(chronological);
  });
});
