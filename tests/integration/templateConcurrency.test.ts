// Two organisers wording the same campaign e-mail never overwrite each other: a save names the template's version
// the form loaded (0 while it is the office's default); a stale one gets 409 changed_elsewhere, nothing written.
import { describe, expect, it } from "vitest";
import { auditLogPage } from "../../src/shared/auditLog";
import { changedElsewhereAnswer } from "../../src/shared/editConflicts";
import { campaignMessageTemplates, storedTemplate, type MessageTemplate } from "../../src/shared/messageTemplates";
import { consoleRequest, type SignedIn } from "./support/consoleClient";
import { seededConsole, signedInOrganiser, workshopWithCampaign } from "./support/consoleFixtures";
import { ENGINES } from "./support/testDatabase";

const WORDING: MessageTemplate = {
  subject: "{workshop}: six months on",
  body: "Bula {name}, tell us by {due_date}: {link} (code {code})",
  signature: "Capacity Building Unit",
  replyTo: null,
  cc: [],
};

describe.each(ENGINES)("optimistic concurrency of campaign e-mail wording (%s)", (engine) => {
  let clock = new Date("2026-12-03T10:41:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser" });
  let ana: SignedIn;
  let ben: SignedIn;
  let campaignId = "";

  const path = (kind = "invitation") => `/api/console/campaigns/${campaignId}/messages/${kind}`;
  const templates = async (who: SignedIn) =>
    campaignMessageTemplates.parse(
      await (await consoleRequest(seeded.app, "GET", `/api/console/campaigns/${campaignId}/messages`, who)).json(),
    );
  const auditRows = async () =>
    auditLogPage
      .parse(await (await consoleRequest(seeded.app, "GET", "/api/console/audit-log", ana)).json())
      .entries.filter((e) => e.entityType === "message_template");

  it("the first save from the default (version 0) lands as version 1, names who saved it, and is audited", async () => {
    ana = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ana@example.org", "organiser", "Ana Tui");
    ben = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ben@example.org", "organiser", "Ben Kalo");
    ({
      campaign: {
        campaign: { id: campaignId },
      },
    } = await workshopWithCampaign(seeded.app, ana, {
      title: "Wording workshop",
      participants: [{ name: "Mele Fifita", administrationCode: "TO", email: "mele@example.org" }],
    }));
    expect((await templates(ana)).invitation).toMatchObject({ isDefault: true, version: 0 });
    const res = await consoleRequest(seeded.app, "PUT", path(), ana, { ...WORDING, version: 0 });
    expect(res.status).toBe(200);
    expect(campaignMessageTemplates.parse(await res.json()).invitation).toEqual({
      ...WORDING,
      isDefault: false,
      version: 1,
      updatedAt: "2026-12-03T10:41:00.000Z",
      updatedBy: "Ana Tui",
    });
    const [row] = await auditRows();
    expect(row).toMatchObject({ accountName: "Ana Tui", action: "update", entityId: `${campaignId}/invitation` });
    expect(row.changes.subject).toEqual({ before: "Follow-up questionnaire for {workshop}", after: WORDING.subject });
  });

  it("a stale save is refused 409 changed_elsewhere with the wording as it stands, and changes nothing", async () => {
    clock = new Date("2026-12-03T11:05:00.000Z");
    const auditedBefore = (await auditRows()).length;
    // Ben's form was loaded before Ana's save, on the default.
    const res = await consoleRequest(seeded.app, "PUT", path(), ben, {
      ...WORDING,
      subject: "Ben's subject {workshop}",
      version: 0,
    });
    expect(res.status).toBe(409);
    const answer = changedElsewhereAnswer.parse(await res.json());
    expect(answer.error.code).toBe("changed_elsewhere");
    expect(answer.error.message).toBe("Changed by Ana Tui at 2026-12-03 10:41 UTC — your changes are not saved.");
    expect(storedTemplate.parse(answer.current)).toMatchObject({ subject: WORDING.subject, version: 1 });
    expect((await templates(ben)).invitation).toMatchObject({ subject: WORDING.subject, version: 1 });
    expect((await auditRows()).length).toBe(auditedBefore);

    // "Keep mine": the same save over the version just shown lands.
    const again = await consoleRequest(seeded.app, "PUT", path(), ben, {
      ...WORDING,
      subject: "Ben's subject {workshop}",
      version: 1,
    });
    expect(again.status).toBe(200);
    expect(campaignMessageTemplates.parse(await again.json()).invitation).toMatchObject({
      subject: "Ben's subject {workshop}",
      version: 2,
      updatedBy: "Ben Kalo",
    });
    expect((await auditRows()).length).toBe(auditedBefore + 1);
  });

  it("of saves racing from the same version exactly one lands, and only it is audited", async () => {
    const loaded = (await templates(ana)).invitation;
    const auditedBefore = (await auditRows()).length;
    const answers = await Promise.all(
      [ana, ben, ana, ben].map((who, i) =>
        consoleRequest(seeded.app, "PUT", path(), who, {
          ...WORDING,
          subject: `Take ${i}: {workshop}`,
          version: loaded.version,
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.findIndex((r) => r.status === 200);
    expect((await templates(ana)).invitation).toMatchObject({
      subject: `Take ${winner}: {workshop}`,
      version: loaded.version + 1,
    });
    expect((await auditRows()).length).toBe(auditedBefore + 1);
  });

  it("two first saves racing from the default: exactly one lands", async () => {
    const answers = await Promise.all(
      [ana, ben].map((who, i) =>
        consoleRequest(seeded.app, "PUT", path("reminder"), who, { ...WORDING, subject: `First ${i}`, version: 0 }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("going back to the default moves the version on: a form loaded before it cannot save over it", async () => {
    const loaded = (await templates(ana)).invitation;
    const reset = await consoleRequest(seeded.app, "DELETE", path(), ben);
    expect(campaignMessageTemplates.parse(await reset.json()).invitation).toMatchObject({
      isDefault: true,
      version: loaded.version + 1,
      updatedBy: "Ben Kalo",
    });
    const stale = await consoleRequest(seeded.app, "PUT", path(), ana, { ...WORDING, version: loaded.version });
    expect(stale.status).toBe(409);
    expect(changedElsewhereAnswer.parse(await stale.json()).current).toMatchObject({ isDefault: true });
    const fresh = await consoleRequest(seeded.app, "PUT", path(), ana, { ...WORDING, version: loaded.version + 1 });
    expect(fresh.status).toBe(200);
    expect(campaignMessageTemplates.parse(await fresh.json()).invitation).toMatchObject({
      isDefault: false,
      version: loaded.version + 2,
    });
  });

  it("a save without the version it was loaded with is refused 400, nothing written", async () => {
    const before = await templates(ana);
    const res = await consoleRequest(seeded.app, "PUT", path(), ana, { ...WORDING, subject: "No version {workshop}" });
    expect(res.status).toBe(400);
    expect(await templates(ana)).toEqual(before);
  });
});
