// The follow-up of a workshop known only by its month: which calendar days it opens and falls due (no clock, no zone).
import type { CalendarDate } from "./calendarDate";

/** Follow-up asks what participants did with a workshop: half a year after it. */
const MONTHS_AFTER_WORKSHOP = 6;
/** Participants get three weeks to answer. */
const ANSWER_WINDOW_DAYS = 21;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);

/** Year and month (1–12) `months` after the given one. */
function monthsLater(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + (month - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/**
 * The opening day is the last day of the sixth month after the workshop's month, so it is at least six months
 * after whichever day of the month the workshop was; due three weeks later. Calendar arithmetic only: the caller
 * makes an instant of the opening day in the organiser's zone (`startOfLocalDay`). A RangeError for a bad month.
 */
export function followUpDaysAfterMonth(month: string): { opensOn: CalendarDate; dueOn: CalendarDate } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`"${month}" is not a month such as 2020-11`);
  const [openYear, openMonth] = monthsLater(Number(m[1]), Number(m[2]), MONTHS_AFTER_WORKSHOP);
  const lastDay = daysInMonth(openYear, openMonth);
  // From a month's last day, three weeks later is the 21st of the next month.
  const [dueYear, dueMonth] = monthsLater(openYear, openMonth, 1);
  return {
    opensOn: `${pad(openYear, 4)}-${pad(openMonth)}-${pad(lastDay)}`,
    dueOn: `${pad(dueYear, 4)}-${pad(dueMonth)}-${pad(ANSWER_WINDOW_DAYS)}`,
  };
}
