// The dashboard chart's text equivalent: replies per day in a sentence, from none to one day to many.
import { formatCalendarDate } from "../../../shared/calendarDate";

export interface RepliesOnDay {
  /** The day the replies arrived, as the server counts days. */
  date: string;
  replies: number;
  cumulative: number;
}

const replies = (n: number) => `${n} ${n === 1 ? "reply" : "replies"}`;

export function repliesOverTimeSummary(days: readonly RepliesOnDay[], locales?: string): string {
  if (days.length === 0) return "No replies yet.";
  const day = (d: RepliesOnDay) => formatCalendarDate(d.date, locales);
  const total = days[days.length - 1].cumulative;
  if (days.length === 1)
    return total === 1 ? `1 reply, on ${day(days[0])}.` : `${replies(total)}, all on ${day(days[0])}.`;
  const busiest = days.reduce((most, d) => (d.replies > most.replies ? d : most));
  return `${replies(total)} from ${day(days[0])} to ${day(days[days.length - 1])}; the most in one day: ${busiest.replies} on ${day(busiest)}.`;
}
