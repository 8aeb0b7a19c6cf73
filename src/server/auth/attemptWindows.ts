// Sliding-window attempt counts, and the reservation shape the sign-in and invitation limiters share. The counts live in
// an AttemptLedger: in memory for one process (SQLite), or in the database where several processes share one
// PostgreSQL (db/accessAttempts.ts), so a limit counts every attempt whichever process received it.

/**
 * The answer to "may this attempt go ahead?". An allowed attempt is already counted as a failure (so parallel
 * attempts cannot all slip under a limit while the first ones are still being checked); `succeeded()` takes it back.
 */
export type Reservation = { allowed: true; succeeded(): Promise<void> } | { allowed: false; retryAfterSeconds: number };

/** Recent attempt times (ms, oldest first) of one key, as a ledger shows them to a limiter deciding. */
export type RecentAttempts = (key: string) => readonly number[];

/** What a ledger answers: refused with a wait, or counted under every key, with the ways to take it back. */
export type LedgerReservation =
  | {
      allowed: true;
      /** Takes back this attempt under `keys` (the other attempts stay counted). */
      takeBack(keys: readonly string[]): Promise<void>;
      /** Forgets every attempt counted under `key`. */
      forget(key: string): Promise<void>;
    }
  | { allowed: false; retryAfterSeconds: number };

export interface AttemptLedger {
  /**
   * As one step that no other reservation interleaves with: reads the attempts of `keys` still inside the window at
   * `now`, asks `waitSeconds`, and when it answers 0 counts one attempt at `now` under every key.
   */
  reserve(
    keys: readonly string[],
    now: number,
    waitSeconds: (recent: RecentAttempts) => number,
  ): Promise<LedgerReservation>;
  /**
   * Reads the attempts of `keys` still inside the window at `now` and answers what `waitSeconds` says of them, counting
   * nothing: for a request that can never fail (a code known to exist), which must not queue behind reservations.
   */
  peek(keys: readonly string[], now: number, waitSeconds: (recent: RecentAttempts) => number): Promise<number>;
}

/** Past this many tracked keys, expired ones are swept, so guessing many e-mails or codes cannot grow memory without end. */
export const SWEEP_ABOVE_KEYS = 10_000;

/** The ledger of one process: a restart forgets the counts. Reservations are atomic because nothing in them awaits. */
export function createMemoryAttemptLedger(windowMs: number): AttemptLedger & {
  /** How many keys are held in memory (for the tests of the sweep). */
  trackedKeys(): number;
} {
  const times = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (times.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length === 0) times.delete(key);
    else times.set(key, kept);
    return kept;
  };
  return {
    trackedKeys: () => times.size,
    peek: (_keys, now, waitSeconds) => Promise.resolve(waitSeconds((key) => recent(key, now))),
    reserve(keys, now, waitSeconds) {
      const wait = waitSeconds((key) => recent(key, now));
      if (wait > 0) return Promise.resolve({ allowed: false, retryAfterSeconds: wait });
      if (times.size > SWEEP_ABOVE_KEYS) for (const k of [...times.keys()]) recent(k, now);
      for (const key of keys) times.set(key, [...recent(key, now), now]);
      return Promise.resolve({
        allowed: true,
        takeBack(taken) {
          for (const key of taken) {
            const list = times.get(key);
            const index = list?.lastIndexOf(now) ?? -1;
            if (list && index >= 0) list.splice(index, 1);
            if (list?.length === 0) times.delete(key);
          }
          return Promise.resolve();
        },
        forget(key) {
          times.delete(key);
          return Promise.resolve();
        },
      });
    },
  };
}

/** Whole seconds (at least 1) until `limit` attempts within the window become fewer, or 0 when below the limit now. */
export function secondsUntilBelowLimit(
  attempts: readonly number[],
  limit: number,
  windowMs: number,
  now: number,
): number {
  if (attempts.length < limit) return 0;
  const freeing = attempts[attempts.length - limit];
  return Math.max(1, Math.ceil((freeing + windowMs - now) / 1000));
}
