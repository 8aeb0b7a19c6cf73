// Invitation codes are credentials that people type, so guessing them is limited: look-ups of codes that name no
// invitation are counted per source (client address) over a sliding window. Rules: src/shared/accessLimits.ts.
import { INVITATION_LOOKUP_FAILURES_PER_SOURCE, INVITATION_LOOKUP_WINDOW_MS } from "../../shared/accessLimits";
import { createAttemptWindows, secondsUntilBelowLimit, type Reservation } from "./attemptWindows";

export interface InvitationLookupLimiter {
  /** Counts a look-up before the database is asked, or refuses it without counting; `succeeded()` when the code was found. */
  reserve(source: string, now: Date): Reservation;
}

export function createInvitationLookupLimiter(): InvitationLookupLimiter {
  const windows = createAttemptWindows(INVITATION_LOOKUP_WINDOW_MS);
  return {
    reserve(source, now) {
      const at = now.getTime();
      const key = `source:${source}`;
      const wait = secondsUntilBelowLimit(
        windows.recent(key, at),
        INVITATION_LOOKUP_FAILURES_PER_SOURCE,
        INVITATION_LOOKUP_WINDOW_MS,
        at,
      );
      if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
      windows.add(key, at);
      return { allowed: true, succeeded: () => windows.remove(key, at) };
    },
  };
}
