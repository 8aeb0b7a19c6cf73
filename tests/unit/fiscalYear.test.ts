// Fiscal years (1 July – 30 June): which year a date falls in, and what is not a date or not a fiscal year label.
import { describe, expect, it } from "vitest";
import { fiscalYearOf, fiscalYearRange, previousFiscalYear, surveyYearOf } from "../../src/shared/report/fiscalYear";

describe("fiscal year of a date", () => {
  it.each([
    ["2023-01-01", "2022/23"],
    ["2023-01-31", "2022/23"],
    ["2022-12-31", "2022/23"],
    ["2023-06-30", "2022/23"],
    ["2023-07-01", "2023/24"],
    ["1999-07-01", "1999/00"],
  ])("%s falls in %s", (date, expected) => {
    expect(fiscalYearOf(date)).toBe(expected);
  });

  it("reads a string with spaces around it by its calendar date", () => {
    expect(fiscalYearOf("  2023-07-01\n")).toBe("2023/24");
  });

  it("reads a Date in UTC", () => {
    expect(fiscalYearOf(new Date("2023-06-30T23:59:59.999Z"))).toBe("2022/23");
    expect(fiscalYearOf(new Date("2023-07-01T00:00:00.000Z"))).toBe("2023/24");
    expect(fiscalYearOf(new Date("2024-01-01T00:00:00.000Z"))).toBe("2023/24");
  });

  it.each([
    "2023-00-10",
    "2023-13-01",
    "2023-06-00",
    "2023-06-32",
    "2023-6-30",
    "23-06-30",
    "x2023-06-30",
    "30/06/2023",
    "abcd-06-30",
    "2023-ab-30",
    "2023-06-ab",
    "",
  ])("refuses %j as not a date, naming it", (text) => {
    expect(() => fiscalYearOf(text)).toThrow(new RangeError(`not a date: ${JSON.stringify(text)}`));
  });

  it("refuses an invalid Date", () => {
    expect(() => fiscalYearOf(new Date("not a date"))).toThrow(new RangeError("not a date: Invalid Date"));
  });
});

describe("fiscal year labels", () => {
  it("gives the range, the year before and the survey year of a label", () => {
    expect(fiscalYearRange("1999/00")).toEqual({
      label: "1999/00",
      firstDay: "1999-07-01",
      lastDay: "2000-06-30",
      start: new Date("1999-07-01T00:00:00.000Z"),
      endExclusive: new Date("2000-07-01T00:00:00.000Z"),
    });
    expect(previousFiscalYear("2000/01")).toBe("1999/00");
    expect(surveyYearOf("2022/23")).toBe(2023);
  });

  it.each(["2022/24", "22/23", "2022/2023", "x2022/23", "2022/23x", "abcd/ef", "2022/ab", "2022-23", ""])(
    "refuses %j, naming it",
    (label) => {
      expect(() => fiscalYearRange(label)).toThrow(new RangeError(`not a fiscal year label: ${JSON.stringify(label)}`));
    },
  );
});
