// Campaigns: /api/console/workshops/:id/campaigns (list, create) and /api/console/campaigns/:id (read, change,
// add invitations, reminders). One personal invitation per participant of the workshop.
import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { v7 as uuidv7 } from "uuid";
import type { Campaign } from "../../../shared/campaign";
import { formatInvitationCode, INVITATION_CODE_ALPHABET, INVITATION_CODE_RANDOM_CHARACTERS } from "../../../shared/invitationCode";
import { campaignChanges, newCampaign, sendReminders, type CampaignDetail, type CampaignInvitation, type CampaignReminder, type CampaignReminders, type ConsoleWorkshop, type SentReminders } from "../../../shared/console";
import { isHttps, requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { findCampaignWithCounts, insertCampaign, latestQuestionnaireVersion, listCampaignInvitations, listWorkshopCampaigns, updateCampaign, type CampaignInvitationRow, type CampaignWithCounts } from "../../db/campaigns";
import type { OutriggerDatabase } from "../../db/database";
import { insertInvitations, type NewInvitation } from "../../db/invitations";
import { listParticipants } from "../../db/participants";
import { findQuestionnaire } from "../../db/questionnaires";
import { isConnectionError, type Mailer } from "../../mail/mailer";
import { ApiProblem } from "../errors";
import { qrSvg } from "./qrCode";
import { jsonBody } from "../jsonBody";
import { workshopOr404 } from "./workshops";

export const DEFAULT_QUESTIONNAIRE_ID = "follow-up";
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A personal invitation code: 12 characters of Crockford's base32 from node:crypto (60 random bits), in groups of
 * four, then the administration ("Q8ZT-M4VX-9NRH-TL"); matches the shared `invitationCode` pattern. The suffix is
 * public knowledge, so it adds no secrecy: the random part alone must resist guessing (with the look-up limit).
 */
export function newInvitationCode(administrationCode: string | null): string {
  let random = "";
  // 32 letters: one random byte & 31 picks each without bias.
  for (const b of randomBytes(INVITATION_CODE_RANDOM_CHARACTERS)) random += INVITATION_CODE_ALPHABET[b & 31];
  const suffix = (administrationCode ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 12);
  return formatInvitationCode(random, suffix.length >= 2 ? suffix : undefined);
}

/** `date` (YYYY-MM-DD, or a Date read in UTC) plus whole months, at 00:00 UTC; the 31st of a short month becomes its last day. */
export function addMonthsUtc(date: string | Date, months: number): Date {
  const d = typeof date === "string" ? new Date(`${date.slice(0, 10)}T00:00:00.000Z`) : date;
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

/** The default opening: 6 months after the workshop ends (else starts, else today), at 00:00 UTC. */
export function defaultOpensAt(workshop: Pick<ConsoleWorkshop, "startsOn" | "endsOn">, now: Date): Date {
  return addMonthsUtc(workshop.endsOn ?? workshop.startsOn ?? now, 6);
}

function invalid(path: string, code: string, message: string): ApiProblem {
  return new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", [{ path, code, message }]);
}

/** The origin participants reach: the request's, with https when a trusted proxy says so. */
function publicOrigin(c: Context<ConsoleEnv>): string {
  const url = new URL(c.req.url);
  const protocol = isHttps(c) ? "https:" : url.protocol;
  return `${protocol}//${url.host}`;
}

export function joinLink(origin: string, code: string): string {
  return `${origin}/join/${encodeURIComponent(code)}`;
}

/** Unused codes for these participants: checked against the database (and each other) so an insert never drops one. */
async function invitationsFor(db: OutriggerDatabase, campaignId: string, people: Array<{ id: string; name: string; email: string; administrationCode: string; position: string | null }>): Promise<NewInvitation[]> {
  const out: NewInvitation[] = people.map((p) => ({
    code: newInvitationCode(p.administrationCode),
    campaignId,
    participantId: p.id,
    participantName: p.name,
    email: p.email,
    administrationCode: p.administrationCode,
    ...(p.position ? { position: p.position } : {}),
  }));
  for (let attempt = 0; attempt < 10; attempt++) {
    const seen = new Set<string>();
    const clashes = new Set<string>();
    for (const i of out) (seen.has(i.code) ? clashes : seen).add(i.code);
    const codes = out.map((i) => i.code);
    for (let k = 0; k < codes.length; k += 500) {
      const taken = await db.selectFrom("invitations").select("code").where("code", "in", codes.slice(k, k + 500)).execute();
      for (const t of taken) clashes.add(t.code);
    }
    if (clashes.size === 0) return out;
    const renamed = new Set<string>();
    for (const i of out) {
      if (clashes.has(i.code) && !renamed.has(i.code)) {
        renamed.add(i.code);
        i.code = newInvitationCode(i.administrationCode ?? null);
      }
    }
  }
  throw new Error("Could not find unused invitation codes");
}

/** Participants of the workshop who have no invitation in this campaign yet (matched by participant id, else e-mail). */
async function uninvitedParticipants(db: OutriggerDatabase, campaign: Campaign) {
  const participants = await listParticipants(db, campaign.workshopId);
  const existing = await db.selectFrom("invitations").select(["participant_id", "email"]).where("campaign_id", "=", campaign.id).execute();
  const ids = new Set(existing.map((e) => e.participant_id).filter((id): id is string => id !== null));
  const emails = new Set(existing.filter((e) => e.participant_id === null && e.email !== null).map((e) => (e.email as string).toLowerCase()));
  return participants.filter((p) => !ids.has(p.id) && !emails.has(p.email.toLowerCase()));
}

async function insertInBatches(db: OutriggerDatabase, invitations: NewInvitation[], now: Date): Promise<void> {
  for (let i = 0; i < invitations.length; i += 200) await insertInvitations(db, invitations.slice(i, i + 200), now);
}

function toInvitation(origin: string, campaignId: string, r: CampaignInvitationRow): CampaignInvitation {
  return {
    code: r.code,
    participantId: r.participantId,
    participantName: r.participantName,
    administrationCode: r.administrationCode,
    email: r.email,
    position: r.position,
    link: joinLink(origin, r.code),
    replied: r.repliedAt !== undefined,
    ...(r.repliedAt !== undefined ? { repliedAt: r.repliedAt } : {}),
    ...(r.remindedAt !== null ? { remindedAt: r.remindedAt } : {}),
    qrSvgPath: `/api/console/campaigns/${encodeURIComponent(campaignId)}/invitations/${encodeURIComponent(r.code)}/qr.svg`,
  };
}

async function campaignOr404(db: OutriggerDatabase, id: string): Promise<CampaignWithCounts> {
  const campaign = await findCampaignWithCounts(db, id);
  if (!campaign) throw new ApiProblem(404, "campaign_not_found", "There is no campaign with this id.");
  return campaign;
}

async function campaignDetail(c: Context<ConsoleEnv>, id: string): Promise<CampaignDetail> {
  const { db } = c.var.deps;
  const campaign = await campaignOr404(db, id);
  const workshop = await workshopOr404(db, campaign.workshopId);
  const origin = publicOrigin(c);
  return {
    campaign,
    workshop: { id: workshop.id, title: workshop.title, fiscalYear: workshop.fiscalYear },
    invitations: (await listCampaignInvitations(db, campaign.id)).map((r) => toInvitation(origin, campaign.id, r)),
  };
}

/** "12 March 2025" (UTC), the way the due date reads in a message. */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** RFC 6068: every reserved character percent-encoded (spaces as %20, line breaks as %0D%0A); the address keeps its @. */
export function mailtoLink(to: string, subject: string, body: string): string {
  const address = encodeURIComponent(to).replace(/%40/g, "@");
  const text = body.replace(/\r?\n/g, "\r\n");
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
}

export function reminderMessage(workshopTitle: string, invitation: { code: string; participantName: string | null }, link: string, dueAt: string): { subject: string; body: string } {
  const subject = `Reminder: follow-up questionnaire for ${workshopTitle}`;
  const body = [
    `Dear ${invitation.participantName ?? "participant"},`,
    "",
    `Some months ago you took part in ${workshopTitle}. We would be grateful for a few minutes of your time to tell us what you have done with it since.`,
    "",
    `Please answer the follow-up questionnaire by ${longDate(dueAt)}:`,
    link,
    "",
    `Your personal invitation code is ${invitation.code}. The questionnaire also works offline once opened.`,
    "",
    "Thank you,",
    "The regional office",
  ].join("\n");
  return { subject, body };
}

export interface CampaignRouteOptions {
  /** Sends reminders (POST …/reminders/send); without one that route answers 409 smtp_not_configured. */
  mailer?: Mailer;
}

/** A short, credential-free account of why the SMTP server did not take a message. */
function smtpFailure(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown } | null;
  if (e && typeof e.response === "string" && e.response) return e.response.slice(0, 300);
  const code = e && typeof e.code === "string" ? `${e.code}: ` : "";
  return `${code}${e && typeof e.message === "string" ? e.message : String(error)}`.slice(0, 300);
}

export function campaignRoutes(options: CampaignRouteOptions = {}): Hono<ConsoleEnv> {
  const { mailer } = options;
  const routes = new Hono<ConsoleEnv>();

  routes.get("/workshops/:id/campaigns", requireSession(), async (c) => {
    const workshop = await workshopOr404(c.var.deps.db, c.req.param("id"));
    return c.json({ campaigns: await listWorkshopCampaigns(c.var.deps.db, workshop.id) });
  });

  routes.post("/workshops/:id/campaigns", requireOrganiser(), jsonBody(newCampaign), async (c) => {
    const { db, now } = c.var.deps;
    const at = now();
    const workshop = await workshopOr404(db, c.req.param("id"));
    const input = c.req.valid("json");
    const questionnaireId = input.questionnaireId ?? DEFAULT_QUESTIONNAIRE_ID;
    const questionnaireVersion = input.questionnaireVersion ?? (await latestQuestionnaireVersion(db, questionnaireId));
    if (questionnaireVersion === undefined || !(await findQuestionnaire(db, questionnaireId, questionnaireVersion))) {
      throw new ApiProblem(422, "unknown_questionnaire", `There is no questionnaire "${questionnaireId}"${input.questionnaireVersion !== undefined ? ` version ${input.questionnaireVersion}` : ""}.`, [
        { path: input.questionnaireVersion !== undefined ? "questionnaireVersion" : "questionnaireId", code: "unknown_questionnaire", message: "No such questionnaire version." },
      ]);
    }
    const opensAt = input.opensAt !== undefined ? new Date(input.opensAt) : defaultOpensAt(workshop, at);
    const dueAt = input.dueAt !== undefined ? new Date(input.dueAt) : new Date(opensAt.getTime() + 21 * DAY_MS);
    if (dueAt.getTime() <= opensAt.getTime()) throw invalid("dueAt", "dates_out_of_order", "The due date must come after the opening.");
    const campaign: Campaign = {
      id: uuidv7(),
      workshopId: workshop.id,
      questionnaireId,
      questionnaireVersion,
      opensAt: opensAt.toISOString(),
      dueAt: dueAt.toISOString(),
      lateRepliesAccepted: input.lateRepliesAccepted ?? true,
      status: "open",
    };
    await db.transaction().execute(async (tx) => {
      await insertCampaign(tx, campaign, at);
      await insertInBatches(tx, await invitationsFor(tx, campaign.id, await listParticipants(tx, workshop.id)), at);
    });
    return c.json(await campaignDetail(c, campaign.id), 201);
  });

  routes.get("/campaigns/:id", requireSession(), async (c) => c.json(await campaignDetail(c, c.req.param("id"))));

  routes.patch("/campaigns/:id", requireOrganiser(), jsonBody(campaignChanges), async (c) => {
    const { db } = c.var.deps;
    const current = await campaignOr404(db, c.req.param("id"));
    const changes = c.req.valid("json");
    if (changes.dueAt !== undefined && Date.parse(changes.dueAt) <= Date.parse(current.opensAt)) throw invalid("dueAt", "dates_out_of_order", "The due date must come after the opening.");
    await updateCampaign(db, current.id, changes);
    return c.json(await campaignDetail(c, current.id));
  });

  routes.post("/campaigns/:id/invitations", requireOrganiser(), async (c) => {
    const { db, now } = c.var.deps;
    const at = now();
    const current = await campaignOr404(db, c.req.param("id"));
    if (current.status === "withdrawn") throw new ApiProblem(409, "campaign_withdrawn", "This campaign was withdrawn: it takes no new invitations.");
    const added = await db.transaction().execute(async (tx) => {
      const invitations = await invitationsFor(tx, current.id, await uninvitedParticipants(tx, current));
      await insertInBatches(tx, invitations, at);
      return invitations.length;
    });
    return c.json({ ...(await campaignDetail(c, current.id)), added }, added > 0 ? 201 : 200);
  });

  routes.get("/campaigns/:id/reminders", requireSession(), async (c) => {
    const detail = await campaignDetail(c, c.req.param("id"));
    const reminders: CampaignReminder[] = detail.invitations
      .filter((i) => !i.replied)
      .map((i) => {
        const { subject, body } = reminderMessage(detail.workshop.title, i, i.link, detail.campaign.dueAt);
        return {
          code: i.code,
          participantName: i.participantName,
          administrationCode: i.administrationCode,
          email: i.email,
          link: i.link,
          subject,
          body,
          mailto: i.email ? mailtoLink(i.email, subject, body) : null,
          remindedAt: i.remindedAt ?? null,
        };
      });
    const answer: CampaignReminders = { campaignId: detail.campaign.id, dueAt: detail.campaign.dueAt, reminders, smtpConfigured: mailer !== undefined };
    return c.json(answer);
  });

  // One message per invitation without a reply that has an e-mail address (or only the given codes), sent one after another.
  routes.post("/campaigns/:id/reminders/send", requireOrganiser(), jsonBody(sendReminders), async (c) => {
    const { db, now } = c.var.deps;
    const input = c.req.valid("json");
    const detail = await campaignDetail(c, c.req.param("id"));
    if (!mailer) {
      throw new ApiProblem(409, "smtp_not_configured", "This server cannot send e-mail: SMTP_URL is not set. Send the prepared messages from your own mail program with the mailto links instead.");
    }
    if (detail.campaign.status === "withdrawn") throw new ApiProblem(409, "campaign_withdrawn", "This campaign was withdrawn: it sends no reminders.");
    const result: SentReminders = { sent: [], skipped: [], failed: [] };
    const byCode = new Map(detail.invitations.map((i) => [i.code, i]));
    let targets: CampaignInvitation[];
    if (input.codes !== undefined) {
      targets = [];
      for (const code of new Set(input.codes)) {
        const invitation = byCode.get(code);
        if (invitation) targets.push(invitation);
        else result.skipped.push({ code, reason: "unknown_code" });
      }
    } else {
      targets = detail.invitations.filter((i) => !i.replied);
    }
    let unreachable: string | undefined;
    for (const invitation of targets) {
      if (invitation.replied) {
        result.skipped.push({ code: invitation.code, reason: "replied" });
        continue;
      }
      if (!invitation.email) {
        result.skipped.push({ code: invitation.code, reason: "no_email" });
        continue;
      }
      // Once the server cannot be reached (or refuses our credentials), the rest would wait for the same timeout.
      if (unreachable !== undefined) {
        result.failed.push({ code: invitation.code, reason: unreachable });
        continue;
      }
      const { subject, body } = reminderMessage(detail.workshop.title, invitation, invitation.link, detail.campaign.dueAt);
      try {
        await mailer.send({ to: invitation.email, subject, text: body });
      } catch (error) {
        const reason = smtpFailure(error);
        if (isConnectionError(error)) unreachable = reason;
        result.failed.push({ code: invitation.code, reason });
        continue;
      }
      await db.updateTable("invitations").set({ reminded_at: now().toISOString() }).where("code", "=", invitation.code).where("campaign_id", "=", detail.campaign.id).execute();
      result.sent.push({ code: invitation.code, email: invitation.email });
    }
    return c.json(result);
  });

  // The invitation link as a QR code, for the printable invitation sheet.
  routes.get("/campaigns/:id/invitations/:code/qr.svg", requireSession(), async (c) => {
    const { db } = c.var.deps;
    const campaign = await campaignOr404(db, c.req.param("id"));
    const code = c.req.param("code");
    const invitation = await db.selectFrom("invitations").select("code").where("code", "=", code).where("campaign_id", "=", campaign.id).executeTakeFirst();
    if (!invitation) throw new ApiProblem(404, "invitation_not_found", "This campaign has no invitation with this code.");
    return c.body(qrSvg(joinLink(publicOrigin(c), invitation.code)), 200, { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store" });
  });

  return routes;
}
