// The dashboard chart's text equivalent: replies per day in a sentence, from none to one day to many, worded from the
// replies catalogue in the console's language, its days through Intl.
import { formatCalendarDate } from "../../../shared/calendarDate";
import { formattingLocale } from "../../i18n/language";
import { repliesText as t } from "./consoleText";

export interface RepliesOnDay {
  /** The day the replies arrived, as the server counts days. */
  date: string;
  replies: number;
  cumulative: number;
}

export function repliesOverTimeSummary(days: readonly RepliesOnDay[], locales: string = formattingLocale()): string {
  if (days.length === 0) return t("overTimeNone");
  const day = (d: RepliesOnDay) => formatCalendarDate(d.date, locales);
  const total = days[days.length - 1].cumulative;
  if (days.length === 1)
    return total === 1
      ? t("overTimeOneReply", { day: day(days[0]) })
      : t("overTimeAllOnDay", { count: total, day: day(days[0]) });
  const busiest = days.reduce((most, d) => (d.replies > most.replies ? d : most));
  return t(total === 1 ? "overTimeSpanOneReply" : "overTimeSpan", {
    count: total,
    first: day(days[0]),
    last: day(days[days.length - 1]),
    most: busiest.replies,
    busiest: day(busiest),
  });
}
