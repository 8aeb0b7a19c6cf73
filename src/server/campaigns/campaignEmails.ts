// A campaign's e-mails to its participants (the invitation, reminders), made from the campaign's templates: the text
// each one gets, the mailto link that opens it in a mail program, and the mail-merge rows.
import type { CalendarDate } from "../../shared/calendarDate";
import type { CampaignDetail, CampaignInvitation, CampaignReminder, InvitationEmail } from "../../shared/console";
import { renderMessage, type MessageTemplate } from "../../shared/messageTemplates";

/** "12 March 2025", the way a calendar day reads in a message (read in UTC so the server's own zone plays no part). */
export function longDate(day: CalendarDate): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00.000Z`),
  );
}

/** RFC 6068: every reserved character percent-encoded (spaces as %20, line breaks as %0D%0A); the address keeps its @. */
export function mailtoLink(to: string, subject: string, body: string, cc: readonly string[] = []): string {
  const address = (a: string) => encodeURIComponent(a).replace(/%40/g, "@");
  const text = body.replace(/\r?\n/g, "\r\n");
  const copy = cc.length > 0 ? `&cc=${cc.map(address).join(",")}` : "";
  return `mailto:${address(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}${copy}`;
}

/** One invitation's message from a template. */
export function campaignEmailMessage(
  template: MessageTemplate,
  detail: CampaignDetail,
  invitation: CampaignInvitation,
): { subject: string; body: string } {
  return renderMessage(template, {
    name: invitation.participantName ?? "participant",
    workshop: detail.workshop.title,
    link: invitation.link,
    code: invitation.code,
    due_date: longDate(detail.campaign.dueOn),
  });
}

function prepared(template: MessageTemplate, detail: CampaignDetail, invitation: CampaignInvitation) {
  const { subject, body } = campaignEmailMessage(template, detail, invitation);
  return {
    code: invitation.code,
    participantName: invitation.participantName,
    administrationCode: invitation.administrationCode,
    email: invitation.email,
    link: invitation.link,
    subject,
    body,
    mailto: invitation.email ? mailtoLink(invitation.email, subject, body, template.cc) : null,
  };
}

/** The invitations e-mails may go to: a withdrawn code takes no replies, so nobody is asked to use it. */
function standing(detail: CampaignDetail): CampaignDetail["invitations"] {
  return detail.invitations.filter((i) => i.withdrawnAt === undefined);
}

/** A reminder for every standing invitation without a reply, prepared for the server or the organiser's own mail program. */
export function preparedReminders(detail: CampaignDetail, template: MessageTemplate): CampaignReminder[] {
  return standing(detail)
    .filter((i) => !i.replied)
    .map((i) => ({ ...prepared(template, detail, i), remindedAt: i.remindedAt ?? null }));
}

/** The invitation e-mail of every standing invitation, with when it went out. */
export function preparedInvitationEmails(detail: CampaignDetail, template: MessageTemplate): InvitationEmail[] {
  return standing(detail).map((i) => ({
    ...prepared(template, detail, i),
    emailedAt: i.invitationEmailedAt ?? null,
    replied: i.replied,
  }));
}

/** The mail-merge columns, in order: one row per standing invitation, for a mail program's merge when the server has no SMTP. */
export const MAIL_MERGE_HEADER = ["name", "email", "administration", "position", "code", "link", "due_date", "replied"];

/** The campaign's invitations as mail-merge rows (header first); the due date reads as in the messages. */
export function mailMergeRows(detail: CampaignDetail): string[][] {
  const due = longDate(detail.campaign.dueOn);
  return [
    MAIL_MERGE_HEADER,
    ...standing(detail).map((i) => [
      i.participantName ?? "",
      i.email ?? "",
      i.administrationCode ?? "",
      i.position ?? "",
      i.code,
      i.link,
      due,
      i.replied ? "yes" : "no",
    ]),
  ];
}
