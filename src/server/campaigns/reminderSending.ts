// Sends a campaign's reminders over SMTP one after another, recording each one sent and why others were not.
// Idempotent: each invitation's reminder is claimed in the database before its message goes out, so a second
// request (a double click, a retry) skips whoever was reminded within the chosen interval and says so.
import type { CampaignDetail, CampaignInvitation, SentReminders } from "../../shared/console";
import type { OutriggerDatabase } from "../db/database";
import { claimInvitationReminder, releaseInvitationReminder } from "../db/invitations";
import type { Mailer } from "../mail/mailer";
import { isConnectionError, smtpFailureReason } from "../mail/smtpFailures";
import { campaignReminderMessage } from "./reminderMessage";

export interface ReminderSendingDeps {
  db: OutriggerDatabase;
  now: () => Date;
  mailer: Mailer;
}

/** The invitations asked for (all without a reply when `codes` is undefined); codes not of this campaign are skipped. */
function chosenInvitations(
  detail: CampaignDetail,
  codes: readonly string[] | undefined,
  result: SentReminders,
): CampaignInvitation[] {
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

/**
 * One message per chosen invitation without a reply that has an e-mail address and was not reminded in the last
 * `skipIfRemindedWithinHours` hours.
 */
export async function sendReminderEmails(
  detail: CampaignDetail,
  codes: readonly string[] | undefined,
  skipIfRemindedWithinHours: number,
  { db, now, mailer }: ReminderSendingDeps,
): Promise<SentReminders> {
  const result: SentReminders = { sent: [], skipped: [], failed: [] };
  let unreachable: string | undefined;
  for (const invitation of chosenInvitations(detail, codes, result)) {
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
    const notSince = new Date(at.getTime() - skipIfRemindedWithinHours * HOUR_MS);
    const claim = await claimInvitationReminder(db, detail.campaign.id, invitation.code, at, notSince);
    if (!claim) {
      result.skipped.push({ code: invitation.code, reason: "reminded_recently" });
      continue;
    }
    const { subject, body } = campaignReminderMessage(detail, invitation);
    try {
      await mailer.send({ to: invitation.email, subject, text: body });
    } catch (error) {
      await releaseInvitationReminder(db, detail.campaign.id, invitation.code, at, claim.previous);
      const reason = smtpFailureReason(error);
      if (isConnectionError(error)) unreachable = reason;
      result.failed.push({ code: invitation.code, reason });
      continue;
    }
    result.sent.push({ code: invitation.code, email: invitation.email });
  }
  return result;
}
