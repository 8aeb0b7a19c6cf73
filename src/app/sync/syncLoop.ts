// When to sync, apart from what a sync does (after Replicache's connection loop): one run at a time,
// a run again when asked during one, and a backed-off retry while replies wait and the last run failed.
//
//            syncNow                          run ends: no retry wanted, or nothing waits
//   idle ─────────────▶ running ─────────────────────────────────────────────────────▶ idle (attempts reset
//    ▲                  │   ▲  syncNow meanwhile: the same promise back, "rerun" noted      when no retry wanted)
//    │                  │   └─ run ends with rerun noted, no retry wanted, replies waiting: run again at once
//    │                  └─ run ends wanting a retry while replies wait (and not halted):
//    │                        timer set for backoffDelay(attempt++) ──▶ backing off
//    └── halt() clears the timer                 backing off ── timer fires, or any syncNow (clears it) ──▶ running
import { backoffDelay } from "./backoff";
import type { Clock } from "./platform";

/** What the loop needs to know about a run that has ended. */
export interface LoopVerdict {
  retry: boolean;
  /** Replies still waiting to be sent. */
  waiting: number;
  /** The server asked for at least this long before the next try; the backoff never retries sooner. */
  retryAfterMs?: number;
}

/** Schedules the retry a run's outcome calls for; gives its delay in ms, or undefined when none was set. */
export type ScheduleRetry = (verdict: LoopVerdict) => number | undefined;

export interface SyncLoopOptions {
  clock: Clock;
  random: () => number;
  /** One run. It calls `scheduleRetry` once with its outcome, so the status it records can say when the next attempt is. */
  run(scheduleRetry: ScheduleRetry): Promise<LoopVerdict>;
  /** Read after a run to decide whether a rerun asked for mid-run could achieve anything. */
  countWaiting(): Promise<number>;
  /** Each time a retry timer is set (the engine also asks the browser for Background Sync). */
  onRetryScheduled(): void;
}

export interface SyncLoop {
  /** Runs now, or, during a run, notes a rerun and returns that run's promise. `reason` is for logging and debugging. */
  syncNow(reason: string): Promise<void>;
  /** Retries may be scheduled again (after `halt`). */
  resume(): void;
  /** No more retries: the pending timer is cleared and none is set. */
  halt(): void;
}

export function createSyncLoop(options: SyncLoopOptions): SyncLoop {
  const { clock, random } = options;
  let halted = false;
  let inFlight: Promise<void> | undefined;
  let rerunRequested = false;
  let attempt = 0;
  let retryTimer: unknown;

  const cancelRetry = () => {
    if (retryTimer !== undefined) clock.clearTimer(retryTimer);
    retryTimer = undefined;
  };

  const scheduleRetry: ScheduleRetry = (verdict) => {
    if (verdict.retry && verdict.waiting > 0) {
      if (halted) return undefined;
      const delay = Math.max(backoffDelay(attempt, { random }), verdict.retryAfterMs ?? 0);
      attempt += 1;
      retryTimer = clock.setTimer(() => {
        retryTimer = undefined;
        void syncNow("retry");
      }, delay);
      options.onRetryScheduled();
      return delay;
    }
    if (!verdict.retry) attempt = 0;
    return undefined;
  };

  function syncNow(reason: string): Promise<void> {
    void reason; // kept for logging and debugging at call sites
    if (inFlight) {
      rerunRequested = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        for (;;) {
          rerunRequested = false;
          cancelRetry();
          const verdict = await options.run(scheduleRetry);
          // A request that came in mid-run is honoured only if it could achieve something now.
          if (!rerunRequested || verdict.retry || halted) break;
          // Replies of others handed to this phone count too: one added mid-run must not wait for a later trigger.
          if ((await options.countWaiting()) === 0) break;
        }
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  return {
    syncNow,
    resume: () => {
      halted = false;
    },
    halt: () => {
      halted = true;
      cancelRetry();
    },
  };
}
