// The app's small router: which paths a route pattern takes, and the parameters it reads from them.
import { describe, expect, it } from "vitest";
import { matchPath } from "../../src/app/ui/router";

describe("matchPath", () => {
  it("reads named segments and decodes them", () => {
    expect(matchPath("/survey/:code", "/survey/DEMO%2DTO1")).toEqual({ code: "DEMO-TO1" });
    expect(matchPath("/survey/:code", "/survey")).toBeUndefined();
    expect(matchPath("/survey/:code", "/survey/a/b")).toBeUndefined();
  });

  it("lets an optional last segment be missing", () => {
    expect(matchPath("/join/:code?", "/join")).toEqual({ code: undefined });
    expect(matchPath("/join/:code?", "/join/X")).toEqual({ code: "X" });
  });

  it("takes a prefix and everything below it for a /* pattern, and nothing that only starts alike", () => {
    expect(matchPath("/console/*", "/console")).toEqual({});
    expect(matchPath("/console/*", "/console/")).toEqual({});
    expect(matchPath("/console/*", "/console/report/2023")).toEqual({});
    expect(matchPath("/console/*", "/consoles")).toBeUndefined();
    expect(matchPath("/console/*", "/")).toBeUndefined();
  });

  it("takes every path for *", () => {
    expect(matchPath("*", "/anything/at/all")).toEqual({});
  });
});
