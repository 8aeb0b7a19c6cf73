// A workshop known only by its month: the follow-up opens six months after the month's end, due three weeks later.
import { afterEach, describe, expect, it } from "vitest";
import { startOfLocalDay } from "../../src/shared/calendarDate";
import { followUpDaysAfterMonth } from "../../src/shared/followUpSchedule";

const originalZone = process.env.TZ;
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe("follow-up days after a workshop month", () => {
  it("a November 2020 workshop is followed up from 31 May 2021, due 21 June 2021", () => {
    expect(followUpDaysAfterMonth("2020-11")).toEqual({ opensOn: "2021-05-31", dueOn: "2021-06-21" });
  });

  it("the month's end, not its first day, starts the six months: August 2023 opens on 29 Feb 2024 (leap year)", () => {
    expect(followUpDaysAfterMonth("2023-08")).toEqual({ opensOn: "2024-02-29", dueOn: "2024-03-21" });
    expect(followUpDaysAfterMonth("2022-08")).toEqual({ opensOn: "2023-02-28", dueOn: "2023-03-21" });
  });

  it("a December workshop's follow-up crosses into the next year, and a June one's due day too", () => {
    expect(followUpDaysAfterMonth("2022-12")).toEqual({ opensOn: "2023-06-30", dueOn: "2023-07-21" });
    expect(followUpDaysAfterMonth("2022-06")).toEqual({ opensOn: "2022-12-31", dueOn: "2023-01-21" });
  });

  it.each([
    ["Pacific/Tongatapu", "2021-05-30T11:00:00.000Z"],
    ["Pacific/Kiritimati", "2021-05-30T10:00:00.000Z"],
    ["Pacific/Apia", "2021-05-30T11:00:00.000Z"],
    ["UTC", "2021-05-31T00:00:00.000Z"],
    ["Pacific/Pago_Pago", "2021-05-31T11:00:00.000Z"],
    ["America/Los_Angeles", "2021-05-31T07:00:00.000Z"],
  ])("the opening is the organiser's own midnight in %s, the same calendar day everywhere", (zone, instant) => {
    process.env.TZ = zone;
    const { opensOn } = followUpDaysAfterMonth("2020-11");
    expect(opensOn).toBe("2021-05-31");
    expect(startOfLocalDay(opensOn).toISOString()).toBe(instant);
  });

  it("refuses what is not a month", () => {
    expect(() => followUpDaysAfterMonth("2020-13")).toThrow(RangeError);
    expect(() => followUpDaysAfterMonth("Nov 2020")).toThrow(RangeError);
  });
});
