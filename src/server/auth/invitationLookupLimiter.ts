// Invitation codes are credentials that people type, so guessing them is limited: look-ups of codes that name no
// invitation are counted per source (client address) over a sliding window. Rules: src/shared/accessLimits.ts.
import { INVITATION_LOOKUP_FAILURES_PER_SOURCE, INVITATION_LOOKUP_WINDOW_MS } from "../../shared/accessLimits";
import {
  createMemoryAttemptLedger,
  secondsUntilBelowLimit,
  type AttemptLedger,
  type Reservation,
} from "./attemptWindows";

export interface InvitationLookupLimiter {
  /** Counts a look-up before the database is asked, or refuses it without counting; `succeeded()` when the code was found. */
  reserve(source: string, now: Date): Promise<Reservation>;
}

export function createInvitationLookupLimiter(
  ledger: AttemptLedger = createMemoryAttemptLedger(INVITATION_LOOKUP_WINDOW_MS),
): InvitationLookupLimiter {
  return {
    async reserve(source, now) {
      const at = now.getTime();
      const key = `lookup-source:${source}`;
      const reserved = await ledger.reserve([key], at, (recent) =>
        secondsUntilBelowLimit(recent(key), INVITATION_LOOKUP_FAILURES_PER_SOURCE, INVITATION_LOOKUP_WINDOW_MS, at),
      );
      if (!reserved.allowed) return reserved;
      return { allowed: true, succeeded: () => reserved.takeBack([key]) };
    },
  };
}
