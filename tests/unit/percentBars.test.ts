// A report table's overall percentages, taken from its total row for the feedback's bars.
import { describe, expect, it } from "vitest";
import { totalPercentBars } from "../../src/app/ui/percentBars";

const TABLE_2 = [
  ["#", "Workshop", "Kind", "Replies", "Answered", "Shared the materials", "Shared the materials (%)", "Reported (%)"],
  [1, "Revised Kyoto Convention", "Regional", 7, 7, 5, 71.4, 42.9],
  [null, "Regional workshops (1)", "Regional", 7, 7, 5, 71.4, 42.9],
  [null, "Total (2 workshops)", null, 10, 9, 6, 66.7, 33.3],
];

describe("the feedback's bars", () => {
  it("come from the total row's percentage columns, named without their (%)", () => {
    expect(totalPercentBars(TABLE_2)).toEqual([
      { label: "Shared the materials", percent: 66.7 },
      { label: "Reported", percent: 33.3 },
    ]);
  });

  it("skip a percentage the total row leaves empty, and keep bars within 0–100", () => {
    const rows = [
      ["Workshop", "Yes (%)", "No (%)", "Odd (%)"],
      ["Total (1 workshops)", null, 140, -5],
    ];
    expect(totalPercentBars(rows)).toEqual([
      { label: "No", percent: 100 },
      { label: "Odd", percent: 0 },
    ]);
  });

  it("are none for a table without a total row or without percentages", () => {
    expect(
      totalPercentBars([
        ["Workshop", "Yes (%)"],
        ["Fiji", 50],
      ]),
    ).toEqual([]);
    expect(
      totalPercentBars([
        ["Workshop", "Replies"],
        ["Total (1 workshops)", 3],
      ]),
    ).toEqual([]);
    expect(totalPercentBars([])).toEqual([]);
  });
});
