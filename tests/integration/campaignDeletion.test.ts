// Deleting a campaign opened by mistake: allowed while nobody has replied (its invitations stop working), refused
// with a plain 409 once a reply is stored, and only for organisers.
import { describe, expect, it } from "vitest";
import { campaignList } from "../../src/shared/console";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { workshopWithReply } from "./support/curationFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("deleting a campaign (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });

  it("deletes a campaign nobody replied to: it is gone from the workshop and its invitation links stop working", async () => {
    const { workshopId, campaign, code } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "Opened by mistake",
      participants: [{ name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" }],
    });
    const path = `/api/console/campaigns/${campaign.campaign.id}`;
    expect((await seeded.app.request(`/api/invitations/${code("TO")}`)).status).toBe(200);

    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.viewer)).status).toBe(403);
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.me, undefined, { csrf: false })).status).toBe(403);
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.me)).status).toBe(204);

    expect((await consoleRequest(seeded.app, "GET", path, seeded.me)).status).toBe(404);
    const listed = campaignList.parse(
      await (
        await consoleRequest(seeded.app, "GET", `/api/console/workshops/${workshopId}/campaigns`, seeded.me)
      ).json(),
    );
    expect(listed.campaigns.map((c) => c.id)).not.toContain(campaign.campaign.id);
    expect((await seeded.app.request(`/api/invitations/${code("TO")}`)).status).toBe(404);
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.me)).status).toBe(404);
  });

  it("refuses to delete a campaign with a reply (409 campaign_has_replies) and keeps it whole", async () => {
    const { campaign } = await workshopWithReply(seeded.app, seeded.me);
    const path = `/api/console/campaigns/${campaign.campaign.id}`;
    const res = await consoleRequest(seeded.app, "DELETE", path, seeded.me);
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe("campaign_has_replies");
    expect(error.message).toMatch(/close it instead/);
    const kept = await consoleRequest(seeded.app, "GET", path, seeded.me);
    expect(kept.status).toBe(200);
    const detail = (await kept.json()) as { campaign: { replied: number; invited: number } };
    expect(detail.campaign).toMatchObject({ replied: 1, invited: 3 });
  });
});
