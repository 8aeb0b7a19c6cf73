// How the workshops list words a workshop's dates, its newest campaign's state and its reply rate.
import { isAfterDueDay } from "../../../shared/campaign";
import { formatCalendarDate, type CalendarDate } from "../../../shared/calendarDate";
import type { WorkshopCampaignFigures } from "../../../shared/console";
import { formattingLocale } from "../../i18n/language";
import { workshopsText as t } from "./consoleText";

/** The catalogue keys of a workshop's kind and mode. */
export const KIND_KEYS = {
  regional: "kindRegional",
  "sub-regional": "kindSubRegional",
  national: "kindNational",
} as const;
export const MODE_KEYS = { "in-person": "modeInPerson", virtual: "modeVirtual", hybrid: "modeHybrid" } as const;

/** "4 Aug 2025 – 8 Aug 2025", one day alone, or "—": calendar days, the same in every time zone. */
export function workshopDates(
  startsOn?: CalendarDate | null,
  endsOn?: CalendarDate | null,
  locales = formattingLocale(),
): string {
  const days = [startsOn, endsOn].filter((d): d is CalendarDate => Boolean(d));
  if (days.length === 0) return "—";
  if (days.length === 1 || days[0] === days[1]) return formatCalendarDate(days[0], locales);
  return `${formatCalendarDate(days[0], locales)} – ${formatCalendarDate(days[1], locales)}`;
}

/** A workshop's month ("2023-08", when its days are not known) as "August 2023" / "août 2023"; anything else as is. */
export function workshopMonth(month: string, locales = formattingLocale()): string {
  const parts = /^(\d{4})-(\d{2})$/.exec(month);
  if (!parts) return month;
  return new Intl.DateTimeFormat(locales, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, 1)),
  );
}

/**
 * The newest campaign's state in words: an open campaign is "scheduled" until it opens, "open" until its due day
 * ends, then open for late replies or (when it takes none) past its due day.
 */
export function campaignState(
  campaign: WorkshopCampaignFigures | undefined,
  now: Date,
  locales = formattingLocale(),
): string {
  if (!campaign) return t("noCampaignYet");
  if (campaign.status === "withdrawn") return t("campaignWithdrawn");
  if (campaign.status === "closed") return t("campaignClosed");
  const due = formatCalendarDate(campaign.dueOn, locales);
  if (now.getTime() < Date.parse(campaign.opensAt))
    return t("campaignScheduled", {
      date: new Intl.DateTimeFormat(locales, { dateStyle: "medium" }).format(new Date(campaign.opensAt)),
    });
  if (!isAfterDueDay(campaign.dueOn, now)) return t("campaignOpen", { date: due });
  return t(campaign.lateRepliesAccepted ? "campaignOpenLate" : "campaignPastDue", { date: due });
}

/** "5 of 12 · 42%"; "—" before anyone is invited. */
export function replyRate(campaign: WorkshopCampaignFigures | undefined): string {
  if (!campaign || campaign.invited === 0) return "—";
  const percent = Math.round((campaign.replied / campaign.invited) * 100);
  return t("replyRate", { replied: campaign.replied, invited: campaign.invited, percent });
}
