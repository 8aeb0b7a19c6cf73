// Times are stored in UTC and shown in the participant's own time zone, in the language the app speaks.
import { formattingLocale } from "../i18n/language";

const format = (iso: string | undefined, options: Intl.DateTimeFormatOptions): string =>
  iso ? new Intl.DateTimeFormat(formattingLocale(), options).format(new Date(iso)) : "";

export const formatDateTime = (iso: string | undefined): string =>
  format(iso, { dateStyle: "medium", timeStyle: "short" });
export const formatDate = (iso: string | undefined): string => format(iso, { dateStyle: "medium" });

/**
 * The browser loads its date-formatting data the first time a format is made (75–270 ms at 4× CPU throttle): made
 * once here while start-up waits on the phone's database, so the questionnaire's header, which shows the due date
 * and the "saved" time, does not pay for it between the data arriving and the first question.
 */
export function warmDateFormatting(): void {
  setTimeout(() => new Intl.DateTimeFormat(formattingLocale(), { dateStyle: "medium", timeStyle: "short" }));
}
