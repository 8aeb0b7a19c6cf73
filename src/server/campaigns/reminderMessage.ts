// The reminder e-mail an invitation without a reply gets: its text, and the mailto link that opens it in a mail program.
import type { CalendarDate } from "../../shared/calendarDate";
import type { CampaignDetail, CampaignInvitation, CampaignReminder } from "../../shared/console";

/** "12 March 2025", the way a calendar day reads in a message (read in UTC so the server's own zone plays no part). */
export function longDate(day: CalendarDate): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00.000Z`),
  );
}

/** RFC 6068: every reserved character percent-encoded (spaces as %20, line breaks as %0D%0A); the address keeps its @. */
export function mailtoLink(to: string, subject: string, body: string): string {
  const address = encodeURIComponent(to).replace(/%40/g, "@");
  const text = body.replace(/\r?\n/g, "\r\n");
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
}

export function reminderMessage(
  workshopTitle: string,
  invitation: { code: string; participantName: string | null },
  link: string,
  dueOn: CalendarDate,
): { subject: string; body: string } {
  const subject = `Reminder: follow-up questionnaire for ${workshopTitle}`;
  const body = [
    `Dear ${invitation.participantName ?? "participant"},`,
    "",
    `Some months ago you took part in ${workshopTitle}. We would be grateful for a few minutes of your time to tell us what you have done with it since.`,
    "",
    `Please answer the follow-up questionnaire by ${longDate(dueOn)}:`,
    link,
    "",
    `Your personal invitation code is ${invitation.code}. The questionnaire also works offline once opened.`,
    "",
    "Thank you,",
    "The regional office",
  ].join("\n");
  return { subject, body };
}

/** The campaign's reminder for one invitation. */
export function campaignReminderMessage(
  detail: CampaignDetail,
  invitation: CampaignInvitation,
): { subject: string; body: string } {
  return reminderMessage(detail.workshop.title, invitation, invitation.link, detail.campaign.dueOn);
}

/** A reminder for every invitation without a reply, prepared for the organiser's own mail program. */
export function preparedReminders(detail: CampaignDetail): CampaignReminder[] {
  return detail.invitations
    .filter((i) => !i.replied)
    .map((i) => {
      const { subject, body } = campaignReminderMessage(detail, i);
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
}

/** The mail-merge columns, in order: one row per invitation, for a mail program's merge when the server has no SMTP. */
export const MAIL_MERGE_HEADER = ["name", "email", "administration", "position", "code", "link", "due_date", "replied"];

/** The campaign's invitations as mail-merge rows (header first); the due date reads as in the messages. */
export function mailMergeRows(detail: CampaignDetail): string[][] {
  const due = longDate(detail.campaign.dueOn);
  return [
    MAIL_MERGE_HEADER,
    ...detail.invitations.map((i) => [
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
