// Member administrations and workshops: the organiser's reference lists.
import * as z from "zod/mini";

export const SUB_REGIONS = ["east-central-west-asia", "pacific-islands", "south-asia", "southeast-asia"] as const;
export const subRegion = z.enum(SUB_REGIONS);
export type SubRegion = z.infer<typeof subRegion>;

export const SUB_REGION_NAMES: Record<SubRegion, string> = {
  "east-central-west-asia": "East, Central and West Asia",
  "pacific-islands": "Pacific Islands",
  "south-asia": "South Asia",
  "southeast-asia": "Southeast Asia",
};

export const administration = z.strictObject({
  /** Two-letter code as the office's reports use it (e.g. "FJ"). */
  code: z.string().check(z.regex(/^[A-Z]{2,3}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  subRegion,
});
export type Administration = z.infer<typeof administration>;

export const workshop = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.minLength(1), z.maxLength(400)),
  kind: z.enum(["regional", "sub-regional", "national"]),
  mode: z.enum(["in-person", "virtual", "hybrid"]),
  /** Fiscal year label, July–June: "2022/23". */
  fiscalYear: z.string().check(z.regex(/^\d{4}\/\d{2}$/)),
  startsOn: z.optional(z.iso.date()),
  endsOn: z.optional(z.iso.date()),
  location: z.optional(z.string().check(z.maxLength(200))),
});
export type Workshop = z.infer<typeof workshop>;
