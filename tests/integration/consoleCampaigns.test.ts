// Organiser console campaigns on SQLite and PostgreSQL: defaults, personal invitations, late replies, reminders list, and the date and mailto helpers.
import { beforeAll, describe, expect, it } from "vitest";
import { invitationPath, invitationPayload } from "../../src/shared/api";
import { campaignDetail, campaignList, campaignReminders, type CampaignDetail } from "../../src/shared/console";
import { invitationCode } from "../../src/shared/reply";
import { addMonthsUtc } from "../../src/server/campaigns/schedule";
import { mailtoLink } from "../../src/server/campaigns/campaignEmails";
import { consoleRequest, loadedVersion, signIn, type SignedIn } from "./support/consoleClient";
import { seededConsole, workshopWithParticipants } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("campaign helpers", () => {
  it("adds months at 00:00 UTC, keeping to the end of a short month", () => {
    expect(addMonthsUtc("2023-08-18", 6).toISOString()).toBe("2024-02-18T00:00:00.000Z");
    expect(addMonthsUtc("2023-08-31", 6).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(addMonthsUtc(new Date("2024-12-05T15:30:00Z"), 6).toISOString()).toBe("2025-06-05T00:00:00.000Z");
  });

  it("encodes a mailto link per RFC 6068", () => {
    const link = mailtoLink("a.b+c@example.org", "Due 1 May & more?", "Line one\nhttps://x.test/join/ABC234-FJ?x=1#y");
    expect(link).toBe(
      "mailto:a.b%2Bc@example.org?subject=Due%201%20May%20%26%20more%3F&body=Line%20one%0D%0Ahttps%3A%2F%2Fx.test%2Fjoin%2FABC234-FJ%3Fx%3D1%23y",
    );
  });
});

describe.each(ENGINES)("organiser console: campaigns (%s)", (engine) => {
  const start = new Date("2024-03-01T09:00:00.000Z");
  let clock = start;
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser and viewer" });
  let workshopId: string;
  let campaign: CampaignDetail;

  beforeAll(async () => {
    workshopId = await workshopWithParticipants(seeded.app, seeded.me, {
      title: "Sub-regional Workshop on Risk Management",
      participants: [
        {
          name: "Mereani Tuilau",
          administrationCode: "FJ",
          email: "mereani@example.org",
          position: "Principal Customs Officer",
        },
        { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
        { name: "Ana da Costa", administrationCode: "TL", email: "ana@example.org", position: "Risk analyst" },
      ],
    });
  });

  const detail = async (who: SignedIn = seeded.me) =>
    campaignDetail.parse(
      await (await consoleRequest(seeded.app, "GET", `/api/console/campaigns/${campaign.campaign.id}`, who)).json(),
    );

  it("creates a campaign with the defaults and one personal invitation per participant", async () => {
    const res = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/workshops/${workshopId}/campaigns`,
      seeded.me,
      {},
    );
    expect(res.status).toBe(201);
    campaign = campaignDetail.parse(await res.json());
    expect(campaign.campaign).toMatchObject({
      workshopId,
      questionnaireId: "follow-up",
      // The newest published version (v2, with "none yet"), not the first.
      questionnaireVersion: 2,
      opensAt: "2024-02-18T00:00:00.000Z",
      dueOn: "2024-03-10",
      lateRepliesAccepted: true,
      status: "open",
      invited: 3,
      replied: 0,
    });
    expect(campaign.invitations).toHaveLength(3);
    const codes = campaign.invitations.map((i) => i.code);
    expect(new Set(codes).size).toBe(3);
    for (const i of campaign.invitations) {
      expect(invitationCode.safeParse(i.code).success).toBe(true);
      // 60 random bits in Crockford base32 (no I, L, O, U), grouped by four, then the administration.
      expect(i.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[A-Z]{2,3}$/);
      expect(i.code.endsWith(`-${i.administrationCode}`)).toBe(true);
      expect(i.link).toBe(`http://localhost/join/${i.code}`);
      expect(i.replied).toBe(false);
    }
    expect(campaign.invitations.find((i) => i.administrationCode === "FJ")).toMatchObject({
      participantName: "Mereani Tuilau",
      email: "mereani@example.org",
      position: "Principal Customs Officer",
    });
    const list = campaignList.parse(
      await (
        await consoleRequest(seeded.app, "GET", `/api/console/workshops/${workshopId}/campaigns`, seeded.viewer)
      ).json(),
    );
    expect(list.campaigns.map((c) => [c.id, c.invited, c.replied])).toEqual([[campaign.campaign.id, 3, 0]]);
  });

  it("takes explicit dates and questionnaire, and refuses an unknown questionnaire or dates out of order", async () => {
    const ok = await consoleRequest(seeded.app, "POST", `/api/console/workshops/${workshopId}/campaigns`, seeded.me, {
      questionnaireVersion: 1,
      opensAt: "2024-04-01T00:00:00Z",
      dueOn: "2024-05-01",
      lateRepliesAccepted: false,
    });
    expect(ok.status).toBe(201);
    const made = campaignDetail.parse(await ok.json());
    expect(made.campaign).toMatchObject({
      questionnaireVersion: 1,
      opensAt: "2024-04-01T00:00:00.000Z",
      dueOn: "2024-05-01",
      lateRepliesAccepted: false,
    });
    // A console from before due dates were days sends the day's last second in UTC: the same day is kept.
    const fromOlderConsole = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/workshops/${workshopId}/campaigns`,
      seeded.me,
      { opensAt: "2024-04-01T00:00:00Z", dueAt: "2024-05-20T23:59:59.000Z" },
    );
    expect(fromOlderConsole.status).toBe(201);
    expect(campaignDetail.parse(await fromOlderConsole.json()).campaign.dueOn).toBe("2024-05-20");
    // Another campaign, other codes.
    expect(made.invitations.map((i) => i.code).some((c) => campaign.invitations.some((j) => j.code === c))).toBe(false);
    const unknown = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/workshops/${workshopId}/campaigns`,
      seeded.me,
      { questionnaireId: "no-such" },
    );
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).code).toBe("unknown_questionnaire");
    const backwards = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/workshops/${workshopId}/campaigns`,
      seeded.me,
      { opensAt: "2024-04-01T00:00:00Z", dueOn: "2024-03-31" },
    );
    expect(backwards.status).toBe(400);
    const missing = await consoleRequest(seeded.app, "POST", "/api/console/workshops/no-such/campaigns", seeded.me, {});
    expect(missing.status).toBe(404);
    const none = await consoleRequest(seeded.app, "GET", "/api/console/campaigns/no-such", seeded.me);
    expect((await errorOf(none)).code).toBe("campaign_not_found");
    // Withdraw it so the tests below count one campaign's figures.
    expect(
      (
        await consoleRequest(seeded.app, "PATCH", `/api/console/campaigns/${made.campaign.id}`, seeded.me, {
          version: made.campaign.version,
          status: "withdrawn",
        })
      ).status,
    ).toBe(200);
  });

  it("the invitation code works for the participant and pre-fills the questionnaire", async () => {
    const fj = campaign.invitations.find((i) => i.administrationCode === "FJ")!;
    const res = await seeded.app.request(invitationPath(fj.code.toLowerCase()));
    expect(res.status).toBe(200);
    const payload = invitationPayload.parse(await res.json());
    expect(payload.code).toBe(fj.code);
    expect(payload.campaign.id).toBe(campaign.campaign.id);
    expect(payload.workshop.id).toBe(workshopId);
    expect(payload.prefill).toEqual({
      participantName: "Mereani Tuilau",
      email: "mereani@example.org",
      administrationCode: "FJ",
      position: "Principal Customs Officer",
    });
    expect(payload.relayKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("a reply shows as replied and drops out of the reminders", async () => {
    const before = campaignReminders.parse(
      await (
        await consoleRequest(
          seeded.app,
          "GET",
          `/api/console/campaigns/${campaign.campaign.id}/reminders`,
          seeded.viewer,
        )
      ).json(),
    );
    expect(before.reminders).toHaveLength(3);
    const to = campaign.invitations.find((i) => i.administrationCode === "TO")!;
    const reminder = before.reminders.find((r) => r.code === to.code)!;
    expect(reminder.body).toContain(to.link);
    expect(reminder.body).toContain("10 March 2024");
    expect(reminder.mailto).toBe(mailtoLink("sela@example.org", reminder.subject, reminder.body));
    expect(decodeURIComponent(reminder.mailto!.split("&body=")[1])).toContain(to.link);

    clock = new Date("2024-03-05T10:00:00.000Z");
    const batch = await postBatch(seeded.app, [
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: to.code,
        answers: validAnswers({ administration: "TO" }),
        startedAt: "2024-03-05T09:40:00.000Z",
        submittedAt: "2024-03-05T09:55:00.000Z",
      }),
    ]);
    expect(batch.results[0].outcome).toBe("stored");
    seeded.me = await signIn(seeded.app, "org@example.org");
    const after = await detail();
    expect(after.campaign).toMatchObject({ invited: 3, replied: 1 });
    expect(after.invitations.find((i) => i.code === to.code)).toMatchObject({
      replied: true,
      repliedAt: "2024-03-05T10:00:00.000Z",
    });
    const reminders = campaignReminders.parse(
      await (
        await consoleRequest(seeded.app, "GET", `/api/console/campaigns/${campaign.campaign.id}/reminders`, seeded.me)
      ).json(),
    );
    expect(reminders.reminders.map((r) => r.code).sort()).toEqual(
      campaign.invitations
        .filter((i) => i.code !== to.code)
        .map((i) => i.code)
        .sort(),
    );
  });

  it("invites participants added since, without inviting anyone twice", async () => {
    expect(
      (
        await consoleRequest(seeded.app, "POST", `/api/console/workshops/${workshopId}/participants`, seeded.me, {
          name: "Kalo Natapei",
          administrationCode: "VU",
          email: "kalo@example.org",
        })
      ).status,
    ).toBe(201);
    const res = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/campaigns/${campaign.campaign.id}/invitations`,
      seeded.me,
    );
    expect(res.status).toBe(201);
    const body = campaignDetail.parse(await res.json());
    expect(body.added).toBe(1);
    expect(body.invitations).toHaveLength(4);
    expect(body.invitations.find((i) => i.administrationCode === "VU")).toMatchObject({
      participantName: "Kalo Natapei",
      replied: false,
    });
    const again = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/campaigns/${campaign.campaign.id}/invitations`,
      seeded.me,
    );
    expect(again.status).toBe(200);
    expect(campaignDetail.parse(await again.json())).toMatchObject({ added: 0 });
    expect((await detail()).invitations).toHaveLength(4);
  });

  it("a campaign closed to late replies refuses a late reply; one that takes them stores it", async () => {
    const patched = await consoleRequest(
      seeded.app,
      "PATCH",
      `/api/console/campaigns/${campaign.campaign.id}`,
      seeded.me,
      {
        version: await loadedVersion(seeded.app, `/api/console/campaigns/${campaign.campaign.id}`, seeded.me),
        lateRepliesAccepted: false,
      },
    );
    expect(patched.status).toBe(200);
    expect(campaignDetail.parse(await patched.json()).campaign.lateRepliesAccepted).toBe(false);
    const fj = campaign.invitations.find((i) => i.administrationCode === "FJ")!;
    // Two days after the due day (10 Mar) began in UTC: it has ended everywhere on Earth.
    clock = new Date(Date.parse(`${campaign.campaign.dueOn}T00:00:00Z`) + 2 * DAY_MS);
    const reply = validReply({
      campaignId: campaign.campaign.id,
      invitationCode: fj.code,
      answers: validAnswers({ administration: "FJ" }),
      startedAt: "2024-03-11T09:00:00.000Z",
      submittedAt: "2024-03-11T09:30:00.000Z",
    });
    const late = await postBatch(seeded.app, [reply]);
    expect(late.results[0]).toMatchObject({ outcome: "rejected", status: 422 });
    expect((late.results[0] as { error: { code: string } }).error.code).toBe("campaign_closed");

    seeded.me = await signIn(seeded.app, "org@example.org");
    expect(
      (
        await consoleRequest(seeded.app, "PATCH", `/api/console/campaigns/${campaign.campaign.id}`, seeded.me, {
          version: await loadedVersion(seeded.app, `/api/console/campaigns/${campaign.campaign.id}`, seeded.me),
          lateRepliesAccepted: true,
        })
      ).status,
    ).toBe(200);
    const accepted = await postBatch(seeded.app, [reply]);
    expect(accepted.results[0].outcome).toBe("stored");

    expect(
      (
        await consoleRequest(seeded.app, "PATCH", `/api/console/campaigns/${campaign.campaign.id}`, seeded.me, {
          version: await loadedVersion(seeded.app, `/api/console/campaigns/${campaign.campaign.id}`, seeded.me),
          status: "closed",
        })
      ).status,
    ).toBe(200);
    const closed = await postBatch(seeded.app, [
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: campaign.invitations.find((i) => i.administrationCode === "TL")!.code,
        answers: validAnswers({ administration: "TL" }),
      }),
    ]);
    expect(closed.results[0].outcome).toBe("rejected");
    const bad = await consoleRequest(seeded.app, "PATCH", `/api/console/campaigns/${campaign.campaign.id}`, seeded.me, {
      version: await loadedVersion(seeded.app, `/api/console/campaigns/${campaign.campaign.id}`, seeded.me),
      status: "paused",
    });
    expect(bad.status).toBe(400);
    const early = await consoleRequest(
      seeded.app,
      "PATCH",
      `/api/console/campaigns/${campaign.campaign.id}`,
      seeded.me,
      {
        version: await loadedVersion(seeded.app, `/api/console/campaigns/${campaign.campaign.id}`, seeded.me),
        dueOn: "2024-01-01",
      },
    );
    expect(early.status).toBe(400);
  });

  it("every campaign route refuses without a session, changes refuse the viewer and a missing CSRF token", async () => {
    seeded.viewer = await signIn(seeded.app, "viewer@example.org");
    const id = campaign.campaign.id;
    const reads = [
      `/api/console/workshops/${workshopId}/campaigns`,
      `/api/console/campaigns/${id}`,
      `/api/console/campaigns/${id}/reminders`,
    ];
    const changes: Array<[string, string, unknown]> = [
      ["POST", `/api/console/workshops/${workshopId}/campaigns`, {}],
      ["PATCH", `/api/console/campaigns/${id}`, { status: "open" }],
      ["POST", `/api/console/campaigns/${id}/invitations`, undefined],
    ];
    for (const path of reads) {
      const anonymous = await consoleRequest(seeded.app, "GET", path, undefined);
      expect(anonymous.status, path).toBe(401);
      expect((await errorOf(anonymous)).code).toBe("not_signed_in");
      expect((await consoleRequest(seeded.app, "GET", path, seeded.viewer)).status, path).toBe(200);
    }
    for (const [method, path, body] of changes) {
      expect((await consoleRequest(seeded.app, method, path, undefined, body)).status, path).toBe(401);
      const asViewer = await consoleRequest(seeded.app, method, path, seeded.viewer, body);
      expect(asViewer.status, path).toBe(403);
      expect((await errorOf(asViewer)).code).toBe("forbidden");
      const noCsrf = await consoleRequest(seeded.app, method, path, seeded.me, body, { csrf: false });
      expect(noCsrf.status, path).toBe(403);
      expect((await errorOf(noCsrf)).code).toBe("csrf_token_invalid");
    }
    // An invitation code is no console credential.
    const code = campaign.invitations[0].code;
    expect(
      (
        await consoleRequest(seeded.app, "GET", `/api/console/campaigns/${id}`, undefined, undefined, {
          headers: { Cookie: `outrigger_session=${code}` },
        })
      ).status,
    ).toBe(401);
    const list = campaignList.parse(
      await (
        await consoleRequest(seeded.app, "GET", `/api/console/workshops/${workshopId}/campaigns`, seeded.viewer)
      ).json(),
    );
    expect(list.campaigns.find((c) => c.id === id)).toMatchObject({ status: "closed", invited: 4, replied: 2 });
  });
});
