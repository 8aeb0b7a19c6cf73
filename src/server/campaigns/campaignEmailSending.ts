// Sends a campaign's invitation or reminder e-mails over SMTP one after another, recording each one sent and why
// others were not. Idempotent: each invitation's e-mail is claimed in the database before its message goes out, so a
// second request (a double click, a retry, a colleague) skips whoever got it — an invitation ever, a reminder within
// the chosen interval — and says so.
import type { CampaignDetail, CampaignInvitation, SentInvitationEmails, SentReminders } from "../../shared/console";
import type { MessageTemplate } from "../../shared/messageTemplates";
import type { OutriggerDatabase } from "../db/database";
import { claimInvitationEmail, releaseInvitationEmail } from "../db/invitations";
import type { Mailer } from "../mail/mailer";
import { isConnectionError, smtpFailureReason } from "../mail/smtpFailures";
import { campaignEmailMessage } from "./campaignEmails";

export interface CampaignEmailDeps {
  db: OutriggerDatabase;
  now: () => Date;
  mailer: Mailer;
}

type SkipReason = SentReminders["skipped"][number]["reason"] | SentInvitationEmails["skipped"][number]["reason"];
interface Sent {
  sent: { code: string; email: string }[];
  skipped: { code: string; reason: SkipReason }[];
  failed: { code: string; reason: string }[];
}

/** The invitations asked for (all without a reply when `codes` is undefined); codes not of this campaign are skipped. */
function chosenInvitations(detail: CampaignDetail, codes: readonly string[] | undefined, result: Sent) {
  if (codes === undefined) return detail.invitations.filter((i) => !i.replied);
  const byCode = new Map(detail.invitations.map((i) => [i.code, i]));
  const chosen: CampaignInvitation[] = [];
  for (const code of new Set(codes)) {
    const invitation = byCode.get(code);
    if (invitation) chosen.push(invitation);
    else result.skipped.push({ code, reason: "unknown_code" });
  }
  return chosen;
}

const HOUR_MS = 60 * 60 * 1000;

async function sendCampaignEmails(
  kind: "invitation" | "reminder",
  detail: CampaignDetail,
  template: MessageTemplate,
  codes: readonly string[] | undefined,
  notSince: (at: Date) => Date | undefined,
  { db, now, mailer }: CampaignEmailDeps,
): Promise<Sent> {
  const result: Sent = { sent: [], skipped: [], failed: [] };
  let unreachable: string | undefined;
  for (const invitation of chosenInvitations(detail, codes, result)) {
    if (invitation.withdrawnAt !== undefined) {
      result.skipped.push({ code: invitation.code, reason: "withdrawn" });
      continue;
    }
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
    const at = now();
    const claim = await claimInvitationEmail(db, kind, detail.campaign.id, invitation.code, at, notSince(at));
    if (!claim) {
      result.skipped.push({
        code: invitation.code,
        reason: kind === "invitation" ? "already_emailed" : "reminded_recently",
      });
      continue;
    }
    const { subject, body } = campaignEmailMessage(template, detail, invitation);
    try {
      await mailer.send({
        to: invitation.email,
        subject,
        text: body,
        ...(template.replyTo ? { replyTo: template.replyTo } : {}),
        ...(template.cc.length > 0 ? { cc: template.cc } : {}),
      });
    } catch (error) {
      await releaseInvitationEmail(db, kind, detail.campaign.id, invitation.code, at, claim.previous);
      const reason = smtpFailureReason(error);
      if (isConnectionError(error)) unreachable = reason;
      result.failed.push({ code: invitation.code, reason });
      continue;
    }
    result.sent.push({ code: invitation.code, email: invitation.email });
  }
  return result;
}

/**
 * One reminder per chosen invitation without a reply that has an e-mail address and was not reminded in the last
 * `skipIfRemindedWithinHours` hours.
 */
export function sendReminderEmails(
  detail: CampaignDetail,
  template: MessageTemplate,
  codes: readonly string[] | undefined,
  skipIfRemindedWithinHours: number,
  deps: CampaignEmailDeps,
): Promise<SentReminders> {
  const notSince = (at: Date) => new Date(at.getTime() - skipIfRemindedWithinHours * HOUR_MS);
  return sendCampaignEmails("reminder", detail, template, codes, notSince, deps) as Promise<SentReminders>;
}

/** The invitation e-mail to each chosen invitation without a reply that has an address and never got it. */
export function sendInvitationEmails(
  detail: CampaignDetail,
  template: MessageTemplate,
  codes: readonly string[] | undefined,
  deps: CampaignEmailDeps,
): Promise<SentInvitationEmails> {
  return sendCampaignEmails(
    "invitation",
    detail,
    template,
    codes,
    () => undefined,
    deps,
  ) as Promise<SentInvitationEmails>;
}
