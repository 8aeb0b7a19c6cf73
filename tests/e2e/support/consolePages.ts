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
  /** What else to wait for or do before checking (data that loads after the heading, a state to show). */
  ready?(page: Page, api: ConsoleWalkApi): Promise<void>;
}

/** The console API as the walk's organiser, signed in beside the page (for a colleague's save during a visit). */
export interface ConsoleWalkApi {
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

const DEMO_FISCAL_YEAR = "2022-23";
/** The reply the walk sends from the demo invitation DEMO-TO1 before it starts (the seeded data has none). */
export const WALK_REPLY_ID = "01a23c5c-2b0e-77c9-8417-3a172b44474b";
/** A registration export whose headers the console does not recognise: the preview asks which column holds what. */
const UNRECOGNISED_EXPORT = "Delegate,Contact,Delegation\nMele Fifita,mele@example.org,Kingdom of Tonga";

/** Opens the demo workshop's form, has a colleague save the workshop meanwhile, and saves: the conflict shows. */
async function showEditConflict(page: Page, api: ConsoleWalkApi): Promise<void> {
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Host and place").fill("Suva, Fiji");
  const path = `/api/console/workshops/${DEMO_WORKSHOP_ID}`;
  const { version, location } = (await (await api.request("GET", path)).json()) as {
    version: number;
    location: string | null;
  };
  const saved = await api.request("PATCH", path, { version, location: location === "Apia" ? "Nadi" : "Apia" });
  if (saved.status !== 200) throw new Error(`the colleague's save answered ${saved.status}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.getByTestId("edit-conflict").waitFor();
}

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
    route: "/console",
    path: "/console",
    heading: "Workshops",
    // A new workshop started from the demo one's set-up, and the demo data's archive asking to be confirmed.
    async ready(page) {
      await page.getByLabel("Copy from…").selectOption(DEMO_WORKSHOP_ID);
      await page.getByRole("button", { name: "Archive the demo data…" }).click();
      await page.getByRole("button", { name: "Keep it" }).waitFor();
    },
  },
  {
    route: "/console/workshops/:id",
    path: `/console/workshops/${DEMO_WORKSHOP_ID}`,
    heading: /Revised Kyoto Convention/,
    async ready(page) {
      await page.getByLabel("Or paste the rows").fill(UNRECOGNISED_EXPORT);
      await page.getByRole("button", { name: "Check" }).click();
      await page.getByLabel("Column “Delegation”").waitFor();
    },
  },
  {
    route: "/console/workshops/:id",
    path: `/console/workshops/${DEMO_WORKSHOP_ID}`,
    heading: /Revised Kyoto Convention/,
    ready: showEditConflict,
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
  // The same route shows one reply when its ref is not a fiscal year, or says it is not there.
  {
    route: "/console/replies/:ref",
    path: `/console/replies/${WALK_REPLY_ID}`,
    heading: /^Reply from/,
    ready: (page) => page.getByTestId("reply-counts").waitFor(),
  },
  { route: "/console/replies/:ref", path: "/console/replies/no-such-reply", heading: "Reply not found" },
  { route: "/console/accounts", path: "/console/accounts", heading: "Accounts" },
  {
    route: "/console/audit-log",
    path: "/console/audit-log",
    heading: "Audit log",
    ready: (page) => page.getByTestId("audit-entry").first().waitFor(),
  },
  { route: "*", path: "/console/no-such-page", heading: "Page not found" },
];

/** The route patterns a ConsoleRoutes.tsx source declares, in its order. */
export function consoleRoutePatterns(source: string): string[] {
  return [...source.matchAll(/\{\s*path:\s*"([^"]+)",\s*component:/g)].map((m) => m[1]);
}
