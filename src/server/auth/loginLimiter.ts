// Failed sign-ins are counted in memory, per e-mail and per client address, over a sliding window.
// One Node process serves the console, so memory is enough; a restart forgets the counts (documented).
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Past this many tracked keys, expired ones are swept so guessing many e-mails cannot grow memory without end. */
const SWEEP_ABOVE_KEYS = 10_000;

export interface LoginLimiter {
  /** Seconds to wait before another attempt is allowed, or 0 when one may go ahead now. */
  retryAfterSeconds(email: string, address: string, now: Date): number;
  recordFailure(email: string, address: string, now: Date): void;
  /** A successful sign-in clears that e-mail's failures (not the address's). */
  recordSuccess(email: string): void;
}

export function createLoginLimiter(): LoginLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < LOGIN_WINDOW_MS);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const wait = (key: string, limit: number, now: number): number => {
    const times = recent(key, now);
    if (times.length < limit) return 0;
    // Allowed again once enough of the failures have left the window.
    const freeing = times[times.length - limit];
    return Math.max(1, Math.ceil((freeing + LOGIN_WINDOW_MS - now) / 1000));
  };
  return {
    retryAfterSeconds(email, address, now) {
      const t = now.getTime();
      return Math.max(wait(`email:${email}`, MAX_FAILURES_PER_EMAIL, t), wait(`addr:${address}`, MAX_FAILURES_PER_ADDRESS, t));
    },
    recordFailure(email, address, now) {
      const t = now.getTime();
      if (failures.size > SWEEP_ABOVE_KEYS) for (const key of [...failures.keys()]) recent(key, t);
      for (const key of [`email:${email}`, `addr:${address}`]) failures.set(key, [...recent(key, t), t]);
    },
    recordSuccess(email) {
      failures.delete(`email:${email}`);
    },
  };
}
