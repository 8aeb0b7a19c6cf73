// Retry delays of the sync engine: exponential ceiling, full jitter, a cap.
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

  it("the delay follows random() across the whole range under each attempt's ceiling", () => {
    for (const [attempt, ceiling] of [
      [0, 2000],
      [3, 16_000],
      [9, 300_000],
    ] as const) {
      const delays = [0, 0.1, 0.37, 0.5, 0.83, 0.999999].map((r) => backoffDelay(attempt, { random: () => r }));
      expect(delays).toEqual([0, 0.1, 0.37, 0.5, 0.83, 0.999999].map((r) => Math.round(r * ceiling)));
      expect(new Set(delays).size).toBe(delays.length);
      expect(Math.min(...delays)).toBe(0);
      expect(Math.max(...delays)).toBeLessThanOrEqual(ceiling);
    }
  });

  it("never exceeds the cap, even after very many attempts", () => {
    expect(backoffDelay(50, { random: () => 1 })).toBe(5 * 60_000);
    expect(backoffDelay(1000, { baseMs: 2000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});
