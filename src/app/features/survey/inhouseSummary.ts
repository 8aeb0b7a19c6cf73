// The in-house log in one sentence, as the follow-up questionnaire's description of what was done.
import { formatCalendarDate } from "../../../shared/calendarDate";
import type { InhouseSession } from "../../store/db";

export function summariseSessions(sessions: InhouseSession[]): string {
  const total = sessions.reduce((sum, s) => sum + s.attendees, 0);
  const lines = sessions.map(
    (s) => `${formatCalendarDate(s.date)}: ${s.topic} (${s.attendees} ${s.attendees === 1 ? "attendee" : "attendees"})`,
  );
  return `Ran ${sessions.length === 1 ? "an in-house session" : `${sessions.length} in-house sessions`} for ${total} colleagues — ${lines.join("; ")}.`;
}
