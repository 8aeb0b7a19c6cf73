// The report's computed text over HTTP in the console's language: the Word draft's prose and the analytic tables
// in French with ?lang=fr, the comparisons and trend figures as keys and percents the console words, English
// unchanged without it, and the data exports English whatever is asked.
import { beforeAll, describe, expect, it } from "vitest";
import { computeReport, summaryOfReport } from "../../src/shared/report";
import french from "../../src/app/features/console/messages/fr/reports";
import { docxParagraphs, documentXml } from "../fixtures/docxTables";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";
import {
  ENGLISH_ANALYTIC_PHRASES,
  ENGLISH_DRAFT_PHRASES,
  ENGLISH_SCREEN_PHRASES,
} from "../fixtures/reportEnglishPhrases";
import { consoleRequest } from "./support/consoleClient";
import { PACIFIC_RISK_WORKSHOP, seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

type Cell = string | number | null;
interface ScreenTables {
  sheets: { name: string; rows: Cell[][] }[];
  previousFiscalYear: string | null;
  comparison: Array<{ key: string; table: number; previous: number | null; current: number | null }>;
}

const englishIn = (phrases: readonly string[], texts: readonly string[]) =>
  phrases.filter((phrase) => texts.some((text) => text.includes(phrase)));

describe.each(ENGINES)("organiser console: the report's computed text in the console's language (%s)", (engine) => {
  const clock = new Date("2026-03-16T09:00:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser and viewer" });
  const get = (path: string) => consoleRequest(seeded.app, "GET", path, seeded.viewer);
  const draftOf = async (query: string) =>
    new Uint8Array(await (await get(`/api/console/report/2025-26/draft.docx${query}`)).arrayBuffer());
  const tablesOf = async (query: string) => {
    const res = await get(`/api/console/report/2025-26/tables${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as ScreenTables;
  };

  beforeAll(async () => {
    // This year: one workshop, four administrations, one reply; last year: its published figures (50% reply rate).
    const { campaign, code } = await workshopWithCampaign(seeded.app, seeded.me, PACIFIC_RISK_WORKSHOP);
    const batch = await postBatch(seeded.app, [
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: code("FJ"),
        answers: validAnswers({ administration: "FJ", followUpActions: { choices: ["shared_materials"] } }),
        startedAt: "2026-03-16T08:00:00.000Z",
        submittedAt: "2026-03-16T08:30:00.000Z",
      }),
    ]);
    expect(batch.results.map((r) => r.outcome)).toEqual(["stored"]);
    const lastYear = summaryOfReport(
      computeReport({ fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES }),
    );
    const put = await consoleRequest(seeded.app, "PUT", "/api/console/summary-years/2024-25", seeded.me, {
      workshops: lastYear.workshops,
    });
    expect(put.status).toBe(200);
  });

  it("writes the Word draft's title page, headings and sentences in French with ?lang=fr, no English phrase left", async () => {
    const paragraphs = docxParagraphs(await draftOf("?lang=fr"));
    expect(paragraphs).toContain("Enquête 2026 (exercice 2025/26)");
    expect(paragraphs).toContain("2.2 Suites données");
    expect(paragraphs).toContain(
      "L’enquête 2026 a reçu 1 réponses au total. Le taux de réponse global, nombre de réponses divisé par le " +
        "nombre d’administrations participantes, est de 25\u202f% (contre 50\u202f% en 2025).",
    );
    expect(englishIn(ENGLISH_DRAFT_PHRASES, paragraphs)).toEqual([]);
  });

  it("keeps the English Word draft as it was without ?lang and with ?lang=en", async () => {
    const paragraphs = docxParagraphs(await draftOf(""));
    expect(paragraphs.slice(0, 3)).toEqual([
      "Good Practice Report",
      "Survey on follow-up actions taken after participation in regional workshops",
      "Survey 2026 (FY 2025/26)",
    ]);
    expect(paragraphs).toContain(
      "The total number of replies to Survey 2026 is 1. The overall reply rate, replies divided by participating " +
        "administrations, is 25% (compared to 50% in 2025).",
    );
    expect(documentXml(await draftOf("?lang=en"))).toBe(documentXml(await draftOf("")));
  });

  it("heads the analytic tables in French with ?lang=fr and sends the comparison as keys and percents", async () => {
    const fr = await tablesOf("?lang=fr");
    expect(fr.sheets[0].name).toBe("Tableau 1 Réponses");
    expect(fr.sheets[0].rows[0].slice(0, 4)).toEqual(["N°", "Atelier", "Type", "Administrations participantes"]);
    const texts = fr.sheets.flatMap((s) => [
      s.name,
      ...s.rows.flat().filter((c): c is string => typeof c === "string"),
    ]);
    expect(englishIn(ENGLISH_ANALYTIC_PHRASES, texts)).toEqual([]);
    expect(fr.previousFiscalYear).toBe("2024/25");
    expect(fr.comparison.find((c) => c.key === "replies.ratePerAdministration")).toEqual({
      key: "replies.ratePerAdministration",
      table: 1,
      previous: 50,
      current: 25,
    });
    // No sentence travels: the console words each figure from its catalogue, which names them all in French.
    expect(englishIn(ENGLISH_SCREEN_PHRASES, [JSON.stringify(fr.comparison)])).toEqual([]);
    const names = fr.comparison.map((c) => (french as Record<string, string>)[`figure.${c.key}`]);
    expect(names.filter((name) => name === undefined)).toEqual([]);
    expect(englishIn(ENGLISH_SCREEN_PHRASES, names)).toEqual([]);
  });

  it("heads the analytic tables in English without ?lang, and keeps the data exports English whatever is asked", async () => {
    const en = await tablesOf("");
    expect(en.sheets.map((s) => s.name)[0]).toBe("Table 1 Replies");
    expect(en.sheets[0].rows[0].slice(0, 4)).toEqual(["#", "Workshop", "Kind", "Participating administrations"]);
    const csv = await (await get("/api/console/report/2025-26/tables/1.csv?lang=fr")).text();
    expect(csv.split("\r\n")[0]).toBe(
      "#,Workshop,Kind,Participating administrations,Invited participants,Replies,Responding administrations," +
        "Reply rate per administration (%),Reply rate per participant (%)",
    );
    const json = (await (await get("/api/console/report/2025-26/export.json?lang=fr")).json()) as {
      tables: Array<{ columns: Array<{ label: string }> }>;
    };
    expect(json.tables[0].columns[1].label).toBe("Workshop");
  });

  it("gives the trends as figure keys the French catalogue names", async () => {
    const res = await get("/api/console/trends");
    expect(res.status).toBe(200);
    const { years } = (await res.json()) as { years: Array<{ figures: Array<{ key: string }> }> };
    const keys = [...new Set(years.flatMap((y) => y.figures.map((f) => f.key)))];
    expect(keys).toContain("directEffects.yes");
    const names = keys.map((key) => (french as Record<string, string>)[`figure.${key}`]);
    expect(names.filter((name) => name === undefined)).toEqual([]);
    expect(englishIn(ENGLISH_SCREEN_PHRASES, names)).toEqual([]);
  });
});
