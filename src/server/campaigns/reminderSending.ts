// Sends a campaign's reminders over SMTP one after another, recording each one sent and why others were not.
import type { CampaignDetail, CampaignInvitation, SentReminders } from "../../shared/console";
import type { OutriggerDatabase } from "../db/database";
import { markInvitationReminded } from "../db/invitations";
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

/** One message per chosen invitation without a reply that has an e-mail address. */
export async function sendReminderEmails(
  detail: CampaignDetail,
  codes: readonly string[] | undefined,
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
    const { subject, body } = campaignReminderMessage(detail, invitation);
    try {
      await mailer.send({ to: invitation.email, subject, text: body });
    } catch (error) {
      const reason = smtpFailureReason(error);
      if (isConnectionError(error)) unreachable = reason;
      result.failed.push({ code: invitation.code, reason });
      continue;
    }
    await markInvitationReminded(db, detail.campaign.id, invitation.code, now());
    result.sent.push({ code: invitation.code, email: invitation.email });
  }
  return result;
}
