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
import {
  createMemoryAttemptLedger,
  secondsUntilBelowLimit,
  type AttemptLedger,
  type Reservation,
} from "./attemptWindows";

export interface LoginLimiter {
  /**
   * Counts this attempt before the password is checked, or refuses it (with the seconds to wait) without counting.
   * Call `succeeded()` on a right password: the attempt is taken back and that e-mail's failures from that source are forgotten.
   */
  reserve(email: string, source: string, now: Date): Promise<Reservation>;
}

export function createLoginLimiter(ledger: AttemptLedger = createMemoryAttemptLedger(SIGN_IN_WINDOW_MS)): LoginLimiter {
  /** Below the account's cap: no wait; above it: one attempt per slowdown interval, whoever makes it. */
  const accountSlowdown = (attempts: readonly number[], now: number): number => {
    if (attempts.length < SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN) return 0;
    const next = attempts[attempts.length - 1] + SIGN_IN_SLOWDOWN_INTERVAL_MS;
    return next <= now ? 0 : Math.max(1, Math.ceil((next - now) / 1000));
  };
  return {
    async reserve(email, source, now) {
      const at = now.getTime();
      const pair = `sign-in-pair:${email}\n${source}`;
      const bySource = `sign-in-source:${source}`;
      const byAccount = `sign-in-account:${email}`;
      const reserved = await ledger.reserve([pair, bySource, byAccount], at, (recent) =>
        Math.max(
          secondsUntilBelowLimit(recent(pair), SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE, SIGN_IN_WINDOW_MS, at),
          secondsUntilBelowLimit(recent(bySource), SIGN_IN_FAILURES_PER_SOURCE, SIGN_IN_WINDOW_MS, at),
          accountSlowdown(recent(byAccount), at),
        ),
      );
      if (!reserved.allowed) return reserved;
      return {
        allowed: true,
        async succeeded() {
          await reserved.forget(pair);
          await reserved.takeBack([bySource, byAccount]);
        },
      };
    },
  };
}
