// Calendar days stay the same day in every time zone, from UTC−11 to UTC+14.
import { afterEach, describe, expect, it } from "vitest";
import { summariseSessions } from "../../src/app/features/survey/inhouseSummary";
import { calendarDate, formatCalendarDate, localCalendarDate, startOfLocalDay } from "../../src/shared/calendarDate";

const ZONES = [
  "UTC",
  "Pacific/Fiji",
  "Pacific/Tongatapu",
  "Pacific/Apia",
  "Pacific/Kiritimati",
  "Asia/Kathmandu",
  "Pacific/Pago_Pago",
  "Australia/Lord_Howe",
];
const originalZone = process.env.TZ;
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe("calendar dates", () => {
  it.each(ZONES)("a day entered as 20 Nov shows as 20 Nov in %s", (zone) => {
    process.env.TZ = zone;
    expect(formatCalendarDate("2026-11-20", "en-GB")).toBe("20 Nov 2026");
    // A day on which clocks change at midnight in some zones still shows as itself.
    expect(formatCalendarDate("2026-04-05", "en-GB")).toBe("5 Apr 2026");
  });

  it.each([
    ["Pacific/Fiji", "2026-11-20"],
    ["Pacific/Tongatapu", "2026-11-20"],
    ["Pacific/Apia", "2026-11-20"],
    ["Pacific/Kiritimati", "2026-11-20"],
    ["Asia/Kathmandu", "2026-11-20"],
    ["UTC", "2026-11-19"],
    ["Pacific/Pago_Pago", "2026-11-19"],
  ])("today at 21:30 UTC on 19 Nov is the local calendar day in %s: %s", (zone, day) => {
    process.env.TZ = zone;
    expect(localCalendarDate(new Date("2026-11-19T21:30:00Z"))).toBe(day);
  });

  it("09:30 in Suva is today there, not yesterday as UTC would say", () => {
    process.env.TZ = "Pacific/Fiji";
    const nineThirtyInSuva = new Date("2026-11-19T21:30:00Z");
    expect(nineThirtyInSuva.toISOString().slice(0, 10)).toBe("2026-11-19");
    expect(localCalendarDate(nineThirtyInSuva)).toBe("2026-11-20");
  });

  it.each(["Pacific/Tongatapu", "Pacific/Kiritimati", "Pacific/Pago_Pago"])(
    "an in-house session on 20 Nov goes into the answer as 20 Nov in %s",
    (zone) => {
      process.env.TZ = zone;
      const summary = summariseSessions([
        {
          id: "s1",
          date: "2026-11-20",
          topic: "RKC General Annex",
          attendees: 12,
          materialIds: [],
          createdAt: "2026-11-20T08:00:00.000Z",
        },
      ]);
      expect(summary).toContain(formatCalendarDate("2026-11-20"));
      expect(summary).not.toContain(formatCalendarDate("2026-11-21"));
      expect(summary).not.toContain(formatCalendarDate("2026-11-19"));
    },
  );

  it.each(ZONES)("a campaign opening on 1 Dec in %s opens at that zone's midnight and shows as 1 Dec", (zone) => {
    process.env.TZ = zone;
    const opens = startOfLocalDay("2026-12-01");
    expect(localCalendarDate(opens)).toBe("2026-12-01");
    expect([opens.getHours(), opens.getMinutes()]).toEqual([0, 0]);
    // The minute before belongs to the day before, where this device is.
    expect(localCalendarDate(new Date(opens.getTime() - 60_000))).toBe("2026-11-30");
  });

  it("Tonga's 1 Dec begins at 11:00 UTC on 30 Nov", () => {
    process.env.TZ = "Pacific/Tongatapu";
    expect(startOfLocalDay("2026-12-01").toISOString()).toBe("2026-11-30T11:00:00.000Z");
  });

  it("the schema takes real days only and names the problem", () => {
    expect(calendarDate.safeParse("2026-02-28").success).toBe(true);
    const bad = calendarDate.safeParse("2026-02-30");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ code: "invalid_format", format: "date" });
  });
});
