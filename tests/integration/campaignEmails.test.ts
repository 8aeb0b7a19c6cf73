// A campaign's e-mails from templates the organiser edits: the invitation e-mail (sent once, with Reply-To and CC),
// reminders in the saved wording, refusals that say what is wrong, and offices without SMTP.
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  campaignInvitationEmails,
  campaignReminders,
  sentInvitationEmails,
  type CampaignDetail,
} from "../../src/shared/console";
import { campaignMessageTemplates, DEFAULT_TEMPLATES, type MessageTemplate } from "../../src/shared/messageTemplates";
import { longDate } from "../../src/server/campaigns/campaignEmails";
import { createApp } from "../../src/server/http/app";
import { createMailer, type Mailer } from "../../src/server/mail/mailer";
import { consoleRequest, signIn, type SignedIn } from "./support/consoleClient";
import { organiserAndViewer, seededApp, workshopWithCampaign, type SeededDatabase } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { startSmtpServer } from "./support/smtpSink";
import { ENGINES } from "./support/testDatabase";

const OFFICE_TEMPLATE: MessageTemplate = {
  subject: "{workshop}: six months on",
  body: "Bula {name},\n\nTell us what you did with the workshop by {due_date}: {link}\nCode: {code}",
  signature: "Vinaka,\nCapacity Building Unit",
  replyTo: "cbu@example.org",
  cc: ["focal.point@example.org"],
};

describe.each(ENGINES)("campaign e-mails from templates (%s)", (engine) => {
  let clock = new Date("2024-03-01T09:00:00.000Z");
  let ctx: SeededDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mailer: Mailer;
  let app: Hono;
  let me: SignedIn;
  let viewer: SignedIn;
  let campaign: CampaignDetail;

  const path = (rest: string) => `/api/console/campaigns/${campaign.campaign.id}${rest}`;
  const templatesAs = async (who: SignedIn) =>
    campaignMessageTemplates.parse(await (await consoleRequest(app, "GET", path("/messages"), who)).json());
  const sendInvitations = (body: unknown = {}, on: Hono = app) =>
    consoleRequest(on, "POST", path("/invitation-emails/send"), me, body);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, "Regional Office <office@example.org>")!;
    ({ ctx, app } = await seededApp(engine, () => clock, { mailer }));
    ({ me, viewer } = await organiserAndViewer(ctx.db, app, clock));
    ({ campaign } = await workshopWithCampaign(app, me, {
      title: "Regional Workshop on Post-Clearance Audit",
      administrationCodes: ["FJ", "TO"],
      participants: [
        { name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" },
        { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
      ],
    }));
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await ctx?.close();
  });

  it("offers the office's default wording until the campaign has its own, to every role", async () => {
    const templates = await templatesAs(viewer);
    expect(templates.invitation).toEqual({ ...DEFAULT_TEMPLATES.invitation, isDefault: true, version: 0 });
    expect(templates.reminder).toEqual({ ...DEFAULT_TEMPLATES.reminder, isDefault: true, version: 0 });
  });

  it("refuses a template with an unknown placeholder or without the link, saying which, and keeps the old one", async () => {
    const unknown = await consoleRequest(app, "PUT", path("/messages/invitation"), me, {
      ...OFFICE_TEMPLATE,
      version: 0,
      body: "Dear {participant}, {link}",
    });
    expect(unknown.status).toBe(422);
    const error = await errorOf(unknown);
    expect(error.code).toBe("invalid_template");
    expect(error.message).toContain("{participant}");
    const noLink = await consoleRequest(app, "PUT", path("/messages/invitation"), me, {
      ...OFFICE_TEMPLATE,
      version: 0,
      body: "Dear {name}, please reply.",
    });
    expect((await errorOf(noLink)).message).toMatch(/must contain \{link\}/);
    const badAddress = await consoleRequest(app, "PUT", path("/messages/invitation"), me, {
      ...OFFICE_TEMPLATE,
      version: 0,
      cc: ["not an address"],
    });
    expect(badAddress.status).toBe(400);
    expect((await errorOf(badAddress)).details?.[0]?.path).toBe("cc.0");
    expect(
      (await consoleRequest(app, "PUT", path("/messages/letter"), me, { ...OFFICE_TEMPLATE, version: 0 })).status,
    ).toBe(404);
    expect(
      (await consoleRequest(app, "PUT", path("/messages/invitation"), viewer, { ...OFFICE_TEMPLATE, version: 0 }))
        .status,
    ).toBe(403);
    expect((await templatesAs(me)).invitation.isDefault).toBe(true);
  });

  it("saves the organiser's wording and prepares each invitation e-mail from it", async () => {
    const saved = await consoleRequest(app, "PUT", path("/messages/invitation"), me, {
      ...OFFICE_TEMPLATE,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(campaignMessageTemplates.parse(await saved.json()).invitation).toEqual({
      ...OFFICE_TEMPLATE,
      isDefault: false,
      version: 1,
      updatedAt: clock.toISOString(),
      updatedBy: "Test organiser",
    });
    const prepared = campaignInvitationEmails.parse(
      await (await consoleRequest(app, "GET", path("/invitation-emails"), viewer)).json(),
    );
    const mereani = prepared.emails.find((e) => e.email === "mereani@example.org")!;
    expect(mereani.subject).toBe("Regional Workshop on Post-Clearance Audit: six months on");
    expect(mereani.body).toBe(
      `Bula Mereani Tuilau,\n\nTell us what you did with the workshop by ${longDate(campaign.campaign.dueOn)}: ${mereani.link}\nCode: ${mereani.code}\n\nVinaka,\nCapacity Building Unit`,
    );
    expect(mereani.mailto).toContain("&cc=focal.point@example.org");
    expect(mereani.emailedAt).toBeNull();
  });

  it("sends the invitation e-mail once per participant with Reply-To and CC, even to three clicks at once", async () => {
    clock = new Date("2024-03-02T08:00:00.000Z");
    me = await signIn(app, "org@example.org");
    const before = smtp.messages.length;
    const results = await Promise.all([sendInvitations(), sendInvitations(), sendInvitations()]);
    const parsed = await Promise.all(results.map(async (r) => sentInvitationEmails.parse(await r.json())));
    const fresh = smtp.messages.slice(before);
    expect(fresh.map((m) => m.headers.to).sort()).toEqual(["mereani@example.org", "sela@example.org"]);
    for (const mail of fresh) {
      expect(mail.headers["reply-to"]).toBe("cbu@example.org");
      expect(mail.headers.cc).toBe("focal.point@example.org");
      expect(mail.rcptTo).toContain("focal.point@example.org");
      expect(mail.text).toContain("Vinaka,\nCapacity Building Unit");
    }
    expect(parsed.flatMap((p) => p.skipped.filter((s) => s.reason === "already_emailed"))).toHaveLength(4);
    // Later, again: nobody gets it twice, and each invitation says when it went.
    const again = sentInvitationEmails.parse(await (await sendInvitations()).json());
    expect(again.sent).toEqual([]);
    const listed = campaignInvitationEmails.parse(
      await (await consoleRequest(app, "GET", path("/invitation-emails"), me)).json(),
    );
    expect(listed.emails.filter((e) => e.emailedAt === "2024-03-02T08:00:00.000Z")).toHaveLength(2);
  });

  it("reminders use the campaign's reminder wording, and going back to the default restores the office's", async () => {
    const reminder = { ...OFFICE_TEMPLATE, subject: "Still time: {workshop}", cc: [], version: 0 };
    expect((await consoleRequest(app, "PUT", path("/messages/reminder"), me, reminder)).status).toBe(200);
    const reminders = campaignReminders.parse(await (await consoleRequest(app, "GET", path("/reminders"), me)).json());
    expect(reminders.reminders[0].subject).toBe("Still time: Regional Workshop on Post-Clearance Audit");
    const reset = await consoleRequest(app, "DELETE", path("/messages/reminder"), me);
    expect(campaignMessageTemplates.parse(await reset.json()).reminder.isDefault).toBe(true);
    const back = campaignReminders.parse(await (await consoleRequest(app, "GET", path("/reminders"), me)).json());
    expect(back.reminders[0].subject).toBe(
      "Reminder: follow-up questionnaire for Regional Workshop on Post-Clearance Audit",
    );
  });

  it("does not invite someone who already replied, and without SMTP answers 409 with what to do instead", async () => {
    const fresh = await workshopWithCampaign(app, me, {
      title: "National Workshop on Valuation",
      administrationCodes: ["TO"],
      participants: [{ name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" }],
    });
    const sela = fresh.campaign.invitations[0];
    const stored = await postBatch(app, [
      validReply({
        campaignId: fresh.campaign.campaign.id,
        invitationCode: sela.code,
        answers: validAnswers({ administration: "TO" }),
      }),
    ]);
    expect(stored.results[0].outcome).toBe("stored");
    const sendTo = (body: object) =>
      consoleRequest(
        app,
        "POST",
        `/api/console/campaigns/${fresh.campaign.campaign.id}/invitation-emails/send`,
        me,
        body,
      );
    // Everyone: nobody left to invite. Asked by name: skipped, and the reason said.
    expect(sentInvitationEmails.parse(await (await sendTo({})).json())).toEqual({ sent: [], skipped: [], failed: [] });
    const sent = await sendTo({ codes: [sela.code] });
    expect(sentInvitationEmails.parse(await sent.json()).skipped).toEqual([{ code: sela.code, reason: "replied" }]);

    const noSmtp = createApp({ db: ctx.db, now: () => clock, mailer: null });
    const refused = await sendInvitations({}, noSmtp);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toMatch(/mail-merge CSV/);
  });
});
