// How long a server's Retry-After asks the phone to wait: seconds or a date, never negative, never more than an hour.
import { describe, expect, it } from "vitest";
import { LONGEST_RETRY_AFTER_MS, retryAfterOf } from "../../src/app/sync/apiClient";

const now = new Date("2026-12-03T10:00:00Z");

describe("a server's Retry-After", () => {
  it("reads seconds and HTTP dates as milliseconds from now", () => {
    expect(retryAfterOf("120", now)).toBe(120_000);
    expect(retryAfterOf(" 5 ", now)).toBe(5_000);
    expect(retryAfterOf("Thu, 03 Dec 2026 10:02:00 GMT", now)).toBe(120_000);
  });

  it("reads a date already past as now, and nothing or nonsense as no wish at all", () => {
    expect(retryAfterOf("Thu, 03 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterOf(null, now)).toBeUndefined();
    expect(retryAfterOf("", now)).toBeUndefined();
    expect(retryAfterOf("soon", now)).toBeUndefined();
    expect(retryAfterOf("-5", now)).toBeUndefined();
  });

  it("honours at most an hour, so a wrong header cannot stall sending for days", () => {
    expect(retryAfterOf("864000", now)).toBe(LONGEST_RETRY_AFTER_MS);
    expect(retryAfterOf("Fri, 01 Jan 2027 00:00:00 GMT", now)).toBe(LONGEST_RETRY_AFTER_MS);
  });
});
