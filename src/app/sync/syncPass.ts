// One pass of sending, made the same way by the open app and by the service worker: under the send lock, take back
// replies a vanished sender left "sending", run the exchange, and leave the status record the screens read.
import { recoverInterruptedSends } from "../store/outbox";
import { readSyncStatus, writeSyncStatus } from "../store/syncStatus";
import { nextSyncStatus } from "./nextSyncStatus";
import type { Platform } from "./platform";
import { withSendLock } from "./sendLock";
import type { RunOutcome, SyncRun } from "./syncRun";

/** Given a pass's outcome, schedules the next try and says in how many ms (undefined: none is set by us). */
export type RetryPlanner = (outcome: RunOutcome) => number | undefined;

export interface SyncPass {
  run(planRetry: RetryPlanner): Promise<RunOutcome>;
}

export function createSyncPass(platform: Pick<Platform, "db" | "locks">, work: SyncRun): SyncPass {
  const database = platform.db;
  let recoveredOnce = false;
  return {
    run: (planRetry) =>
      withSendLock(platform.locks, async (exclusive) => {
        // Holding the lock, a reply still "sending" belongs to a sender that is gone (a closed page, a stopped
        // worker): it goes back to waiting before every pass. Without Web Locks another tab may be mid-send, so this
        // happens once, at start, as it always did; the server's idempotency by reply id makes any resend safe.
        if (exclusive || !recoveredOnce) {
          await recoverInterruptedSends(database);
          recoveredOnce = true;
        }
        const before = await readSyncStatus(database);
        await writeSyncStatus({ ...before, syncing: true }, database);
        const outcome = await work.run();
        const retryInMs = planRetry(outcome);
        await writeSyncStatus(nextSyncStatus(before, outcome, outcome.at, retryInMs), database);
        return outcome;
      }),
  };
}
