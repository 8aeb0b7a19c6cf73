// The in-house log in one sentence, as the follow-up questionnaire's description of what was done, in the app's language.
import { formatCalendarDate } from "../../../shared/calendarDate";
import { formattingLocale } from "../../i18n/language";
import { t } from "../../i18n/trainerMessages";
import type { InhouseSession } from "../../store/db";

export function summariseSessions(sessions: InhouseSession[]): string {
  const total = sessions.reduce((sum, s) => sum + s.attendees, 0);
  const lines = sessions.map((s) =>
    t(s.attendees === 1 ? "inhouseSessionOne" : "inhouseSessionMany", {
      date: formatCalendarDate(s.date, formattingLocale()),
      topic: s.topic,
      count: s.attendees,
    }),
  );
  return t(sessions.length === 1 ? "inhouseSummaryOne" : "inhouseSummaryMany", {
    count: sessions.length,
    total,
    sessions: lines.join("; "),
  });
}
