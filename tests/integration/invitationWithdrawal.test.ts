// Withdrawing one invitation of a campaign: it takes no new replies, leaves the counts and the report (its reply kept),
// and reinstating it brings everything back; no e-mail is offered to it. Organisers only, with the CSRF token.
import { describe, expect, it } from "vitest";
import { INVITATION_PAYLOAD_VERSION, invitationPayload } from "../../src/shared/api";
import { campaignDetail, campaignInvitationEmails, campaignList, campaignReminders } from "../../src/shared/console";
import type { BuiltReport } from "../../src/server/report/reportData";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { FISCAL_YEAR_PATH, workshopWithReply } from "./support/curationFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("withdrawing an invitation (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });

  async function counts(workshopId: string, campaignId: string) {
    const res = await consoleRequest(seeded.app, "GET", `/api/console/workshops/${workshopId}/campaigns`, seeded.me);
    const listed = campaignList.parse(await res.json()).campaigns.find((c) => c.id === campaignId);
    return { invited: listed?.invited, replied: listed?.replied };
  }

  async function repliesTotal() {
    const res = await consoleRequest(seeded.app, "GET", `/api/console/report/${FISCAL_YEAR_PATH}`, seeded.me);
    const built = (await res.json()) as BuiltReport;
    const { invitedParticipants, replies } = built.report.tables.replies.total;
    return { invitedParticipants, replies };
  }

  it("a withdrawn invitation leaves the counts and the report, refuses a new reply, and comes back when reinstated", async () => {
    const { workshopId, campaign, code } = await workshopWithReply(seeded.app, seeded.me);
    const campaignId = campaign.campaign.id;
    const path = (action: string) => `/api/console/campaigns/${campaignId}/invitations/${code("TO")}/${action}`;
    expect(await counts(workshopId, campaignId)).toEqual({ invited: 3, replied: 1 });
    expect(await repliesTotal()).toEqual({ invitedParticipants: 3, replies: 1 });

    const withdrawn = await consoleRequest(seeded.app, "POST", path("withdraw"), seeded.me);
    expect(withdrawn.status).toBe(200);
    const detail = campaignDetail.parse(await withdrawn.json());
    expect(detail.campaign).toMatchObject({ invited: 2, replied: 0 });
    expect(detail.invitations.find((i) => i.code === code("TO"))).toMatchObject({
      replied: true,
      withdrawnAt: now.toISOString(),
    });
    expect(await counts(workshopId, campaignId)).toEqual({ invited: 2, replied: 0 });
    expect(await repliesTotal()).toEqual({ invitedParticipants: 2, replies: 0 });

    const again = validReply({
      campaignId,
      invitationCode: code("TO"),
      answers: validAnswers({ administration: "TO" }),
      startedAt: "2024-03-05T09:56:00.000Z",
      submittedAt: "2024-03-05T09:58:00.000Z",
    });
    const refused = (await postBatch(seeded.app, [again])).results[0];
    expect(refused).toMatchObject({ outcome: "rejected", status: 422, error: { code: "invitation_withdrawn" } });
    const fetched = await seeded.app.request(`/api/invitations/${code("TO")}?v=${INVITATION_PAYLOAD_VERSION}`);
    expect(invitationPayload.parse(await fetched.json()).campaign.status).toBe("withdrawn");
    const other = await seeded.app.request(`/api/invitations/${code("FJ")}?v=${INVITATION_PAYLOAD_VERSION}`);
    expect(invitationPayload.parse(await other.json()).campaign.status).toBe("open");

    expect((await consoleRequest(seeded.app, "POST", path("reinstate"), seeded.me)).status).toBe(200);
    expect(await counts(workshopId, campaignId)).toEqual({ invited: 3, replied: 1 });
    expect(await repliesTotal()).toEqual({ invitedParticipants: 3, replies: 1 });
    expect((await postBatch(seeded.app, [again])).results[0].outcome).toBe("stored");
  });

  it("a withdrawn invitation is offered no invitation e-mail, no reminder and no mail-merge row", async () => {
    const { campaign, code } = await workshopWithReply(seeded.app, seeded.me);
    const path = (rest: string) => `/api/console/campaigns/${campaign.campaign.id}${rest}`;
    const get = async (rest: string) => consoleRequest(seeded.app, "GET", path(rest), seeded.me);
    expect(
      (await consoleRequest(seeded.app, "POST", path(`/invitations/${code("FJ")}/withdraw`), seeded.me)).status,
    ).toBe(200);
    const reminders = campaignReminders.parse(await (await get("/reminders")).json());
    expect(reminders.reminders.map((r) => r.code)).toEqual([code("TL")]);
    const emails = campaignInvitationEmails.parse(await (await get("/invitation-emails")).json());
    expect(emails.emails.map((e) => e.code).sort()).toEqual([code("TO"), code("TL")].sort());
    const csv = await (await get("/invitations.csv")).text();
    expect(csv).not.toContain(code("FJ"));
    expect(csv).toContain(code("TL"));
  });

  it("only an organiser with the CSRF token may withdraw, and an unknown code is a plain 404", async () => {
    const { campaign, code } = await workshopWithReply(seeded.app, seeded.me);
    const base = `/api/console/campaigns/${campaign.campaign.id}/invitations`;
    expect((await consoleRequest(seeded.app, "POST", `${base}/${code("FJ")}/withdraw`, seeded.viewer)).status).toBe(
      403,
    );
    const noToken = await consoleRequest(seeded.app, "POST", `${base}/${code("FJ")}/withdraw`, seeded.me, undefined, {
      csrf: false,
    });
    expect(noToken.status).toBe(403);
    const unknown = await consoleRequest(seeded.app, "POST", `${base}/NO-SUCH-CODE/withdraw`, seeded.me);
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("invitation_not_found");
    const detail = campaignDetail.parse(
      await (
        await consoleRequest(seeded.app, "GET", `/api/console/campaigns/${campaign.campaign.id}`, seeded.me)
      ).json(),
    );
    expect(detail.invitations.every((i) => i.withdrawnAt === undefined)).toBe(true);
  });
});
