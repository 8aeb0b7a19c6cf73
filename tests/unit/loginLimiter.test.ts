// The sign-in limiter's rules, on a fake clock: per e-mail and source, per source, and the per-account slowdown.
import { describe, expect, it } from "vitest";
import {
  SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE,
  SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN,
  SIGN_IN_FAILURES_PER_SOURCE,
  SIGN_IN_SLOWDOWN_INTERVAL_MS,
  SIGN_IN_WINDOW_MS,
} from "../../src/shared/accessLimits";
import { createLoginLimiter } from "../../src/server/auth/loginLimiter";

const start = new Date("2024-03-01T09:00:00.000Z");
const later = (ms: number) => new Date(start.getTime() + ms);

describe("sign-in limiter", () => {
  it("counts an attempt when it is reserved, so the sixth of six simultaneous attempts is refused before any is checked", () => {
    const limiter = createLoginLimiter();
    const answers = Array.from({ length: SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE + 1 }, () =>
      limiter.reserve("org@example.org", "10.0.0.1", start),
    );
    expect(answers.filter((a) => a.allowed)).toHaveLength(SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE);
    expect(answers.at(-1)).toEqual({ allowed: false, retryAfterSeconds: SIGN_IN_WINDOW_MS / 1000 });
  });

  it("a success takes its attempt back and forgets that source's failures for the e-mail", () => {
    const limiter = createLoginLimiter();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE - 1; i++)
      limiter.reserve("org@example.org", "10.0.0.1", start);
    const right = limiter.reserve("org@example.org", "10.0.0.1", start);
    expect(right.allowed).toBe(true);
    if (right.allowed) right.succeeded();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE; i++)
      expect(limiter.reserve("org@example.org", "10.0.0.1", start).allowed).toBe(true);
  });

  it("one source's failures for an e-mail do not hold back the same e-mail from another source", () => {
    const limiter = createLoginLimiter();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE; i++)
      limiter.reserve("org@example.org", "203.0.113.5", start);
    expect(limiter.reserve("org@example.org", "203.0.113.5", start).allowed).toBe(false);
    expect(limiter.reserve("org@example.org", "10.0.0.1", start).allowed).toBe(true);
  });

  it("one source guessing across many e-mails is stopped at the per-source cap", () => {
    const limiter = createLoginLimiter();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_SOURCE; i++)
      expect(limiter.reserve(`guess${i}@example.org`, "10.2.0.7", start).allowed).toBe(true);
    expect(limiter.reserve("someone@example.org", "10.2.0.7", start).allowed).toBe(false);
    expect(limiter.reserve("someone@example.org", "10.2.0.8", start).allowed).toBe(true);
  });

  it("past the per-account cap from many sources, the account takes one attempt per interval: slowed, not locked", () => {
    const limiter = createLoginLimiter();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN; i++)
      expect(limiter.reserve("popular@example.org", `198.51.100.${i}`, later(i)).allowed).toBe(true);
    const last = SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN - 1;
    expect(limiter.reserve("popular@example.org", "10.4.0.1", later(last))).toEqual({
      allowed: false,
      retryAfterSeconds: SIGN_IN_SLOWDOWN_INTERVAL_MS / 1000,
    });
    const owner = limiter.reserve("popular@example.org", "10.4.0.1", later(last + SIGN_IN_SLOWDOWN_INTERVAL_MS));
    expect(owner.allowed).toBe(true);
    // The slot is taken until the next interval, whoever asks.
    expect(
      limiter.reserve("popular@example.org", "198.51.100.200", later(last + SIGN_IN_SLOWDOWN_INTERVAL_MS + 1)).allowed,
    ).toBe(false);
    // Once the failures leave the window, the account is back to normal.
    expect(
      limiter.reserve(
        "popular@example.org",
        "198.51.100.201",
        later(SIGN_IN_WINDOW_MS + last + SIGN_IN_SLOWDOWN_INTERVAL_MS),
      ).allowed,
    ).toBe(true);
  });

  it("the wait ends when the oldest counted failure leaves the window", () => {
    const limiter = createLoginLimiter();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE; i++)
      limiter.reserve("org@example.org", "10.0.0.1", later(i * 60_000));
    const refused = limiter.reserve("org@example.org", "10.0.0.1", later(5 * 60_000));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 * 60 });
    expect(limiter.reserve("org@example.org", "10.0.0.1", later(SIGN_IN_WINDOW_MS - 1)).allowed).toBe(false);
    expect(limiter.reserve("org@example.org", "10.0.0.1", later(SIGN_IN_WINDOW_MS)).allowed).toBe(true);
  });
});
