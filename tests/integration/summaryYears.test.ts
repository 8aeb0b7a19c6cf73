// Past years kept as published figures over HTTP: entered, imported (refused cell by cell), used by the
// report's comparison when the year's replies are not here, listed in the trends, deleted.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  computeReport,
  summaryOfReport,
  type SummaryYear,
  type TrendsYear,
  type YearComparison,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";
import { consoleRequest } from "./support/consoleClient";
import { PACIFIC_RISK_WORKSHOP, seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// The published FY 2022/23 figures: a reply rate of 50% per administration.
const published = summaryOfReport(
  computeReport({ fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES }),
);

const HEADER =
  "Workshop,Kind,Month,Participating administrations,Invited participants,Replies,Shared materials,Submitted reports," +
  "Made recommendations,In-house workshop,Developed manuals,Others,Direct effects yes,Efficiency yes,New projects yes,New projects no";

describe.each(ENGINES)("organiser console: past years as published figures (%s)", (engine) => {
  const clock = new Date("2026-03-16T09:00:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser and viewer" });
  const as = (who: "me" | "viewer", method: string, path: string, body?: unknown) =>
    consoleRequest(seeded.app, method, path, seeded[who], body);
  const upload = (path: string, body: string | Uint8Array, type: string) =>
    Promise.resolve(
      seeded.app.request(path, {
        method: "POST",
        headers: { Cookie: seeded.me.cookie, "X-CSRF-Token": seeded.me.csrfToken, "Content-Type": type },
        body: body as BodyInit,
      }),
    );
  const comparison = async (path: string) => {
    const res = await as("viewer", "GET", path);
    expect(res.status).toBe(200);
    return (await res.json()) as { comparison: YearComparison[]; previousSource: string | null };
  };
  const rate = (c: { comparison: YearComparison[] }) =>
    c.comparison.find((x) => x.key === "replies.ratePerAdministration");

  beforeAll(async () => {
    // This year (FY 2025/26): one workshop, 4 administrations, one reply; last year has no workshops at all.
    const { campaign, code } = await workshopWithCampaign(seeded.app, seeded.me, PACIFIC_RISK_WORKSHOP);
    const batch = await postBatch(seeded.app, [
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: code("FJ"),
        answers: validAnswers({ administration: "FJ" }),
        startedAt: "2026-03-16T08:00:00.000Z",
        submittedAt: "2026-03-16T08:30:00.000Z",
      }),
    ]);
    expect(batch.results.map((r) => r.outcome)).toEqual(["stored"]);
  });

  it("compares this year with last year's entered figures when last year's replies are not in the database", async () => {
    expect(rate(await comparison("/api/console/report/2025-26"))?.previous).toBeNull();
    const put = await as("me", "PUT", "/api/console/summary-years/2024-25", { workshops: published.workshops });
    expect(put.status).toBe(200);
    const built = await comparison("/api/console/report/2025-26");
    expect(built.previousSource).toBe("summary");
    expect(rate(built)).toMatchObject({ previous: 50, current: 25, longText: "50% in 2024/25 → 25% in 2025/26" });
  });

  it("lets a viewer read the stored years but not change them", async () => {
    const list = await as("viewer", "GET", "/api/console/summary-years");
    expect(await list.json()).toMatchObject({ years: [{ fiscalYear: "2024/25", workshops: 10, replies: 70 }] });
    const put = await as("viewer", "PUT", "/api/console/summary-years/2024-25", { workshops: published.workshops });
    expect(put.status).toBe(403);
    const anonymous = await consoleRequest(seeded.app, "GET", "/api/console/summary-years", undefined);
    expect(anonymous.status).toBe(401);
  });

  it("refuses a sheet with bad cells, naming sheet, row and column, and saves nothing", async () => {
    const csv = [
      HEADER,
      "AEO for ASEAN members,sub-regional,2022-08,10,,6,6,6,1,6,0,0,5,6,0,6",
      "Customs Valuation,continental,2022-09,11,,8,8,7,2,6,1,0,3,8,3,5",
      "Canines,regional,2023-02,18,,6,seven,5,4,4,1,3,3,6,2,4",
      "Digital Forensics,regional,2023-03,16,,5,3,5,4,1,1,0,3,5,4,4",
    ].join("\r\n");
    const res = await upload("/api/console/summary-years/2023-24/import", csv, "text/csv");
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: Array<{ message: string }> } };
    expect(body.error.code).toBe("summary_sheet_refused");
    expect(body.error.details.map((d) => d.message)).toEqual([
      'Sheet "CSV", row 3, column "Kind": "continental" is not a kind: write regional, sub-regional or national.',
      'Sheet "CSV", row 4, column "Shared materials": "seven" is not a whole number of 0 or more.',
      'Sheet "CSV", row 5, column "New projects yes": Yes (4) and No (4) together are more than the 5 replies.',
    ]);
    expect((await as("viewer", "GET", "/api/console/summary-years/2023-24")).status).toBe(404);
  });

  it("refuses a sheet whose header lacks a column it needs", async () => {
    const res = await upload(
      "/api/console/summary-years/2023-24/import",
      "Workshop,Kind\r\nA,regional\r\n",
      "text/csv",
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: Array<{ message: string }> } };
    expect(body.error.details[0].message).toBe(
      'Sheet "CSV", row 1, column "Participating administrations": this column is missing from the header.',
    );
  });

  it("imports a year from its own downloaded .xlsx sheet with the same figures", async () => {
    const sheet = await as("viewer", "GET", "/api/console/summary-years/2024-25/sheet.xlsx");
    expect(sheet.headers.get("content-type")).toBe(XLSX);
    const bytes = new Uint8Array(await sheet.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getRow(2).getCell(1).text).toBe(published.workshops[0].title);
    const res = await upload("/api/console/summary-years/2023-24/import", bytes, XLSX);
    expect(res.status).toBe(201);
    const stored = (await res.json()) as SummaryYear;
    expect(stored.workshops).toEqual(published.workshops);
  });

  it("lists every year's headline figures in the trends, each from its replies or its summary", async () => {
    const res = await as("viewer", "GET", "/api/console/trends");
    const { years } = (await res.json()) as { years: TrendsYear[] };
    const byYear = new Map(years.map((y) => [y.fiscalYear, y]));
    expect(byYear.get("2024/25")).toMatchObject({ source: "summary", replies: 70 });
    expect(byYear.get("2025/26")).toMatchObject({ source: "replies", replies: 1 });
    const sharedIn2024 = byYear.get("2024/25")!.figures.find((f) => f.key === "followUpActions.shared_materials");
    expect(sharedIn2024?.value).toBe(83);
    expect(years.map((y) => y.fiscalYear)).toEqual([...years.map((y) => y.fiscalYear)].sort());
  });

  it("forgets a deleted year: the comparison has no previous figure again", async () => {
    expect((await as("viewer", "DELETE", "/api/console/summary-years/2024-25")).status).toBe(403);
    expect((await as("me", "DELETE", "/api/console/summary-years/2024-25")).status).toBe(204);
    expect(rate(await comparison("/api/console/report/2025-26"))?.previous).toBeNull();
    expect((await as("me", "DELETE", "/api/console/summary-years/2024-25")).status).toBe(404);
  });
});
