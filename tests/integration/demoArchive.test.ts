// Archiving the demo data from the console: it leaves lists, tracking and reports, its codes take no new reply,
// nothing is deleted, a restart does not seed it again, and restoring brings it all back. Organisers only.
import { describe, expect, it } from "vitest";
import { INVITATION_PAYLOAD_VERSION, invitationPayload } from "../../src/shared/api";
import { consoleWorkshop } from "../../src/shared/console";
import { demoDataState } from "../../src/shared/demoArchive";
import { seedIfEmpty } from "../../src/server/db/seed";
import { DEMO_CAMPAIGN_ID, DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import type { BuiltReport } from "../../src/server/report/reportData";
import type { ReplyTracking } from "../../src/server/report/tracking";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("archiving the demo data (%s)", (engine) => {
  const now = new Date("2024-01-10T09:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });

  async function listedWorkshopIds(): Promise<string[]> {
    const res = await consoleRequest(seeded.app, "GET", "/api/console/workshops", seeded.me);
    const body = (await res.json()) as { workshops: unknown[] };
    return body.workshops.map((w) => consoleWorkshop.parse(w).id);
  }

  async function tracked(): Promise<{ workshops: string[]; replies: number }> {
    const res = await consoleRequest(seeded.app, "GET", "/api/console/tracking/2022-23", seeded.me);
    const tracking = (await res.json()) as ReplyTracking;
    return { workshops: tracking.table.rows.map((r) => r.workshopId), replies: tracking.table.total.replies };
  }

  async function reportedWorkshops(): Promise<string[]> {
    const res = await consoleRequest(seeded.app, "GET", "/api/console/report/2022-23", seeded.me);
    const built = (await res.json()) as BuiltReport;
    return built.report.tables.replies.rows.map((r) => r.workshopId).filter((id) => id === DEMO_WORKSHOP_ID);
  }

  const replyFrom = (code: string, administration: string) =>
    validReply({ invitationCode: code, answers: validAnswers({ administration }) });

  it("an archived demo leaves the lists, tracking and report, refuses new replies, survives a restart and comes back when restored", async () => {
    const before = await postBatch(seeded.app, [replyFrom("DEMO-TO1", "TO")]);
    expect(before.results[0].outcome).toBe("stored");
    expect(await listedWorkshopIds()).toContain(DEMO_WORKSHOP_ID);
    expect(await tracked()).toMatchObject({ replies: 1 });
    expect(await reportedWorkshops()).toEqual([DEMO_WORKSHOP_ID]);
    const workshopsBefore = (await listedWorkshopIds()).length;

    const archived = await consoleRequest(seeded.app, "POST", "/api/console/demo-data/archive", seeded.me);
    expect(archived.status).toBe(200);
    const state = demoDataState.parse(await archived.json());
    expect(state).toMatchObject({ present: true, archivedAt: now.toISOString(), campaignId: DEMO_CAMPAIGN_ID });
    expect(state.invitationCodes).toHaveLength(5);

    expect(await listedWorkshopIds()).not.toContain(DEMO_WORKSHOP_ID);
    expect((await listedWorkshopIds()).length).toBe(workshopsBefore - 1);
    const trackedArchived = await tracked();
    expect(trackedArchived.workshops).not.toContain(DEMO_WORKSHOP_ID);
    expect(trackedArchived.replies).toBe(0);
    expect(await reportedWorkshops()).toEqual([]);

    const refused = (await postBatch(seeded.app, [replyFrom("DEMO-VU2", "VU")])).results[0];
    expect(refused).toMatchObject({ outcome: "rejected", status: 422, error: { code: "invitation_archived" } });
    expect(refused.outcome === "rejected" && refused.error.message).toMatch(/archived/);
    const fetched = await seeded.app.request(`/api/invitations/DEMO-VU2?v=${INVITATION_PAYLOAD_VERSION}`);
    expect(invitationPayload.parse(await fetched.json()).campaign.status).toBe("withdrawn");

    // A restart runs the seed again: the demo is not added back and its codes are not offered.
    const restart = await seedIfEmpty(seeded.ctx.db, now);
    expect(restart).toMatchObject({ seeded: false, demoInvitationCodes: [] });
    expect(await listedWorkshopIds()).not.toContain(DEMO_WORKSHOP_ID);

    const restored = await consoleRequest(seeded.app, "POST", "/api/console/demo-data/restore", seeded.me);
    expect(restored.status).toBe(200);
    expect(demoDataState.parse(await restored.json()).archivedAt).toBeNull();
    expect(await listedWorkshopIds()).toContain(DEMO_WORKSHOP_ID);
    expect(await tracked()).toMatchObject({ replies: 1 });
    expect(await reportedWorkshops()).toEqual([DEMO_WORKSHOP_ID]);
    expect((await postBatch(seeded.app, [replyFrom("DEMO-VU2", "VU")])).results[0].outcome).toBe("stored");
    expect((await seedIfEmpty(seeded.ctx.db, now)).demoInvitationCodes).toHaveLength(5);
  });

  it("only an organiser may archive or restore, and a viewer sees the state", async () => {
    const refused = await consoleRequest(seeded.app, "POST", "/api/console/demo-data/archive", seeded.viewer);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("forbidden");
    const state = await consoleRequest(seeded.app, "GET", "/api/console/demo-data", seeded.viewer);
    expect(state.status).toBe(200);
    expect(demoDataState.parse(await state.json())).toMatchObject({ present: true, archivedAt: null });
  });
});
