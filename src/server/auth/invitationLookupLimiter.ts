// Invitation codes are credentials that people type, so guessing them is limited: look-ups of codes that name no
// invitation are counted per source (client address) over a sliding window. Rules: src/shared/accessLimits.ts.
import { INVITATION_LOOKUP_FAILURES_PER_SOURCE, INVITATION_LOOKUP_WINDOW_MS } from "../../shared/accessLimits";
import {
  createMemoryAttemptLedger,
  secondsUntilBelowLimit,
  type AttemptLedger,
  type RecentAttempts,
  type Reservation,
} from "./attemptWindows";

export interface InvitationLookupLimiter {
  /** Counts a look-up before the database is asked, or refuses it without counting; `succeeded()` when the code was found. */
  reserve(source: string, now: Date): Promise<Reservation>;
  /** Seconds this source must wait before its next look-up (0: none), counting nothing: for a code known to exist. */
  wait(source: string, now: Date): Promise<number>;
}

export function createInvitationLookupLimiter(
  ledger: AttemptLedger = createMemoryAttemptLedger(INVITATION_LOOKUP_WINDOW_MS),
): InvitationLookupLimiter {
  const keyOf = (source: string) => `lookup-source:${source}`;
  const waitSeconds = (key: string, at: number) => (recent: RecentAttempts) =>
    secondsUntilBelowLimit(recent(key), INVITATION_LOOKUP_FAILURES_PER_SOURCE, INVITATION_LOOKUP_WINDOW_MS, at);
  return {
    wait: (source, now) => ledger.peek([keyOf(source)], now.getTime(), waitSeconds(keyOf(source), now.getTime())),
    async reserve(source, now) {
      const at = now.getTime();
      const key = keyOf(source);
      const reserved = await ledger.reserve([key], at, waitSeconds(key, at));
      if (!reserved.allowed) return reserved;
      return { allowed: true, succeeded: () => reserved.takeBack([key]) };
    },
  };
}
