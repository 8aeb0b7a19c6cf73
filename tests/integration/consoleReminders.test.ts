// Organiser console reminders by e-mail (a local SMTP server) and QR codes: who gets one, what it says, what is skipped or failed.
import type { Hono } from "hono";
import { createLogger } from "../../src/server/observability/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignDetail, campaignReminders, sentReminders, type CampaignDetail } from "../../src/shared/console";
import { createApp } from "../../src/server/http/app";
import { qrSvg } from "../../src/server/http/console/qrCode";
import { createMailer, DEFAULT_MAIL_FROM, type Mailer } from "../../src/server/mail/mailer";
import { consoleRequest, signIn, type SignedIn } from "./support/consoleClient";
import {
  organiserAndViewer,
  seededApp,
  workshopWithCampaign,
  type ParticipantInput,
  type SeededDatabase,
} from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { startSmtpServer } from "./support/smtpSink";
import { ENGINES } from "./support/testDatabase";

describe("mailer", () => {
  it("is absent without SMTP_URL and refuses other schemes", () => {
    expect(createMailer("")).toBeUndefined();
    expect(() => createMailer("http://mail.example.org")).toThrow(/smtp:\/\/ or smtps:\/\//);
    const mailer = createMailer("smtps://user:secret@mail.example.org:465", "");
    expect(mailer?.description).toBe("smtps://mail.example.org:465");
    expect(mailer?.from).toBe(DEFAULT_MAIL_FROM);
    mailer?.close();
  });

  it("draws a QR code as an SVG path", () => {
    const svg = qrSvg("https://outrigger.example.org/join/7K3QF9-TL");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1"/);
    expect(svg).toMatch(/<path fill="#000" d="M4 4h7v1h-7z/);
  });
});

describe.each(ENGINES)("organiser console: reminders by e-mail and QR codes (%s)", (engine) => {
  const start = new Date("2024-03-01T09:00:00.000Z");
  let clock = start;
  let ctx: SeededDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  let app: Hono;
  let noSmtpApp: ReturnType<typeof createApp>;
  let me: SignedIn;
  let viewer: SignedIn;
  let campaign: CampaignDetail;
  let otherCampaign: CampaignDetail;

  const remindersOf = async (who: SignedIn = me) =>
    campaignReminders.parse(
      await (await consoleRequest(app, "GET", `/api/console/campaigns/${campaign.campaign.id}/reminders`, who)).json(),
    );
  const send = (body: unknown = {}, who: SignedIn = me, options: { csrf?: boolean } = {}, on = app) =>
    consoleRequest(on, "POST", `/api/console/campaigns/${campaign.campaign.id}/reminders/send`, who, body, options);

  const workshopWithCampaignFor = async (title: string, participants: ParticipantInput[]): Promise<CampaignDetail> =>
    (await workshopWithCampaign(app, me, { title, administrationCodes: ["FJ", "TO", "TL"], participants })).campaign;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, "Regional Office <office@example.org>")!;
    ({ ctx, app } = await seededApp(engine, () => clock, { mailer }));
    noSmtpApp = createApp({ db: ctx.db, now: () => clock, mailer: null });
    ({ me, viewer } = await organiserAndViewer(ctx.db, app, start));
    campaign = await workshopWithCampaignFor("Sub-regional Workshop on Risk Management", [
      { name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" },
      { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
      { name: "Ana da Costa", administrationCode: "TL", email: "ana@example.org" },
    ]);
    otherCampaign = await workshopWithCampaignFor("National Workshop on Valuation", [
      { name: "Iosefa Leota", administrationCode: "FJ", email: "iosefa@example.org" },
    ]);
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await ctx?.close();
  });

  it("sends one reminder to each participant without a reply, with the join link and the due date", async () => {
    const to = campaign.invitations.find((i) => i.administrationCode === "TO")!;
    clock = new Date("2024-03-05T10:00:00.000Z");
    const batch = await postBatch(app, [
      validReply({
        campaignId: campaign.campaign.id,
        invitationCode: to.code,
        answers: validAnswers({ administration: "TO" }),
        startedAt: "2024-03-05T09:40:00.000Z",
        submittedAt: "2024-03-05T09:55:00.000Z",
      }),
    ]);
    expect(batch.results[0].outcome).toBe("stored");
    me = await signIn(app, "org@example.org");
    viewer = await signIn(app, "viewer@example.org");

    const before = await remindersOf();
    expect(before.smtpConfigured).toBe(true);
    expect(before.reminders.map((r) => r.remindedAt)).toEqual([null, null]);

    clock = new Date("2024-03-05T11:00:00.000Z");
    const res = await send();
    expect(res.status).toBe(200);
    const result = sentReminders.parse(await res.json());
    const others = campaign.invitations.filter((i) => i.code !== to.code);
    expect(result.sent.map((s) => s.code).sort()).toEqual(others.map((i) => i.code).sort());
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual([]);

    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages.map((m) => m.rcptTo).sort()).toEqual([["ana@example.org"], ["mereani@example.org"]]);
    for (const invitation of others) {
      const mail = smtp.messages.find((m) => m.rcptTo[0] === invitation.email)!;
      expect(mail.mailFrom).toBe("office@example.org");
      expect(mail.headers.from).toBe("Regional Office <office@example.org>");
      expect(mail.headers.to).toBe(invitation.email);
      expect(mail.headers.subject).toBe(
        "Reminder: follow-up questionnaire for Sub-regional Workshop on Risk Management",
      );
      expect(mail.text).toContain(invitation.link);
      expect(mail.text).toContain("10 March 2024");
      expect(mail.text).toContain(`Dear ${invitation.participantName},`);
      expect(mail.text).toContain(invitation.code);
    }
    expect(smtp.messages.some((m) => m.rcptTo.includes("sela@example.org"))).toBe(false);

    const after = await remindersOf(viewer);
    expect(after.reminders.map((r) => r.remindedAt)).toEqual(["2024-03-05T11:00:00.000Z", "2024-03-05T11:00:00.000Z"]);
    const detail = campaignDetail.parse(
      await (await consoleRequest(app, "GET", `/api/console/campaigns/${campaign.campaign.id}`, me)).json(),
    );
    expect(detail.invitations.find((i) => i.code === others[0].code)?.remindedAt).toBe("2024-03-05T11:00:00.000Z");
    expect(detail.invitations.find((i) => i.code === to.code)?.remindedAt).toBeUndefined();
  });

  it("sends again later, to the chosen codes only, and reports what it skipped", async () => {
    const to = campaign.invitations.find((i) => i.administrationCode === "TO")!;
    const fj = campaign.invitations.find((i) => i.administrationCode === "FJ")!;
    const tl = campaign.invitations.find((i) => i.administrationCode === "TL")!;
    clock = new Date("2024-03-08T08:00:00.000Z");
    me = await signIn(app, "org@example.org");
    const res = await send({ codes: [fj.code, to.code, otherCampaign.invitations[0].code] });
    expect(res.status).toBe(200);
    expect(sentReminders.parse(await res.json())).toEqual({
      sent: [{ code: fj.code, email: "mereani@example.org" }],
      skipped: [
        { code: otherCampaign.invitations[0].code, reason: "unknown_code" },
        { code: to.code, reason: "replied" },
      ],
      failed: [],
    });
    expect(smtp.messages).toHaveLength(3);
    expect(smtp.messages[2].rcptTo).toEqual(["mereani@example.org"]);
    const reminded = Object.fromEntries((await remindersOf()).reminders.map((r) => [r.code, r.remindedAt]));
    expect(reminded).toEqual({ [fj.code]: "2024-03-08T08:00:00.000Z", [tl.code]: "2024-03-05T11:00:00.000Z" });

    // Sending to everyone again at once: whoever was reminded within the last 24 hours is skipped and reported.
    const all = sentReminders.parse(await (await send()).json());
    expect(all.sent).toEqual([{ code: tl.code, email: "ana@example.org" }]);
    expect(all.skipped).toEqual([{ code: fj.code, reason: "reminded_recently" }]);
    expect(smtp.messages).toHaveLength(4);
    // A shorter interval, chosen by the organiser, lets the reminder go again.
    clock = new Date("2024-03-08T10:00:00.000Z");
    const shorter = sentReminders.parse(await (await send({ codes: [fj.code], skipIfRemindedWithinHours: 1 })).json());
    expect(shorter.sent.map((x) => x.code)).toEqual([fj.code]);
    expect(smtp.messages).toHaveLength(5);
    expect((await send({ skipIfRemindedWithinHours: 0 })).status).toBe(400);
  });

  it("two sends at once (a double click) e-mail each participant once; the other reports them reminded recently", async () => {
    clock = new Date("2024-03-12T09:00:00.000Z");
    me = await signIn(app, "org@example.org");
    const before = smtp.messages.length;
    const results = await Promise.all([send(), send(), send()]);
    const parsed = await Promise.all(results.map(async (r) => sentReminders.parse(await r.json())));
    expect(smtp.messages.length - before).toBe(2);
    expect(
      smtp.messages
        .slice(before)
        .map((m) => m.rcptTo[0])
        .sort(),
    ).toEqual(["ana@example.org", "mereani@example.org"]);
    expect(parsed.flatMap((p) => p.sent.map((x) => x.email)).sort()).toEqual([
      "ana@example.org",
      "mereani@example.org",
    ]);
    expect(parsed.flatMap((p) => p.skipped.filter((x) => x.reason === "reminded_recently"))).toHaveLength(4);
    expect(parsed.flatMap((p) => p.failed)).toEqual([]);
  });

  it("without SMTP answers 409 smtp_not_configured, and the reminders list says so", async () => {
    const res = await send({}, me, {}, noSmtpApp);
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe("smtp_not_configured");
    expect(error.message).toMatch(/SMTP_URL/);
    const list = campaignReminders.parse(
      await (
        await consoleRequest(noSmtpApp, "GET", `/api/console/campaigns/${campaign.campaign.id}/reminders`, me)
      ).json(),
    );
    expect(list.smtpConfigured).toBe(false);
    expect(list.reminders.every((r) => r.mailto?.startsWith("mailto:"))).toBe(true);
  });

  it("refuses a viewer, a request without the CSRF token, no session, and an unknown campaign", async () => {
    const count = smtp.messages.length;
    viewer = await signIn(app, "viewer@example.org");
    const asViewer = await send({}, viewer);
    expect(asViewer.status).toBe(403);
    expect((await errorOf(asViewer)).code).toBe("forbidden");
    const noCsrf = await send({}, me, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect((await errorOf(noCsrf)).code).toBe("csrf_token_invalid");
    const anonymous = await consoleRequest(
      app,
      "POST",
      `/api/console/campaigns/${campaign.campaign.id}/reminders/send`,
      undefined,
      {},
    );
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe("not_signed_in");
    const missing = await consoleRequest(app, "POST", "/api/console/campaigns/no-such-campaign/reminders/send", me, {});
    expect(missing.status).toBe(404);
    const bad = await send({ codes: "all" });
    expect(bad.status).toBe(400);
    expect(smtp.messages).toHaveLength(count);
  });

  it("reports a failure per invitation when the SMTP server cannot be reached, and logs the refusal without any address", async () => {
    const closed = await startSmtpServer();
    await closed.close();
    const unreachable = createMailer(`smtp://127.0.0.1:${closed.port}`)!;
    const logLines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void logLines.push(line) } });
    const failing = createApp({ db: ctx.db, now: () => clock, mailer: unreachable, logger });
    clock = new Date("2024-03-15T09:00:00.000Z");
    me = await signIn(app, "org@example.org");
    const remindedBefore = (await remindersOf()).reminders.map((r) => r.remindedAt);
    const result = sentReminders.parse(await (await send({}, me, {}, failing)).json());
    expect(result.sent).toEqual([]);
    expect(result.failed).toHaveLength(2);
    // A reminder that did not go out does not count as sent: the next try is not skipped.
    expect((await remindersOf()).reminders.map((r) => r.remindedAt)).toEqual(remindedBefore);
    expect(result.failed[0].reason).toMatch(/ECONNREFUSED|ECONNECTION/);
    const refusal = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((e) => e.event === "smtp_refused");
    expect(refusal).toMatchObject({ level: "warn", campaignId: campaign.campaign.id, failed: 2, sent: 0 });
    expect(logLines.join("")).not.toMatch(/@example\.org|Tuilau|Taufa|da Costa/);
  });

  it("draws each invitation's link as an SVG QR code for any signed-in account", async () => {
    const invitation = campaign.invitations[0];
    viewer = await signIn(app, "viewer@example.org");
    expect(invitation.qrSvgPath).toBe(
      `/api/console/campaigns/${campaign.campaign.id}/invitations/${invitation.code}/qr.svg`,
    );
    for (const who of [me, viewer]) {
      const res = await consoleRequest(app, "GET", invitation.qrSvgPath, who);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const svg = await res.text();
      expect(svg).toContain("<svg");
      expect(svg).toMatch(/<path fill="#000" d="(M\d+ \d+h\d+v1h-\d+z)+"/);
      expect(svg).toBe(qrSvg(invitation.link));
    }
    expect((await consoleRequest(app, "GET", invitation.qrSvgPath, undefined)).status).toBe(401);
    const foreign = await consoleRequest(
      app,
      "GET",
      `/api/console/campaigns/${campaign.campaign.id}/invitations/${otherCampaign.invitations[0].code}/qr.svg`,
      me,
    );
    expect(foreign.status).toBe(404);
    expect((await errorOf(foreign)).code).toBe("invitation_not_found");
  });
});
