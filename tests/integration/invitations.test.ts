// GET /api/invitations/:code: the seeded demo invitations, what a code returns, and how codes are matched.
import { describe, expect, it } from "vitest";
import { invitationPath, invitationPayload } from "../../src/shared/api";
import { campaignWithDueInstant } from "../../src/shared/campaign";
import { DEMO_CAMPAIGN_ID, MEMBER_ADMINISTRATIONS } from "../../src/server/db/seedData";
import { errorOf } from "./support/requests";
import { seededConsole } from "./support/consoleFixtures";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("GET /api/invitations/:code (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now);

  it("first start seeds five demo invitations for the RKC follow-up", () => {
    expect(seeded.ctx.seed.seeded).toBe(true);
    expect(seeded.ctx.seed.demoInvitationCodes).toEqual(["DEMO-FJ3", "DEMO-PG5", "DEMO-TO1", "DEMO-VU2", "DEMO-WS4"]);
  });

  it("a known code returns campaign, workshop, questionnaire, administrations and the prefill", async () => {
    const res = await seeded.app.request(invitationPath("DEMO-TO1"));
    expect(res.status).toBe(200);
    const payload = invitationPayload.parse(await res.json());
    expect(payload.code).toBe("DEMO-TO1");
    expect(payload.prefill).toMatchObject({ participantName: "Sela Taufa", administrationCode: "TO" });
    expect(payload.campaign).toMatchObject({
      id: DEMO_CAMPAIGN_ID,
      status: "open",
      lateRepliesAccepted: true,
      questionnaireId: "follow-up",
      questionnaireVersion: 2,
    });
    // Three weeks after 1 Feb, as a calendar day.
    expect(payload.campaign.dueOn).toBe("2024-02-22");
    expect(payload.workshop).toEqual({
      id: "fy2223-09-rkc",
      title: "WCO Regional Workshop on The Revised Kyoto Convention (RKC) for the Asia Pacific Region",
      kind: "regional",
      mode: "in-person",
      fiscalYear: "2022/23",
    });
    expect(payload.questionnaire.id).toBe("follow-up");
    expect(payload.administrations).toHaveLength(MEMBER_ADMINISTRATIONS.length);
    expect(payload.administrations).toContainEqual({ code: "VU", name: "Vanuatu", subRegion: "pacific-islands" });
  });

  it("an app installed before due dates were days gets the campaign in the shape it reads, due on the same day", async () => {
    const res = await seeded.app.request("/api/invitations/DEMO-TO1");
    expect(res.status).toBe(200);
    const { campaign } = (await res.json()) as { campaign: unknown };
    // Older apps parse the campaign strictly: `dueAt` present, no field they do not know.
    const older = campaignWithDueInstant.parse(campaign);
    const inTonga = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Pacific/Tongatapu" });
    const inKathmandu = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Asia/Kathmandu" });
    expect(inTonga.format(new Date(older.dueAt))).toBe("22 Feb 2024");
    expect(inKathmandu.format(new Date(older.dueAt))).toBe("22 Feb 2024");
  });

  it("a code typed in lower case with spaces is still found", async () => {
    const res = await seeded.app.request("/api/invitations/%20demo-vu2%20");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { code: string }).code).toBe("DEMO-VU2");
  });

  it("an unknown code answers 404 unknown_invitation", async () => {
    const res = await seeded.app.request("/api/invitations/NOPE-XX9");
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("unknown_invitation");
  });

  it("a malformed code answers 400 before any look-up", async () => {
    const res = await seeded.app.request(`/api/invitations/${encodeURIComponent("AB;drop table")}`);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_invitation_code");
  });
});
