// The yearly figures per sub-region: each respondent's replies counted under their administration's sub-region.
import { describe, expect, it } from "vitest";
import { SUB_REGIONS } from "../../src/shared/directory";
import { subRegionFigures, subRegionSeries } from "../../src/shared/report/subRegionTrends";
import { MEMBER_ADMINISTRATIONS } from "../../src/server/db/seedData";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

const subRegionOf = new Map(MEMBER_ADMINISTRATIONS.map((a) => [a.code, a.subRegion]));
const input = { fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES };

describe("figures per sub-region", () => {
  it("every sub-region's replies are those of its administrations, and they add up to the year's 70", () => {
    const figures = subRegionFigures(input, subRegionOf);
    expect(figures.map((f) => f.subRegion)).toEqual([...SUB_REGIONS]);
    expect(figures.reduce((n, f) => n + f.replies, 0)).toBe(70);
    const pacific = FY2022_23_REPLIES.filter((r) => subRegionOf.get(r.administrationCode) === "pacific-islands");
    expect(figures.find((f) => f.subRegion === "pacific-islands")?.replies).toBe(pacific.length);
  });

  it("a sub-region's percentages are of its own replies, and reply rates are left out (no denominator per sub-region)", () => {
    const southAsia = subRegionFigures(input, subRegionOf).find((f) => f.subRegion === "south-asia")!;
    const replies = FY2022_23_REPLIES.filter((r) => subRegionOf.get(r.administrationCode) === "south-asia");
    const effects = replies.filter((r) => r.answers.directEffects === "yes").length;
    expect(southAsia.figures.find((f) => f.key === "directEffects.yes")?.value).toBe(
      Math.round((100 * effects) / replies.length),
    );
    expect(southAsia.figures.some((f) => f.key.startsWith("replies."))).toBe(false);
  });

  it("the series lists each sub-region's years oldest first, a year without its replies as none", () => {
    const series = subRegionSeries([
      { fiscalYear: "2023/24", figures: subRegionFigures({ ...input, replies: [] }, subRegionOf) },
      { fiscalYear: "2022/23", figures: subRegionFigures(input, subRegionOf) },
    ]);
    const pacific = series.find((s) => s.subRegion === "pacific-islands")!;
    expect(pacific.name).toBe("Pacific Islands");
    expect(pacific.years.map((y) => [y.fiscalYear, y.replies > 0])).toEqual([
      ["2022/23", true],
      ["2023/24", false],
    ]);
    expect(pacific.years[1].figures.every((f) => f.value === null)).toBe(true);
  });
});
