// Workshops known only by their month and a count of administrations: stored, in Table 1, and their campaign's dates.
import { describe, expect, it } from "vitest";
import { campaignDetail, consoleWorkshop } from "../../src/shared/console";
import { consoleRequest, loadedVersion } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("workshops known by month and count (%s)", (engine) => {
  const now = new Date("2026-03-01T09:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser" });
  const as = (method: string, path: string, body?: unknown) =>
    consoleRequest(seeded.app, method, path, seeded.me, body);
  let workshopId: string;

  it("a workshop given only a month and a count of administrations takes its fiscal year from the month", async () => {
    const res = await as("POST", "/api/console/workshops", {
      title: "Regional Workshop on Customs Valuation (2020)",
      kind: "regional",
      mode: "virtual",
      month: "2020-11",
      participatingAdministrations: 17,
    });
    expect(res.status).toBe(201);
    const created = consoleWorkshop.parse(await res.json());
    expect(created).toMatchObject({ fiscalYear: "2020/21", month: "2020-11", participatingAdministrations: 17 });
    expect(created.startsOn).toBeUndefined();
    expect(created.administrationCodes).toEqual([]);
    workshopId = created.id;
  });

  it("a bad month is refused with the field named, nothing stored", async () => {
    const before = await seeded.ctx.db.selectFrom("workshops").select("id").execute();
    const res = await as("POST", "/api/console/workshops", {
      title: "Bad month",
      kind: "regional",
      mode: "virtual",
      month: "2020-13",
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).details?.[0]?.path).toBe("month");
    expect(await seeded.ctx.db.selectFrom("workshops").select("id").execute()).toHaveLength(before.length);
  });

  it("Table 1 prints the workshop with its month and its count as the reply-rate denominator", async () => {
    const res = await as("GET", "/api/console/report/2020-21/published");
    expect(res.status).toBe(200);
    const { tables } = (await res.json()) as { tables: { rows: { cells: { runs: { text: string }[] }[] }[] }[] };
    const texts = tables[0].rows.map((r) => r.cells.map((c) => c.runs.map((run) => run.text).join("")));
    const row = texts.find((r) => r.some((t) => t.includes("Customs Valuation (2020)")))!;
    expect(row).toContain("Regional Workshop on Customs Valuation (2020) (Nov. 2020)");
    expect(row).toContain("17");
  });

  it("a campaign opened on it without dates opens six months after the end of the month, due three weeks later", async () => {
    expect(
      (
        await as("POST", `/api/console/workshops/${workshopId}/participants`, {
          name: "Sione Tupou",
          administrationCode: "TO",
          email: "sione@example.org",
        })
      ).status,
    ).toBe(201);
    const res = await as("POST", `/api/console/workshops/${workshopId}/campaigns`, {});
    expect(res.status).toBe(201);
    const { campaign } = campaignDetail.parse(await res.json());
    expect(campaign.opensAt).toBe("2021-05-31T00:00:00.000Z");
    expect(campaign.dueOn).toBe("2021-06-21");
  });

  it("the console's own midnight is kept when it sends the day (Tonga, UTC+13)", async () => {
    const res = await as("POST", `/api/console/workshops/${workshopId}/campaigns`, {
      opensAt: "2021-05-30T11:00:00.000Z",
      dueOn: "2021-06-21",
    });
    expect(res.status).toBe(201);
    const { campaign } = campaignDetail.parse(await res.json());
    expect(campaign).toMatchObject({ opensAt: "2021-05-30T11:00:00.000Z", dueOn: "2021-06-21" });
  });

  it("dates given later win over the month, and a list given later sets the count", async () => {
    const res = await as("PATCH", `/api/console/workshops/${workshopId}`, {
      version: await loadedVersion(seeded.app, `/api/console/workshops/${workshopId}`, seeded.me),
      startsOn: "2020-11-16",
      endsOn: "2020-11-20",
      administrationCodes: ["FJ", "TO"],
    });
    expect(res.status).toBe(200);
    const changed = consoleWorkshop.parse(await res.json());
    expect(changed).toMatchObject({ startsOn: "2020-11-16", participatingAdministrations: 2, fiscalYear: "2020/21" });
    expect(changed.month).toBeUndefined();
  });
});
