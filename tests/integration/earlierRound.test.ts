// An earlier round's raw replies imported from Outrigger's own export: the round trip into a fresh database gives the
// same seven tables (CSV and XLSX), a second import adds nothing, a bad cell refuses the whole file.
import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import type { OutriggerDatabase } from "../../src/server/db/database";
import { PUBLISHED_FY2022_23, repliesFor } from "../fixtures/reportFy2022_23";
import type { SeededConsole } from "./support/consoleFixtures";
import { seededConsole } from "./support/consoleFixtures";
import { consoleRequest } from "./support/consoleClient";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FY = "2020/21";
const FY_PATH = "2020-21";

/** The FY 2022/23 fixture replayed as FY 2020/21 (months July 2020 – April 2021), stored as phones would have. */
async function storeSourceRound(db: OutriggerDatabase): Promise<number> {
  let stored = 0;
  for (const [n, p] of PUBLISHED_FY2022_23.entries()) {
    const month = n < 6 ? `2020-${String(7 + n).padStart(2, "0")}` : `2021-0${n - 5}`;
    const workshopId = uuidv7();
    await db
      .insertInto("workshops")
      .values({
        id: workshopId,
        title: p.workshop.title,
        kind: p.workshop.kind,
        mode: "in-person",
        fiscal_year: FY,
        starts_on: `${month}-10`,
        ends_on: `${month}-14`,
        location: null,
        participating_administrations: p.workshop.participatingAdministrations,
        report_position: null,
      })
      .execute();
    const campaignId = uuidv7();
    await db
      .insertInto("campaigns")
      .values({
        id: campaignId,
        workshop_id: workshopId,
        questionnaire_id: "follow-up",
        questionnaire_version: 1,
        opens_at: "2021-06-01T00:00:00.000Z",
        due_on: "2021-06-22",
        late_replies_accepted: 1,
        status: "closed",
        created_at: "2021-05-01T00:00:00.000Z",
      })
      .execute();
    const replies = repliesFor(p);
    const codes = Array.from({ length: p.workshop.invitedParticipants }, (_x, i) => `ROUND${n + 1}-P${i + 1}`);
    // Workshop 2 also had an invitation withdrawn after its reply came: kept, marked, left out of the tables.
    const withdrawn = n === 1 ? `ROUND${n + 1}-WITHDRAWN` : undefined;
    for (const [i, code] of [...codes, ...(withdrawn ? [withdrawn] : [])].entries())
      await db
        .insertInto("invitations")
        .values({
          code,
          campaign_id: campaignId,
          participant_name: null,
          email: null,
          administration_code: replies[i]?.administrationCode ?? "FJ",
          position: null,
          created_at: "2021-05-01T00:00:00.000Z",
          relay_key: "a2V5",
          participant_id: null,
          reminded_at: null,
          withdrawn_at: code === withdrawn ? "2021-06-20T00:00:00.000Z" : null,
          withdrawn_by: null,
        })
        .execute();
    const rows = replies.map((r, i) => ({ code: codes[i], answers: r.answers }));
    // The first respondent of workshop 1 sent an earlier reply too: superseded, "Counted: no".
    if (n === 0) rows.unshift({ code: codes[0], answers: { ...replies[0].answers, application: "A first draft." } });
    if (withdrawn) rows.push({ code: withdrawn, answers: replies[0].answers });
    for (const row of rows) {
      const at = new Date(Date.UTC(2021, 5, 2, 0, stored)).toISOString();
      await db
        .insertInto("replies")
        .values({
          id: uuidv7(),
          campaign_id: campaignId,
          invitation_code: row.code,
          questionnaire_id: "follow-up",
          questionnaire_version: 1,
          answers: JSON.stringify(row.answers),
          started_at: at,
          submitted_at: at,
          app_version: "test",
          content_hash: "x",
          receipt_id: uuidv7(),
          received_at: at,
        })
        .execute();
      stored++;
    }
  }
  return stored;
}

describe.each(ENGINES)("an earlier round's replies imported (%s)", (engine) => {
  const clock = new Date("2026-03-16T09:00:00.000Z");
  const source = seededConsole(engine, () => clock, { signIn: "organiser" });
  const fresh = seededConsole(engine, () => clock, { signIn: "organiser" });
  const freshForXlsx = seededConsole(engine, () => clock, { signIn: "organiser" });
  let storedReplies = 0;
  let csv = "";
  let xlsx: Uint8Array;
  let sourceTables: unknown;

  const upload = (to: SeededConsole, body: string | Uint8Array, type: string, query = "") =>
    Promise.resolve(
      to.app.request(`/api/console/earlier-rounds/${FY_PATH}/replies${query}`, {
        method: "POST",
        headers: { Cookie: to.me.cookie, "X-CSRF-Token": to.me.csrfToken, "Content-Type": type },
        body: body as BodyInit,
      }),
    );
  const tablesOf = async (of: SeededConsole) => {
    const res = await consoleRequest(of.app, "GET", `/api/console/report/${FY_PATH}/tables`, of.me);
    expect(res.status).toBe(200);
    return ((await res.json()) as { sheets: unknown }).sheets;
  };
  const counts = async (of: SeededConsole) => ({
    replies: (await of.ctx.db.selectFrom("replies").select("id").execute()).length,
    workshops: (await of.ctx.db.selectFrom("workshops").select("id").where("fiscal_year", "=", FY).execute()).length,
  });

  beforeAll(async () => {
    storedReplies = await storeSourceRound(source.ctx.db);
    sourceTables = await tablesOf(source);
    csv = await (
      await consoleRequest(source.app, "GET", `/api/console/report/${FY_PATH}/replies.csv`, source.me)
    ).text();
    xlsx = new Uint8Array(
      await (
        await consoleRequest(source.app, "GET", `/api/console/report/${FY_PATH}/export.xlsx`, source.me)
      ).arrayBuffer(),
    );
  }, 120_000);

  it("a preview counts the replies and the workshops to create, and stores nothing", async () => {
    const before = await counts(fresh);
    const res = await upload(fresh, csv, "text/csv", "?preview=1");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ preview: true, replies: storedReplies, alreadyHere: 0 });
    expect(await counts(fresh)).toEqual(before);
  });

  it("replies.csv imported into a fresh database gives the same seven tables", async () => {
    const res = await upload(fresh, csv, "text/csv");
    expect(res.status).toBe(201);
    const outcome = (await res.json()) as { replies: number; alreadyHere: number; newWorkshops: string[] };
    expect(outcome).toMatchObject({ replies: storedReplies, alreadyHere: 0 });
    expect(outcome.newWorkshops).toHaveLength(PUBLISHED_FY2022_23.length);
    expect(await tablesOf(fresh)).toEqual(sourceTables);
    const campaigns = await fresh.ctx.db
      .selectFrom("campaigns")
      .innerJoin("workshops", "workshops.id", "campaigns.workshop_id")
      .select(["campaigns.imported_at", "campaigns.status"])
      .where("workshops.fiscal_year", "=", FY)
      .execute();
    expect(campaigns).toHaveLength(PUBLISHED_FY2022_23.length);
    expect(campaigns.every((c) => c.imported_at !== null && c.status === "closed")).toBe(true);
  });

  it("the imported year is in the trends, with its series per sub-region", async () => {
    const res = await consoleRequest(fresh.app, "GET", "/api/console/trends", fresh.me);
    expect(res.status).toBe(200);
    const trends = (await res.json()) as {
      years: { fiscalYear: string; source: string; replies: number }[];
      subRegions: { subRegion: string; years: { fiscalYear: string; replies: number }[] }[];
    };
    expect(trends.years.find((y) => y.fiscalYear === FY)).toMatchObject({ source: "replies", replies: 70 });
    const perSubRegion = trends.subRegions.map((s) => s.years.find((y) => y.fiscalYear === FY)?.replies ?? 0);
    expect(perSubRegion.reduce((a, b) => a + b, 0)).toBe(70);
    expect(trends.subRegions.map((s) => s.subRegion)).toEqual([
      "east-central-west-asia",
      "pacific-islands",
      "south-asia",
      "southeast-asia",
    ]);
  });

  it("the same file imported twice adds nothing", async () => {
    const before = await counts(fresh);
    const res = await upload(fresh, csv, "text/csv");
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ replies: storedReplies, alreadyHere: storedReplies, newWorkshops: [] });
    expect(await counts(fresh)).toEqual(before);
    expect(await tablesOf(fresh)).toEqual(sourceTables);
  });

  it("the XLSX export's Replies sheet imported into a fresh database gives the same seven tables", async () => {
    const res = await upload(freshForXlsx, xlsx, XLSX);
    expect(res.status).toBe(201);
    expect(await tablesOf(freshForXlsx)).toEqual(sourceTables);
  });

  it("a file with bad cells is refused whole, one line per problem by row and column, nothing stored", async () => {
    const before = await counts(freshForXlsx);
    const lines = csv.split("\r\n");
    const header = lines[0].replace(/^\uFEFF/, "").split(",");
    const kind = header.indexOf("Workshop kind");
    const third = lines[2].split(",");
    third[kind] = "continental";
    lines[2] = third.join(",");
    const withReport = lines.findIndex((l, i) => i > 2 && l.includes("Submitted a report to management"));
    lines[withReport] = lines[withReport].replace("Submitted a report to management", "Sent a postcard to management");
    const res = await upload(freshForXlsx, lines.join("\r\n"), "text/csv");
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("replies_file_refused");
    const messages = (error.details ?? []).map((d) => d.message);
    expect(messages).toContain(
      'row 3, column "Workshop kind": "continental" is not a kind: regional, sub-regional or national.',
    );
    expect(
      messages.some(
        (m) => m.startsWith(`row ${withReport + 1}, column "`) && m.includes('"Sent a postcard to management'),
      ),
    ).toBe(true);
    expect(await counts(freshForXlsx)).toEqual(before);
  });

  it("only organisers may import, and the body is size-limited", async () => {
    const tooBig = "x".repeat(5 * 1024 * 1024 + 1);
    expect((await upload(fresh, tooBig, "text/csv")).status).toBe(413);
    const res = await fresh.app.request(`/api/console/earlier-rounds/${FY_PATH}/replies`, {
      method: "POST",
      headers: { "Content-Type": "text/csv" },
      body: csv,
    });
    expect(res.status).toBe(401);
  });
});
