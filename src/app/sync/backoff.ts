// Retry delays: exponential with full jitter, so phones that lost the same link do not all come back at once.
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

/** A delay in [0, min(maxMs, baseMs·2^attempt)]; attempt 0 is the first retry. */
export function backoffDelay(
  attempt: number,
  { baseMs = 2000, maxMs = 5 * 60_000, random = Math.random }: BackoffOptions = {},
): number {
  const exponent = Math.max(0, Math.min(Math.floor(attempt), 30));
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  return Math.round(Math.min(1, Math.max(0, random())) * ceiling);
}
