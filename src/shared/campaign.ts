// A follow-up campaign: one questionnaire version sent to one workshop's participants, due on a calendar day.
import * as z from "zod/mini";
import { calendarDate, type CalendarDate } from "./calendarDate";
import type { ReplyRefusalCode } from "./replyRefusalCodes";

export const campaignStatus = z.enum(["open", "closed", "withdrawn"]);
export type CampaignStatus = z.infer<typeof campaignStatus>;

export const campaign = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  workshopId: z.string().check(z.minLength(1), z.maxLength(64)),
  questionnaireId: z.string().check(z.minLength(1), z.maxLength(64)),
  questionnaireVersion: z.int().check(z.positive()),
  opensAt: z.iso.datetime({ offset: true }),
  /** The last day to reply, as the organiser set it: a day on the calendar, the same day in every time zone. */
  dueOn: calendarDate,
  lateRepliesAccepted: z.boolean(),
  status: campaignStatus,
});
export type Campaign = z.infer<typeof campaign>;

/**
 * The shape before due dates were days: `dueAt` an instant. Apps installed before still read it (the invitation
 * API sends it unless asked for `?v=2`), and phones that joined before keep it in their storage.
 */
export const campaignWithDueInstant = z.strictObject({
  ...z.omit(campaign, { dueOn: true }).shape,
  dueAt: z.iso.datetime({ offset: true }),
});
export type CampaignWithDueInstant = z.infer<typeof campaignWithDueInstant>;

/**
 * The day an old due instant meant: its UTC day. The console entered a day D as D 23:59:59 UTC and the default
 * due date was a UTC midnight, so the UTC day gives back exactly the day the organiser chose.
 */
export function dueDayOfInstant(dueAt: string): CalendarDate {
  return new Date(dueAt).toISOString().slice(0, 10);
}

/**
 * What an app installed before reads as the due instant. It only shows it as a date in the phone's zone: UTC
 * midnight of the day shows as that day from UTC+0 to UTC+14, which covers every member administration.
 */
export function dueInstantForOlderApps(dueOn: CalendarDate): string {
  return `${dueOn}T00:00:00.000Z`;
}

/** A campaign in either shape (from an older server, or stored on a phone before), as this version reads it. */
export function campaignFromEitherShape(stored: Campaign | CampaignWithDueInstant): Campaign {
  if ("dueOn" in stored) return stored;
  const { dueAt, ...rest } = stored;
  return { ...rest, dueOn: dueDayOfInstant(dueAt) };
}

/**
 * The rule for "late": a reply is on time while the due day has not ended anywhere on Earth, that is until the
 * end of that day at UTC−12 ("anywhere on earth"). Nobody is late while it is still the due day where they are,
 * from Pago Pago (UTC−11) to Kiritimati (UTC+14), and no time zone has to be stored with the campaign.
 */
export function dueDayEndsAt(dueOn: CalendarDate): Date {
  const [year, month, day] = dueOn.split("-").map(Number);
  const ANYWHERE_ON_EARTH_OFFSET_HOURS = -12;
  return new Date(Date.UTC(year, month - 1, day + 1, -ANYWHERE_ON_EARTH_OFFSET_HOURS));
}

/** Whether a reply arriving at `now` is after the due day (see dueDayEndsAt). */
export function isAfterDueDay(dueOn: CalendarDate, now: Date): boolean {
  return now.getTime() >= dueDayEndsAt(dueOn).getTime();
}

export type CampaignAcceptance =
  | { accepted: true; late: boolean }
  | {
      accepted: false;
      code: Extract<ReplyRefusalCode, "campaign_not_open_yet" | "campaign_closed" | "campaign_withdrawn">;
      message: string;
    };

/** Whether a reply arriving at `now` is taken: late replies count when the campaign allows them. */
export function campaignAcceptsReplies(c: Campaign, now: Date): CampaignAcceptance {
  if (c.status === "withdrawn")
    return {
      accepted: false,
      code: "campaign_withdrawn",
      message: "The organiser has withdrawn this questionnaire, so it no longer takes replies.",
    };
  if (c.status === "closed")
    return {
      accepted: false,
      code: "campaign_closed",
      message: "This questionnaire is closed and no longer takes replies.",
    };
  if (now.getTime() < Date.parse(c.opensAt))
    return {
      accepted: false,
      code: "campaign_not_open_yet",
      message: "This questionnaire is not open for replies yet.",
    };
  const late = isAfterDueDay(c.dueOn, now);
  if (late && !c.lateRepliesAccepted)
    return {
      accepted: false,
      code: "campaign_closed",
      message: "The due date for this questionnaire has passed and late replies are not taken.",
    };
  return { accepted: true, late };
}
