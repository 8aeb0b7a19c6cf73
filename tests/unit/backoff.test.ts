import { describe, expect, it } from "vitest";
import { backoffDelay } from "../../src/app/sync/backoff";

describe("backoff delay", () => {
  it("the first retry waits at most the base delay", () => {
    expect(backoffDelay(0, { random: () => 0.999999 })).toBeLessThanOrEqual(2000);
    expect(backoffDelay(0, { random: () => 0.999999 })).toBeGreaterThan(1900);
  });

  it("the ceiling doubles with each attempt", () => {
    const top = (attempt: number) => backoffDelay(attempt, { baseMs: 1000, maxMs: 1_000_000, random: () => 1 });
    expect([top(0), top(1), top(2), top(3)]).toEqual([1000, 2000, 4000, 8000]);
  });

  it("full jitter spreads delays between zero and the ceiling", () => {
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0.5 })).toBe(4000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(4, { baseMs: 1000 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });

  it("never exceeds the cap, even after very many attempts", () => {
    expect(backoffDelay(50, { random: () => 1 })).toBe(5 * 60_000);
    expect(backoffDelay(1000, { baseMs: 2000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});
