// The audit log: every console create, save and delete leaves a row (who, when, fields before → after); organisers only.
import { describe, expect, it } from "vitest";
import { AUDIT_LOG_PAGE_SIZE, AUDIT_VALUE_MAX_CHARS, auditLogPage, type AuditEntry } from "../../src/shared/auditLog";
import { consoleWorkshop, participantList } from "../../src/shared/console";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("audit log (%s)", (engine) => {
  const clock = new Date("2026-12-03T09:00:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser and viewer" });

  const page = async (query = "") => {
    const res = await consoleRequest(seeded.app, "GET", `/api/console/audit-log${query}`, seeded.me);
    expect(res.status).toBe(200);
    return auditLogPage.parse(await res.json());
  };
  const rowsAbout = async (id: string): Promise<AuditEntry[]> =>
    (await page()).entries.filter((e) => e.entityId === id).reverse();

  it("records a workshop's creation, save and deletion with who, when and the fields before → after", async () => {
    const created = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      title: "Audit workshop",
      kind: "national",
      mode: "virtual",
      startsOn: "2026-08-03",
      location: "Online",
    });
    const workshop = consoleWorkshop.parse(await created.json());
    const path = `/api/console/workshops/${workshop.id}`;
    expect((await consoleRequest(seeded.app, "PATCH", path, seeded.me, { version: 1, location: "Suva" })).status).toBe(
      200,
    );
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.me)).status).toBe(204);

    const rows = await rowsAbout(workshop.id);
    expect(rows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
    for (const row of rows) expect(row).toMatchObject({ accountName: "Test organiser", entityType: "workshop" });
    expect(rows[0].at).toBe("2026-12-03T09:00:00.000Z");
    expect(rows[0].changes.title).toEqual({ after: "Audit workshop" });
    expect(rows[1].changes).toEqual({ location: { before: "Online", after: "Suva" } });
    expect(rows[2].changes.location).toEqual({ before: "Suva" });
  });

  it("records participants and campaigns added, saved and removed", async () => {
    const { workshopId, campaign } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "Audited people",
      participants: [{ name: "Sione Vea", administrationCode: "TO", email: "sione@example.org" }],
    });
    const people = participantList.parse(
      await (
        await consoleRequest(seeded.app, "GET", `/api/console/workshops/${workshopId}/participants`, seeded.me)
      ).json(),
    ).participants;
    const personPath = `/api/console/participants/${people[0].id}`;
    await consoleRequest(seeded.app, "PATCH", personPath, seeded.me, { version: 1, name: "Sione Vea Jr" });
    const campaignPath = `/api/console/campaigns/${campaign.campaign.id}`;
    await consoleRequest(seeded.app, "PATCH", campaignPath, seeded.me, { version: 1, lateRepliesAccepted: false });
    expect((await consoleRequest(seeded.app, "DELETE", campaignPath, seeded.me)).status).toBe(204);
    expect((await consoleRequest(seeded.app, "DELETE", personPath, seeded.me)).status).toBe(204);

    const personRows = await rowsAbout(people[0].id);
    expect(personRows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
    expect(personRows[1].changes).toEqual({ name: { before: "Sione Vea", after: "Sione Vea Jr" } });
    const campaignRows = await rowsAbout(campaign.campaign.id);
    expect(campaignRows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
    expect(campaignRows[1].changes).toEqual({ lateRepliesAccepted: { before: true, after: false } });
  });

  it("records a campaign's e-mail wording saved and set back to the default", async () => {
    const { campaign } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "Audited wording",
      participants: [{ name: "Ana Lui", administrationCode: "TO", email: "ana.lui@example.org" }],
    });
    const path = `/api/console/campaigns/${campaign.campaign.id}/messages/invitation`;
    const wording = {
      subject: "{workshop}: six months on",
      body: "Bula {name}, tell us by {due_date}: {link} (code {code})",
      signature: "Capacity Building Unit",
      replyTo: null,
      cc: [],
    };
    expect((await consoleRequest(seeded.app, "PUT", path, seeded.me, { ...wording, version: 0 })).status).toBe(200);
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.me)).status).toBe(200);
    const rows = await rowsAbout(`${campaign.campaign.id}/invitation`);
    expect(rows.map((r) => [r.entityType, r.action])).toEqual([
      ["message_template", "update"],
      ["message_template", "delete"],
    ]);
    expect(rows[0].changes.subject.after).toBe("{workshop}: six months on");
    expect(rows[1].changes.subject).toEqual({ before: "{workshop}: six months on" });
  });

  it("keeps each value it records short", async () => {
    const created = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      title: "x".repeat(400),
      kind: "national",
      mode: "virtual",
      fiscalYear: "2026/27",
    });
    const { id } = consoleWorkshop.parse(await created.json());
    const [row] = await rowsAbout(id);
    const title = String(row.changes.title.after);
    expect(title.length).toBeLessThan(AUDIT_VALUE_MAX_CHARS + 20);
    expect(title.endsWith("… (cut)")).toBe(true);
  });

  it("answers a page at a time, newest first, and the next page from `before`", async () => {
    for (let i = 0; i < AUDIT_LOG_PAGE_SIZE; i++)
      await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
        title: `Paged ${i}`,
        kind: "national",
        mode: "virtual",
        fiscalYear: "2026/27",
      });
    const first = await page();
    expect(first.entries).toHaveLength(AUDIT_LOG_PAGE_SIZE);
    expect(first.entries[0].changes.title.after).toBe(`Paged ${AUDIT_LOG_PAGE_SIZE - 1}`);
    expect(first.nextBefore).toBeDefined();
    const second = await page(`?before=${first.nextBefore}`);
    expect(second.entries.length).toBeGreaterThan(0);
    expect(second.entries[0].id < first.entries[first.entries.length - 1].id).toBe(true);
    const bad = await consoleRequest(seeded.app, "GET", "/api/console/audit-log?before=nonsense", seeded.me);
    expect(bad.status).toBe(400);
  });

  it("is for organisers only: a viewer gets 403 and nobody signed in 401", async () => {
    const asViewer = await consoleRequest(seeded.app, "GET", "/api/console/audit-log", seeded.viewer);
    expect(asViewer.status).toBe(403);
    expect((await errorOf(asViewer)).code).toBe("forbidden");
    expect((await consoleRequest(seeded.app, "GET", "/api/console/audit-log", undefined)).status).toBe(401);
  });
});
