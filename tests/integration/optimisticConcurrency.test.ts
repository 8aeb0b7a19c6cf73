// Two organisers never overwrite each other: every form save names the version it loaded; a stale one gets 409.
import { describe, expect, it } from "vitest";
import { auditLogPage } from "../../src/shared/auditLog";
import { campaignDetail, consoleWorkshop, participant } from "../../src/shared/console";
import { changedElsewhereAnswer } from "../../src/shared/editConflicts";
import { consoleRequest, type SignedIn } from "./support/consoleClient";
import { seededConsole, signedInOrganiser, workshopWithCampaign } from "./support/consoleFixtures";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("optimistic concurrency of console forms (%s)", (engine) => {
  let clock = new Date("2026-12-03T10:41:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser" });
  let ana: SignedIn;
  let ben: SignedIn;

  const workshopPath = (id: string) => `/api/console/workshops/${id}`;
  const readWorkshop = async (who: SignedIn, id: string) =>
    consoleWorkshop.parse(await (await consoleRequest(seeded.app, "GET", workshopPath(id), who)).json());
  const auditRows = async () =>
    auditLogPage.parse(await (await consoleRequest(seeded.app, "GET", "/api/console/audit-log", ana)).json()).entries;

  it("a save with the version the form loaded lands and moves the version on", async () => {
    ana = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ana@example.org", "organiser", "Ana Tui");
    ben = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ben@example.org", "organiser", "Ben Kalo");
    const before = await readWorkshop(ana, "fy2223-09-rkc");
    expect(before.version).toBe(1);
    const res = await consoleRequest(seeded.app, "PATCH", workshopPath(before.id), ana, {
      version: before.version,
      location: "Nadi, Fiji",
    });
    expect(res.status).toBe(200);
    expect(consoleWorkshop.parse(await res.json())).toMatchObject({
      version: 2,
      location: "Nadi, Fiji",
      updatedBy: "Ana Tui",
      updatedAt: "2026-12-03T10:41:00.000Z",
    });
  });

  it("a stale save is refused 409 changed_elsewhere, naming who changed it and when, and changes nothing", async () => {
    const stale = await readWorkshop(ben, "fy2223-09-rkc");
    clock = new Date("2026-12-03T11:05:00.000Z");
    expect(
      (
        await consoleRequest(seeded.app, "PATCH", workshopPath(stale.id), ana, {
          version: stale.version,
          location: "Apia, Samoa",
        })
      ).status,
    ).toBe(200);
    const auditedBefore = (await auditRows()).length;
    const res = await consoleRequest(seeded.app, "PATCH", workshopPath(stale.id), ben, {
      version: stale.version,
      location: "Suva, Fiji",
      title: "Ben's title",
    });
    expect(res.status).toBe(409);
    const answer = changedElsewhereAnswer.parse(await res.json());
    expect(answer.error.code).toBe("changed_elsewhere");
    expect(answer.error.message).toBe("Changed by Ana Tui at 2026-12-03 11:05 UTC — your changes are not saved.");
    expect(consoleWorkshop.parse(answer.current)).toMatchObject({ version: 3, location: "Apia, Samoa" });
    expect(await readWorkshop(ben, stale.id)).toMatchObject({
      version: 3,
      location: "Apia, Samoa",
      title: stale.title,
    });
    expect((await auditRows()).length).toBe(auditedBefore);
  });

  it("'keep mine' is the same save sent again with the current version: it lands", async () => {
    const current = await readWorkshop(ben, "fy2223-09-rkc");
    const res = await consoleRequest(seeded.app, "PATCH", workshopPath(current.id), ben, {
      version: current.version,
      location: "Suva, Fiji",
    });
    expect(res.status).toBe(200);
    expect(consoleWorkshop.parse(await res.json())).toMatchObject({ location: "Suva, Fiji", updatedBy: "Ben Kalo" });
  });

  it("of two saves racing from the same version exactly one lands, and only it is audited", async () => {
    const loaded = await readWorkshop(ana, "fy2223-09-rkc");
    const auditedBefore = (await auditRows()).length;
    const answers = await Promise.all(
      [ana, ben, ana, ben].map((who, i) =>
        consoleRequest(seeded.app, "PATCH", workshopPath(loaded.id), who, {
          version: loaded.version,
          location: `Venue ${i}`,
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.findIndex((r) => r.status === 200);
    expect(await readWorkshop(ana, loaded.id)).toMatchObject({
      version: loaded.version + 1,
      location: `Venue ${winner}`,
    });
    const rows = await auditRows();
    expect(rows.length).toBe(auditedBefore + 1);
    expect(rows[0].changes.location).toEqual({ before: loaded.location, after: `Venue ${winner}` });
  });

  it("a save without the version it was loaded with is refused 400, nothing written", async () => {
    const before = await readWorkshop(ana, "fy2223-09-rkc");
    const res = await consoleRequest(seeded.app, "PATCH", workshopPath(before.id), ana, { location: "Elsewhere" });
    expect(res.status).toBe(400);
    expect(await readWorkshop(ana, before.id)).toEqual(before);
  });

  it("participants and campaigns refuse stale saves the same way", async () => {
    const { workshopId, campaign } = await workshopWithCampaign(seeded.app, ana, {
      title: "Concurrency workshop",
      participants: [{ name: "Mele Fifita", administrationCode: "TO", email: "mele@example.org" }],
    });
    const people = await consoleRequest(seeded.app, "GET", `${workshopPath(workshopId)}/participants`, ana);
    const mele = participant.parse(((await people.json()) as { participants: unknown[] }).participants[0]);
    const personPath = `/api/console/participants/${mele.id}`;
    expect(
      (await consoleRequest(seeded.app, "PATCH", personPath, ana, { version: 1, position: "Auditor" })).status,
    ).toBe(200);
    const stalePerson = await consoleRequest(seeded.app, "PATCH", personPath, ben, { version: 1, position: "Chief" });
    expect(stalePerson.status).toBe(409);
    const personAnswer = changedElsewhereAnswer.parse(await stalePerson.json());
    expect(personAnswer.error.message).toMatch(/^Changed by Ana Tui at /);
    expect(participant.parse(personAnswer.current)).toMatchObject({ version: 2, position: "Auditor" });

    const campaignPath = `/api/console/campaigns/${campaign.campaign.id}`;
    expect(campaign.campaign.version).toBe(1);
    const moved = await consoleRequest(seeded.app, "PATCH", campaignPath, ana, { version: 1, dueOn: "2024-04-30" });
    expect(moved.status).toBe(200);
    expect(campaignDetail.parse(await moved.json()).campaign).toMatchObject({ version: 2, dueOn: "2024-04-30" });
    const staleCampaign = await consoleRequest(seeded.app, "PATCH", campaignPath, ben, {
      version: 1,
      status: "closed",
    });
    expect(staleCampaign.status).toBe(409);
    const campaignAnswer = changedElsewhereAnswer.parse(await staleCampaign.json());
    expect(campaignAnswer.current).toMatchObject({ version: 2, status: "open", dueOn: "2024-04-30" });
  });

  it("a workshop known by its fiscal year only saves with its empty dates sent back, keeping its fiscal year", async () => {
    const before = await readWorkshop(ana, "fy2223-09-rkc");
    expect(before.startsOn ?? null).toBeNull();
    const res = await consoleRequest(seeded.app, "PATCH", workshopPath(before.id), ana, {
      version: before.version,
      startsOn: null,
      endsOn: null,
      location: "Nadi",
    });
    expect(res.status).toBe(200);
    expect(consoleWorkshop.parse(await res.json())).toMatchObject({ fiscalYear: before.fiscalYear, location: "Nadi" });
  });
});
