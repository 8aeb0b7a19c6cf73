// Organiser console tracking and the report: replies per workshop, the report as JSON, XLSX and CSV with the same figures.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampaignDetail } from "../../src/shared/console";
import { FOLLOW_UP_ACTION_LABELS, FOLLOW_UP_ACTIONS, type SurveyReport } from "../../src/shared/report";
import type { BuiltReport, ReplyTracking } from "../../src/server/report";
import { consoleRequest, type SignedIn } from "./support/consoleClient";
import { seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";
import { sheetRows } from "./support/xlsxRows";

describe.each(ENGINES)("organiser console: tracking and the report (%s)", (engine) => {
  const start = new Date("2026-02-15T09:00:00.000Z");
  let clock = start;
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser and viewer" });
  let workshopId: string;
  let campaign: CampaignDetail;

  beforeAll(async () => {
    ({ workshopId, campaign } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "Regional Workshop on Coordinated Border Management",
      kind: "regional",
      mode: "hybrid",
      startsOn: "2025-08-04",
      endsOn: "2025-08-08",
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
    }));
    expect(campaign.campaign.opensAt).toBe("2026-02-08T00:00:00.000Z");
    const code = (admin: string) => campaign.invitations.find((i) => i.administrationCode === admin)!.code;
    const batch = await postBatch(seeded.app, [
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: code("FJ"),
        answers: validAnswers({
          administration: "FJ",
          name: "Mereani Tuilau",
          followUpActions: { choices: ["shared_materials", "inhouse_workshop"] },
        }),
        startedAt: "2026-02-15T08:00:00.000Z",
        submittedAt: "2026-02-15T08:30:00.000Z",
      }),
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: code("TO"),
        answers: validAnswers({
          administration: "TO",
          followUpActions: { choices: ["shared_materials"] },
          directEffects: "no",
          directEffectsDescription: undefined,
        }),
        startedAt: "2026-02-15T08:00:00.000Z",
        submittedAt: "2026-02-15T08:40:00.000Z",
      }),
    ]);
    expect(batch.results.map((r) => (r.outcome === "rejected" ? JSON.stringify(r.error) : r.outcome))).toEqual([
      "stored",
      "stored",
    ]);
  });

  const get = (path: string, who: SignedIn | null = seeded.viewer) =>
    consoleRequest(seeded.app, "GET", path, who ?? undefined);

  it("tracks replies per workshop for the fiscal year (viewer may read)", async () => {
    const res = await get("/api/console/tracking/2025-26");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const tracking = (await res.json()) as ReplyTracking;
    expect(tracking.fiscalYear).toBe("2025/26");
    const row = tracking.table.rows.find((r) => r.workshopId === workshopId);
    expect(row).toMatchObject({
      invitedParticipants: 3,
      replies: 2,
      participatingAdministrations: 4,
      respondingAdministrations: 2,
    });
    expect(tracking.repliesOverTime).toEqual([{ date: "2026-02-15", replies: 2, cumulative: 2 }]);
    const bad = await get("/api/console/tracking/2025-27");
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe("invalid_fiscal_year");
    expect((await get("/api/console/report/2025")).status).toBe(400);
  });

  it("serves the report as JSON and exports XLSX with the same Table 2 figures", async () => {
    const built = (await (await get("/api/console/report/2025-26")).json()) as BuiltReport;
    const table2 = built.report.tables.followUpActions.total;
    expect(table2.replies).toBe(2);
    expect(table2.actions.shared_materials.count).toBe(2);
    expect(table2.actions.inhouse_workshop.count).toBe(1);
    expect(built.previous).toBeNull();

    const res = await get("/api/console/report/2025-26/export.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="outrigger-report-2025-26.xlsx"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(files["xl/workbook.xml"]);
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toHaveLength(9);
    expect(names[1]).toBe("Table 2 Follow-up actions");
    expect(names.slice(7)).toEqual(["Replies", "Quotes"]);
    const rows = sheetRows(strFromU8(files["xl/worksheets/sheet2.xml"]));
    const header = rows[0];
    const total = rows.find((r) => typeof r[1] === "string" && r[1].startsWith("Total ("))!;
    expect(total).toBeDefined();
    expect(total[header.indexOf("Replies")]).toBe(table2.replies);
    expect(total[header.indexOf("Answered")]).toBe(table2.answered);
    for (const action of FOLLOW_UP_ACTIONS) {
      const col = header.indexOf(FOLLOW_UP_ACTION_LABELS[action]);
      expect(col).toBeGreaterThan(0);
      expect(total[col]).toBe(table2.actions[action].count);
      expect(total[col + 1] ?? null).toBe(table2.actions[action].percent ?? null);
    }
    const replies = sheetRows(strFromU8(files["xl/worksheets/sheet8.xml"]));
    expect(replies).toHaveLength(3);
  });

  it("exports JSON, each table as CSV and the raw replies as CSV", async () => {
    const json = await get("/api/console/report/2025-26/export.json");
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.headers.get("content-disposition")).toBe('attachment; filename="outrigger-report-2025-26.json"');
    const body = (await json.json()) as { format: string; report: SurveyReport };
    expect(body.format).toBe("outrigger-report");
    expect(body.report.tables.followUpActions.total.replies).toBe(2);

    const csv = await get("/api/console/report/2025-26/tables/1.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="outrigger-report-2025-26-table-1.csv"');
    expect(csv.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that makes Excel read UTF-8
    const lines = new TextDecoder().decode(bytes).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "#,Workshop,Kind,Participating administrations,Invited participants,Replies,Responding administrations,Reply rate per administration (%),Reply rate per participant (%)",
    );
    expect(lines[lines.length - 1]).toBe(",Total (1 workshops),,4,3,2,2,50,67");
    for (let n = 2; n <= 7; n++) expect((await get(`/api/console/report/2025-26/tables/${n}.csv`)).status).toBe(200);
    expect((await get("/api/console/report/2025-26/tables/8.csv")).status).toBe(404);

    const replies = await get("/api/console/report/2025-26/replies.csv");
    expect(replies.headers.get("content-disposition")).toBe(
      'attachment; filename="outrigger-report-2025-26-replies.csv"',
    );
    const replyLines = (await replies.text()).trimEnd().split("\r\n");
    expect(replyLines).toHaveLength(3);
    expect(replyLines[0]).toMatch(/^Reply id,Workshop,Administration,Invitation code/);
  });

  it("every tracking and report route refuses without a session", async () => {
    for (const path of [
      "/api/console/tracking/2025-26",
      "/api/console/report/2025-26",
      "/api/console/report/2025-26/export.xlsx",
      "/api/console/report/2025-26/export.json",
      "/api/console/report/2025-26/tables/1.csv",
      "/api/console/report/2025-26/replies.csv",
    ]) {
      const res = await get(path, null);
      expect(res.status, path).toBe(401);
      expect((await errorOf(res)).code).toBe("not_signed_in");
      expect((await get(path, seeded.me)).status, path).toBe(200);
    }
    clock = new Date(start.getTime() + 13 * 60 * 60 * 1000);
    expect((await get("/api/console/report/2025-26", seeded.me)).status).toBe(401);
  });
});
