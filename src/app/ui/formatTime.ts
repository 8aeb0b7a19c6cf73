// Times are stored in UTC and shown in the participant's own time zone, in the language the app speaks.
import { formattingLocale } from "../i18n/language";

const format = (iso: string | undefined, options: Intl.DateTimeFormatOptions): string =>
  iso ? new Intl.DateTimeFormat(formattingLocale(), options).format(new Date(iso)) : "";

export const formatDateTime = (iso: string | undefined): string =>
  format(iso, { dateStyle: "medium", timeStyle: "short" });
export const formatDate = (iso: string | undefined): string => format(iso, { dateStyle: "medium" });
