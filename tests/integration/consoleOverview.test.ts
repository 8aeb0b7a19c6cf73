// An office's overview: the workshops list carries each workshop's newest campaign with its reply figures, and the
// tracking dashboard names each workshop's campaign so its row can link there.
import { beforeAll, describe, expect, it } from "vitest";
import { workshopList, type CampaignDetail } from "../../src/shared/console";
import type { ReplyTracking } from "../../src/server/report";
import { consoleRequest, loadedVersion } from "./support/consoleClient";
import { seededConsole, workshopWithCampaign, workshopWithParticipants } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("organiser console: an office's overview (%s)", (engine) => {
  const now = new Date("2026-02-15T09:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  let workshopId: string;
  let quietWorkshopId: string;
  let campaign: CampaignDetail;

  beforeAll(async () => {
    ({ workshopId, campaign } = await workshopWithCampaign(seeded.app, seeded.me, {
      title: "Regional Workshop on Post-Clearance Audit",
      startsOn: "2025-08-04",
      endsOn: "2025-08-08",
      location: "Nadi, Fiji",
      participants: [
        ["Mereani Tuilau", "FJ"],
        ["Sela Taufa", "TO"],
        ["Kalo Natapei", "VU"],
      ].map(([name, administrationCode]) => ({
        name,
        administrationCode,
        email: `${name.split(" ")[0].toLowerCase()}@example.org`,
      })),
    }));
    quietWorkshopId = await workshopWithParticipants(seeded.app, seeded.me, {
      title: "National Workshop on Valuation",
      startsOn: "2025-09-01",
      endsOn: "2025-09-03",
      participants: [{ name: "Ana Faleolo", administrationCode: "WS", email: "ana.f@example.org" }],
    });
    const fiji = campaign.invitations.find((i) => i.administrationCode === "FJ")!.code;
    const batch = await postBatch(seeded.app, [
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: fiji,
        answers: validAnswers({ administration: "FJ", name: "Mereani Tuilau" }),
        startedAt: "2026-02-15T08:00:00.000Z",
        submittedAt: "2026-02-15T08:30:00.000Z",
      }),
    ]);
    expect(batch.results.map((r) => r.outcome)).toEqual(["stored"]);
  });

  it("lists each workshop with its newest campaign's status, dates and reply figures (viewer may read)", async () => {
    const res = await consoleRequest(seeded.app, "GET", "/api/console/workshops", seeded.viewer);
    expect(res.status).toBe(200);
    const { workshops } = workshopList.parse(await res.json());
    expect(workshops.find((w) => w.id === workshopId)).toMatchObject({
      startsOn: "2025-08-04",
      endsOn: "2025-08-08",
      location: "Nadi, Fiji",
      latestCampaign: {
        id: campaign.campaign.id,
        status: "open",
        opensAt: campaign.campaign.opensAt,
        dueOn: campaign.campaign.dueOn,
        lateRepliesAccepted: true,
        invited: 3,
        replied: 1,
      },
    });
    expect(workshops.find((w) => w.id === quietWorkshopId)?.latestCampaign).toBeUndefined();
  });

  it("shows a withdrawn campaign as withdrawn, and the one opened after it once there is one", async () => {
    const open = async () => {
      const res = await consoleRequest(
        seeded.app,
        "POST",
        `/api/console/workshops/${quietWorkshopId}/campaigns`,
        seeded.me,
        {},
      );
      expect(res.status).toBe(201);
      return ((await res.json()) as CampaignDetail).campaign.id;
    };
    const latestOfQuiet = async () =>
      workshopList
        .parse(await (await consoleRequest(seeded.app, "GET", "/api/console/workshops", seeded.me)).json())
        .workshops.find((w) => w.id === quietWorkshopId)?.latestCampaign;
    const first = await open();
    const patched = await consoleRequest(seeded.app, "PATCH", `/api/console/campaigns/${first}`, seeded.me, {
      version: await loadedVersion(seeded.app, `/api/console/campaigns/${first}`, seeded.me),
      status: "withdrawn",
    });
    expect(patched.status).toBe(200);
    expect(await latestOfQuiet()).toMatchObject({ id: first, status: "withdrawn", invited: 1, replied: 0 });
    const second = await open();
    expect(await latestOfQuiet()).toMatchObject({ id: second, status: "open", invited: 1, replied: 0 });
  });

  it("gives the dashboard each workshop's newest campaign, so a row links to it", async () => {
    const res = await consoleRequest(seeded.app, "GET", "/api/console/tracking/2025-26", seeded.viewer);
    const tracking = (await res.json()) as ReplyTracking;
    expect(tracking.campaignOf[workshopId]).toBe(campaign.campaign.id);
    expect(tracking.repliesOverTime).toEqual([{ date: "2026-02-15", replies: 1, cumulative: 1 }]);
  });
});
