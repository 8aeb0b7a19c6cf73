// Deleting a campaign or a workshop set up by mistake: allowed while nobody has replied (invitations stop working),
// refused with a plain 409 once a reply is stored (or, for a workshop, while it has materials), organisers only.
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

describe.each(ENGINES)("deleting a workshop (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });

  it("deletes a workshop nobody replied about, with its participants and campaigns", async () => {
    const { workshopId, campaign, code } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "Typed twice",
      participants: [{ name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" }],
    });
    const path = `/api/console/workshops/${workshopId}`;
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.viewer)).status).toBe(403);
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.me)).status).toBe(204);
    expect((await consoleRequest(seeded.app, "GET", path, seeded.me)).status).toBe(404);
    expect(
      (await consoleRequest(seeded.app, "GET", `/api/console/campaigns/${campaign.campaign.id}`, seeded.me)).status,
    ).toBe(404);
    expect((await seeded.app.request(`/api/invitations/${code("TO")}`)).status).toBe(404);
    const workshops = (await (await consoleRequest(seeded.app, "GET", "/api/console/workshops", seeded.me)).json()) as {
      workshops: Array<{ id: string }>;
    };
    expect(workshops.workshops.map((w) => w.id)).not.toContain(workshopId);
    expect((await consoleRequest(seeded.app, "DELETE", path, seeded.me)).status).toBe(404);
  });

  it("refuses a workshop with a reply (409 workshop_has_replies) or with materials (409 workshop_has_materials)", async () => {
    const { workshopId } = await workshopWithReply(seeded.app, seeded.me);
    const replied = await consoleRequest(seeded.app, "DELETE", `/api/console/workshops/${workshopId}`, seeded.me);
    expect(replied.status).toBe(409);
    expect((await errorOf(replied)).code).toBe("workshop_has_replies");

    const withMaterials = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "With slides",
      participants: [{ name: "Ana da Costa", administrationCode: "TL", email: "ana@example.org" }],
    });
    await seeded.ctx.db
      .insertInto("materials")
      .values({
        id: "slides-1",
        workshop_id: withMaterials.workshopId,
        title: "Slides",
        description: "",
        kind: "slides",
        language: "en",
        file_name: "slides.pdf",
        content_type: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        updated_at: now.toISOString(),
      })
      .execute();
    const res = await consoleRequest(
      seeded.app,
      "DELETE",
      `/api/console/workshops/${withMaterials.workshopId}`,
      seeded.me,
    );
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("workshop_has_materials");
    expect(
      (await consoleRequest(seeded.app, "GET", `/api/console/workshops/${withMaterials.workshopId}`, seeded.me)).status,
    ).toBe(200);
  });
});
