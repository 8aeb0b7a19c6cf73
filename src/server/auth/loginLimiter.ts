// Sign-in limits after OWASP's authentication and credential-stuffing guidance: failures are counted per
// e-mail AND source (a stranger elsewhere cannot lock the owner out), per source across e-mails, and per
// e-mail across sources, where a larger cap slows the account down instead of locking it. Rules: src/shared/accessLimits.ts.
import {
  SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE,
  SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN,
  SIGN_IN_FAILURES_PER_SOURCE,
  SIGN_IN_SLOWDOWN_INTERVAL_MS,
  SIGN_IN_WINDOW_MS,
} from "../../shared/accessLimits";
import { createAttemptWindows, secondsUntilBelowLimit, type Reservation } from "./attemptWindows";

export interface LoginLimiter {
  /**
   * Counts this attempt before the password is checked, or refuses it (with the seconds to wait) without counting.
   * Call `succeeded()` on a right password: the attempt is taken back and that e-mail's failures from that source are forgotten.
   */
  reserve(email: string, source: string, now: Date): Reservation;
}

export function createLoginLimiter(): LoginLimiter {
  const windows = createAttemptWindows(SIGN_IN_WINDOW_MS);
  const waitFor = (key: string, limit: number, now: number) =>
    secondsUntilBelowLimit(windows.recent(key, now), limit, SIGN_IN_WINDOW_MS, now);
  /** Below the account's cap: no wait; above it: one attempt per slowdown interval, whoever makes it. */
  const accountSlowdown = (key: string, now: number): number => {
    const attempts = windows.recent(key, now);
    if (attempts.length < SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN) return 0;
    const next = attempts[attempts.length - 1] + SIGN_IN_SLOWDOWN_INTERVAL_MS;
    return next <= now ? 0 : Math.max(1, Math.ceil((next - now) / 1000));
  };
  return {
    reserve(email, source, now) {
      const at = now.getTime();
      const pair = `pair:${email}\n${source}`;
      const bySource = `source:${source}`;
      const byAccount = `account:${email}`;
      const wait = Math.max(
        waitFor(pair, SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE, at),
        waitFor(bySource, SIGN_IN_FAILURES_PER_SOURCE, at),
        accountSlowdown(byAccount, at),
      );
      if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
      for (const key of [pair, bySource, byAccount]) windows.add(key, at);
      return {
        allowed: true,
        succeeded() {
          windows.clear(pair);
          windows.remove(bySource, at);
          windows.remove(byAccount, at);
        },
      };
    },
  };
}
