// The yearly headline figures per sub-region: a year's counted replies split by their administration's sub-region.
import { SUB_REGIONS, SUB_REGION_NAMES, type SubRegion } from "../directory";
import { computeReport, headlineFigures } from "./report";
import type { BindingsOf } from "./replyReading";
import type { ReportReply, ReportWorkshop } from "./types";

/** One sub-region's figures for one year: percentages of its own respondents' replies. */
export interface SubRegionYear {
  subRegion: SubRegion;
  replies: number;
  figures: Array<{ key: string; table: number; label: string; value: number | null }>;
}

export interface SubRegionSeries {
  subRegion: SubRegion;
  name: string;
  years: Array<{ fiscalYear: string; replies: number; figures: SubRegionYear["figures"] }>;
}

/**
 * Every sub-region's headline figures for a year computed from replies. Reply rates are left out: the
 * participating administrations are counted per workshop, not per sub-region, so there is no denominator.
 * A reply whose administration is in no sub-region (unknown code) is in none of them.
 */
export function subRegionFigures(
  input: {
    fiscalYear: string;
    workshops: readonly ReportWorkshop[];
    replies: readonly ReportReply[];
    bindingsOf?: BindingsOf;
  },
  subRegionOf: ReadonlyMap<string, SubRegion>,
): SubRegionYear[] {
  return SUB_REGIONS.map((subRegion) => {
    const replies = input.replies.filter((r) => subRegionOf.get(r.administrationCode) === subRegion);
    const report = computeReport({ ...input, replies });
    return {
      subRegion,
      replies: report.replies,
      figures: headlineFigures(report).filter((f) => !f.key.startsWith("replies.")),
    };
  });
}

/** The years' figures turned into one series per sub-region, oldest year first. */
export function subRegionSeries(
  years: ReadonlyArray<{ fiscalYear: string; figures: SubRegionYear[] }>,
): SubRegionSeries[] {
  const ordered = [...years].sort((a, b) => (a.fiscalYear < b.fiscalYear ? -1 : a.fiscalYear > b.fiscalYear ? 1 : 0));
  return SUB_REGIONS.map((subRegion) => ({
    subRegion,
    name: SUB_REGION_NAMES[subRegion],
    years: ordered.map((y) => {
      const own = y.figures.find((f) => f.subRegion === subRegion);
      return { fiscalYear: y.fiscalYear, replies: own?.replies ?? 0, figures: own?.figures ?? [] };
    }),
  }));
}
