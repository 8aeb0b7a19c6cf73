// One visit to every console route (ConsoleRoutes.tsx), for the tests that check every console page; a unit test
// (consolePageCoverage) fails when a route is added there without a visit here.
import type { Page } from "playwright-core";
import { DEMO_CAMPAIGN_ID, DEMO_WORKSHOP_ID } from "../../../src/server/db/seedData";

export interface ConsolePageVisit {
  /** The route's pattern exactly as ConsoleRoutes.tsx writes it. */
  route: string;
  /** A path on the seeded demo data that the route shows. */
  path: string;
  /** The page's heading, shown once it has loaded. */
  heading: string | RegExp;
  /** What else to wait for before checking (data that loads after the heading). */
  ready?(page: Page): Promise<void>;
}

const DEMO_FISCAL_YEAR = "2022-23";

export const CONSOLE_PAGE_VISITS: readonly ConsolePageVisit[] = [
  {
    route: "/console",
    path: "/console",
    heading: "Workshops",
    ready: (page) => page.getByTestId("console-workshop").first().waitFor(),
  },
  { route: "/console/setup", path: "/console/setup?token=not-used", heading: "Create the first organiser account" },
  {
    route: "/console/workshops/:id",
    path: `/console/workshops/${DEMO_WORKSHOP_ID}`,
    heading: /Revised Kyoto Convention/,
    ready: (page) =>
      page
        .getByRole("heading", { name: /^Participants/ })
        .first()
        .waitFor(),
  },
  {
    route: "/console/campaigns/:id",
    path: `/console/campaigns/${DEMO_CAMPAIGN_ID}`,
    heading: "Follow-up campaign",
    ready: (page) => page.getByTestId("invitations").waitFor(),
  },
  {
    route: "/console/report/:fiscalYear",
    path: `/console/report/${DEMO_FISCAL_YEAR}`,
    heading: /Follow-up survey, FY/,
    ready: (page) => page.getByTestId("report-table-1").waitFor(),
  },
  {
    route: "/console/replies/:ref",
    path: `/console/replies/${DEMO_FISCAL_YEAR}`,
    heading: /^Replies/,
    ready: (page) => page.getByTestId("tracking").waitFor(),
  },
  { route: "/console/administrations", path: "/console/administrations", heading: "Member administrations" },
  { route: "/console/past-years", path: "/console/past-years", heading: "Past years" },
  { route: "/console/trends", path: "/console/trends", heading: "Trends across years" },
  { route: "/console/questionnaires", path: "/console/questionnaires", heading: "Questionnaires" },
  { route: "/console/questionnaires/:ref", path: "/console/questionnaires/follow-up.2", heading: /version 2$/ },
  // The same route shows one reply when its ref is not a fiscal year; the demo data has no reply, so its refusal.
  { route: "/console/replies/:ref", path: "/console/replies/no-such-reply", heading: "Reply not found" },
  { route: "/console/accounts", path: "/console/accounts", heading: "Accounts" },
  { route: "/console/audit-log", path: "/console/audit-log", heading: "Audit log" },
  { route: "*", path: "/console/no-such-page", heading: "Page not found" },
];

/** The route patterns a ConsoleRoutes.tsx source declares, in its order. */
export function consoleRoutePatterns(source: string): string[] {
  return [...source.matchAll(/\{\s*path:\s*"([^"]+)",\s*component:/g)].map((m) => m[1]);
}
