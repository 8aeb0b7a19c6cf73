// Saving an invitation on the phone: campaign, workshop, questionnaire versions kept side by side, and administrations.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { getJoined, listJoined, saveInvitation } from "../../src/app/store/campaigns";
import { db, questionnaireKey } from "../../src/app/store/db";
import type { Campaign } from "../../src/shared/campaign";
import { followUpV1 } from "../../src/shared/questionnaires";
import { followUpV2, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

beforeEach(resetDb);

describe("saving an invitation", () => {
  it("stores the campaign, workshop, questionnaire version and administrations", async () => {
    await saveInvitation(invitation(), new Date("2023-06-02T08:00:00Z"));
    const joined = await getJoined(INVITATION_CODE);
    expect(joined).toMatchObject({
      invitationCode: INVITATION_CODE,
      joinedAt: "2023-06-02T08:00:00.000Z",
      prefill: { administrationCode: "TO" },
    });
    expect(joined?.refreshedAt).toBeUndefined();
    expect(await db.workshops.get("ws-2023-rkc")).toBeDefined();
    expect((await db.questionnaires.get(questionnaireKey("follow-up", 1)))?.definition).toEqual(followUpV1);
    expect(await db.administrations.count()).toBe(2);
  });

  it("a refresh keeps the first join time and records when it refreshed", async () => {
    await saveInvitation(invitation(), new Date("2023-06-02T08:00:00Z"));
    const withdrawn = invitation();
    withdrawn.campaign.status = "withdrawn";
    await saveInvitation(withdrawn, new Date("2023-06-05T08:00:00Z"));
    const joined = await getJoined(INVITATION_CODE);
    expect(joined).toMatchObject({
      joinedAt: "2023-06-02T08:00:00.000Z",
      refreshedAt: "2023-06-05T08:00:00.000Z",
      campaign: { status: "withdrawn" },
    });
  });

  it("a new questionnaire version is added beside the old one, which is never replaced", async () => {
    await saveInvitation(invitation());
    const altered = structuredClone(followUpV1);
    altered.title = "Changed under the same version";
    await saveInvitation(invitation({ questionnaire: altered }));
    await saveInvitation(invitation({ questionnaire: followUpV2() }));
    expect((await db.questionnaires.get(questionnaireKey("follow-up", 1)))?.definition.title).toBe(followUpV1.title);
    expect((await db.questionnaires.get(questionnaireKey("follow-up", 2)))?.definition.version).toBe(2);
  });

  it("an administration missing from a later list is kept", async () => {
    await saveInvitation(invitation());
    await saveInvitation(
      invitation({ administrations: [{ code: "WS", name: "Samoa", subRegion: "pacific-islands" }] }),
    );
    expect((await db.administrations.toCollection().primaryKeys()).sort()).toEqual(["FJ", "TO", "WS"]);
  });

  it("a campaign joined before due dates were days (kept with a due instant) reads as the day the organiser chose", async () => {
    const { dueOn: _day, ...campaign } = invitation().campaign;
    // As an older app stored it: the console's "22 June" travelled as its last second in UTC.
    await db.campaigns.put({
      invitationCode: INVITATION_CODE,
      campaign: { ...campaign, dueAt: "2023-06-22T23:59:59.000Z" } as unknown as Campaign,
      prefill: {},
      joinedAt: "2023-06-02T08:00:00.000Z",
    });
    expect((await getJoined(INVITATION_CODE))?.campaign.dueOn).toBe("2023-06-22");
    expect((await listJoined())[0].campaign).not.toHaveProperty("dueAt");
  });

  it("lists every joined campaign", async () => {
    await saveInvitation(invitation());
    await saveInvitation(invitation({ code: "DEMO-FJ2" }));
    expect((await listJoined()).map((j) => j.invitationCode)).toEqual(["DEMO-FJ2", "DEMO-TO1"]);
  });
});
