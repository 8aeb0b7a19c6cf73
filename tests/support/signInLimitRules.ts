// The sign-in limiter's rules on a fake clock — per e-mail and source, per source, and the per-account slowdown —
// written once and run against each attempt ledger: in memory (unit) and in the database on both engines (integration).
import { describe, expect, it } from "vitest";
import {
  SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE,
  SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN,
  SIGN_IN_FAILURES_PER_SOURCE,
  SIGN_IN_SLOWDOWN_INTERVAL_MS,
  SIGN_IN_WINDOW_MS,
} from "../../src/shared/accessLimits";
import type { LoginLimiter } from "../../src/server/auth/loginLimiter";

const start = new Date("2024-03-01T09:00:00.000Z");
const later = (ms: number) => new Date(start.getTime() + ms);

export function describeSignInLimitRules(name: string, makeLimiter: () => Promise<LoginLimiter> | LoginLimiter): void {
  describe(`sign-in limiter (${name})`, () => {
    const allowed = async (limiter: LoginLimiter, email: string, source: string, at: Date) =>
      (await limiter.reserve(email, source, at)).allowed;

    it("counts an attempt when it is reserved, so the sixth of six simultaneous attempts is refused before any is checked", async () => {
      const limiter = await makeLimiter();
      const answers = await Promise.all(
        Array.from({ length: SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE + 1 }, () =>
          limiter.reserve("org@example.org", "10.0.0.1", start),
        ),
      );
      expect(answers.filter((a) => a.allowed)).toHaveLength(SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE);
      expect(answers.filter((a) => !a.allowed)).toEqual([
        { allowed: false, retryAfterSeconds: SIGN_IN_WINDOW_MS / 1000 },
      ]);
    });

    it("a success takes its attempt back and forgets that source's failures for the e-mail", async () => {
      const limiter = await makeLimiter();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE - 1; i++)
        await limiter.reserve("org@example.org", "10.0.0.1", start);
      const right = await limiter.reserve("org@example.org", "10.0.0.1", start);
      expect(right.allowed).toBe(true);
      if (right.allowed) await right.succeeded();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE; i++)
        expect(await allowed(limiter, "org@example.org", "10.0.0.1", start)).toBe(true);
    });

    it("one source's failures for an e-mail do not hold back the same e-mail from another source", async () => {
      const limiter = await makeLimiter();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE; i++)
        await limiter.reserve("org@example.org", "203.0.113.5", start);
      expect(await allowed(limiter, "org@example.org", "203.0.113.5", start)).toBe(false);
      expect(await allowed(limiter, "org@example.org", "10.0.0.1", start)).toBe(true);
    });

    it("one source guessing across many e-mails is stopped at the per-source cap", async () => {
      const limiter = await makeLimiter();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_SOURCE; i++)
        expect(await allowed(limiter, `guess${i}@example.org`, "10.2.0.7", start)).toBe(true);
      expect(await allowed(limiter, "someone@example.org", "10.2.0.7", start)).toBe(false);
      expect(await allowed(limiter, "someone@example.org", "10.2.0.8", start)).toBe(true);
    });

    it("past the per-account cap from many sources, the account takes one attempt per interval: slowed, not locked", async () => {
      const limiter = await makeLimiter();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN; i++)
        expect(await allowed(limiter, "popular@example.org", `198.51.100.${i}`, later(i))).toBe(true);
      const last = SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN - 1;
      expect(await limiter.reserve("popular@example.org", "10.4.0.1", later(last))).toEqual({
        allowed: false,
        retryAfterSeconds: SIGN_IN_SLOWDOWN_INTERVAL_MS / 1000,
      });
      expect(
        await allowed(limiter, "popular@example.org", "10.4.0.1", later(last + SIGN_IN_SLOWDOWN_INTERVAL_MS)),
      ).toBe(true);
      // The slot is taken until the next interval, whoever asks.
      expect(
        await allowed(limiter, "popular@example.org", "198.51.100.200", later(last + SIGN_IN_SLOWDOWN_INTERVAL_MS + 1)),
      ).toBe(false);
      // Once the failures leave the window, the account is back to normal.
      expect(
        await allowed(
          limiter,
          "popular@example.org",
          "198.51.100.201",
          later(SIGN_IN_WINDOW_MS + last + SIGN_IN_SLOWDOWN_INTERVAL_MS),
        ),
      ).toBe(true);
    });

    it("a right password from a busy source takes its attempt back from the source's and the account's counts", async () => {
      const limiter = await makeLimiter();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_SOURCE - 1; i++)
        await limiter.reserve(`guess${i}@example.org`, "10.6.0.1", start);
      const right = await limiter.reserve("org@example.org", "10.6.0.1", start);
      if (!right.allowed) throw new Error("expected the right password's attempt to be allowed");
      await right.succeeded();
      // Only the guesses count for the source: one more is still under its cap, the one after is not.
      expect(await allowed(limiter, "other@example.org", "10.6.0.1", start)).toBe(true);
      expect(await allowed(limiter, "third@example.org", "10.6.0.1", start)).toBe(false);
    });

    it("each account's slowdown counts that account's failures only", async () => {
      const limiter = await makeLimiter();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN; i++)
        expect(await allowed(limiter, `user${i}@example.org`, `198.51.100.${i}`, later(i))).toBe(true);
      expect(
        await allowed(limiter, "quiet@example.org", "10.5.0.1", later(SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN)),
      ).toBe(true);
    });

    it("the wait ends when the oldest counted failure leaves the window", async () => {
      const limiter = await makeLimiter();
      for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE; i++)
        await limiter.reserve("org@example.org", "10.0.0.1", later(i * 60_000));
      expect(await limiter.reserve("org@example.org", "10.0.0.1", later(5 * 60_000))).toEqual({
        allowed: false,
        retryAfterSeconds: 10 * 60,
      });
      expect(await allowed(limiter, "org@example.org", "10.0.0.1", later(SIGN_IN_WINDOW_MS - 1))).toBe(false);
      expect(await allowed(limiter, "org@example.org", "10.0.0.1", later(SIGN_IN_WINDOW_MS))).toBe(true);
    });
  });
}
