// The console's accessibility walk visits every console route: a route added without a visit fails here first.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONSOLE_PAGE_VISITS, consoleRoutePatterns } from "../e2e/support/consolePages";

const routesSource = readFileSync(new URL("../../src/app/features/console/ConsoleRoutes.tsx", import.meta.url), "utf8");

describe("the console pages the browser tests visit", () => {
  it("are exactly the routes ConsoleRoutes.tsx declares", () => {
    const declared = consoleRoutePatterns(routesSource);
    expect(declared.length).toBeGreaterThan(10);
    // A route may be visited more than once (one replies route shows a year or one reply).
    expect([...new Set(CONSOLE_PAGE_VISITS.map((v) => v.route))].sort()).toEqual([...declared].sort());
  });

  it("notices a route added without a visit", () => {
    const withNewRoute = routesSource.replace(
      '{ path: "/console/accounts", component: AccountsPage },',
      '{ path: "/console/accounts", component: AccountsPage },\n        { path: "/console/audit", component: AuditPage },',
    );
    expect(consoleRoutePatterns(withNewRoute)).toContain("/console/audit");
    expect(CONSOLE_PAGE_VISITS.map((v) => v.route)).not.toContain("/console/audit");
  });
});
