// When a campaign opens (an instant, UTC) and falls due (a calendar day): whole months added the way a calendar does.
import { dueDayOfInstant } from "../../shared/campaign";
import type { CalendarDate } from "../../shared/calendarDate";
import type { ConsoleWorkshop } from "../../shared/console";
import { followUpDaysAfterMonth } from "../../shared/followUpSchedule";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A campaign without a due date gives participants three weeks from its opening. */
export const DEFAULT_ANSWER_WINDOW_MS = 21 * DAY_MS;
/** Follow-up asks what participants did with a workshop: half a year after it. */
const MONTHS_AFTER_WORKSHOP = 6;

/** `date` (YYYY-MM-DD, or a Date read in UTC) plus whole months, at 00:00 UTC; the 31st of a short month becomes its last day. */
export function addMonthsUtc(date: string | Date, months: number): Date {
  const d = typeof date === "string" ? new Date(`${date.slice(0, 10)}T00:00:00.000Z`) : date;
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

/** The default opening: 6 months after the workshop ends (else starts, else today), at 00:00 UTC. */
export function defaultOpensAt(workshop: Pick<ConsoleWorkshop, "startsOn" | "endsOn">, now: Date): Date {
  return addMonthsUtc(workshop.endsOn ?? workshop.startsOn ?? now, MONTHS_AFTER_WORKSHOP);
}

/** The due day asked for: `dueOn`, or the UTC day of `dueAt` as older consoles sent it; undefined when neither. */
export function askedDueDay(asked: { dueOn?: string; dueAt?: string }): CalendarDate | undefined {
  if (asked.dueOn !== undefined) return asked.dueOn;
  return asked.dueAt !== undefined ? dueDayOfInstant(asked.dueAt) : undefined;
}

/**
 * The opening and due day asked for, each defaulted when left out (due: the day three weeks after opening).
 * A workshop known only by its month opens on the last day of the sixth month after it (00:00 UTC here: the
 * console sends the organiser's own midnight), not today.
 */
export function campaignDates(
  asked: { opensAt?: string; dueOn?: string; dueAt?: string },
  workshop: Pick<ConsoleWorkshop, "startsOn" | "endsOn" | "month">,
  now: Date,
): { opensAt: Date; dueOn: CalendarDate } {
  if (workshop.startsOn === undefined && workshop.endsOn === undefined && workshop.month !== undefined) {
    const days = followUpDaysAfterMonth(workshop.month);
    const opensAt = new Date(asked.opensAt ?? `${days.opensOn}T00:00:00.000Z`);
    const defaultDue =
      asked.opensAt === undefined
        ? days.dueOn
        : dueDayOfInstant(new Date(opensAt.getTime() + DEFAULT_ANSWER_WINDOW_MS).toISOString());
    return { opensAt, dueOn: askedDueDay(asked) ?? defaultDue };
  }
  const opensAt = asked.opensAt !== undefined ? new Date(asked.opensAt) : defaultOpensAt(workshop, now);
  const dueOn =
    askedDueDay(asked) ?? dueDayOfInstant(new Date(opensAt.getTime() + DEFAULT_ANSWER_WINDOW_MS).toISOString());
  return { opensAt, dueOn };
}

/** A due day before the opening's (UTC) day leaves no time to answer; due on the opening day leaves that day. */
export function dueNotAfterOpening(opensAt: string | Date, dueOn: CalendarDate): boolean {
  return dueOn < dueDayOfInstant(new Date(opensAt).toISOString());
}
