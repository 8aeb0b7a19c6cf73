// Sliding-window attempt counts kept in memory, and the reservation shape the sign-in and invitation limiters share.
// One Node process serves everything, so memory is enough; a restart forgets the counts (documented in the README).
// A shared store (e.g. for several processes) would implement the limiters' `reserve` atomically in its own way.

/**
 * The answer to "may this attempt go ahead?". An allowed attempt is already counted as a failure (so parallel
 * attempts cannot all slip under a limit while the first ones are still being checked); `succeeded()` takes it back.
 */
export type Reservation = { allowed: true; succeeded(): void } | { allowed: false; retryAfterSeconds: number };

/** Past this many tracked keys, expired ones are swept, so guessing many e-mails or codes cannot grow memory without end. */
const SWEEP_ABOVE_KEYS = 10_000;

export interface AttemptWindows {
  /** Attempt times (ms) of `key` still inside the window at `now`, oldest first. */
  recent(key: string, now: number): readonly number[];
  add(key: string, at: number): void;
  /** Takes back one attempt counted at `at`. */
  remove(key: string, at: number): void;
  clear(key: string): void;
}

export function createAttemptWindows(windowMs: number): AttemptWindows {
  const times = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (times.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length === 0) times.delete(key);
    else times.set(key, kept);
    return kept;
  };
  return {
    recent,
    add(key, at) {
      if (times.size > SWEEP_ABOVE_KEYS) for (const k of [...times.keys()]) recent(k, at);
      times.set(key, [...recent(key, at), at]);
    },
    remove(key, at) {
      const list = times.get(key);
      const index = list?.lastIndexOf(at) ?? -1;
      if (list && index >= 0) list.splice(index, 1);
      if (list?.length === 0) times.delete(key);
    },
    clear(key) {
      times.delete(key);
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
