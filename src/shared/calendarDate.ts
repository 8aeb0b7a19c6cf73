// Calendar days ("2026-11-20") as people mean them: taken from and shown in the device's own zone, never via UTC midnight.
import * as z from "zod/mini";

/** A day on the calendar, `YYYY-MM-DD`, with no time and no zone. */
export const calendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof calendarDate>;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The calendar day an instant falls on where this device is (Suva at 09:30 is already "today" there). */
export function localCalendarDate(instant: Date): CalendarDate {
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * The instant a day begins where this device is: an organiser in Nuku'alofa who opens a campaign "on 1 Dec"
 * means Tonga's midnight, not UTC's (13:00 there). Where clocks skip midnight, the day's first real minute.
 */
export function startOfLocalDay(day: CalendarDate): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year, month - 1, date);
}

/**
 * The day as a local Date at noon: formatting it in the device's zone gives back the same day
 * (noon keeps clear of the midnight that some zones skip when their clocks change).
 */
function localNoon(day: CalendarDate): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year, month - 1, date, 12);
}

/** "20 Nov 2026" in the device's language, the same day in every time zone. */
export function formatCalendarDate(day: CalendarDate, locales?: Intl.LocalesArgument): string {
  return new Intl.DateTimeFormat(locales, { dateStyle: "medium" }).format(localNoon(day));
}
