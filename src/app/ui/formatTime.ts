// Times are stored in UTC and shown in the participant's own time zone and language.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export const formatDateTime = (iso: string | undefined): string => (iso ? dateTime.format(new Date(iso)) : "");
export const formatDate = (iso: string | undefined): string => (iso ? dateOnly.format(new Date(iso)) : "");
