// Sends the outbox whenever our server can be reached, and keeps a status record for the UI.
// Put together from: syncLoop (when to run), syncPass (one locked pass, shared with the service worker), syncRun
// (what a run does), syncTriggers (what asks for a run) and nextSyncStatus (the record a run leaves).
import { createApiClient } from "./apiClient";
import { registerBackgroundSync, registerPeriodicRefresh } from "./backgroundSync";
import { resolvePlatform, type Platform } from "./platform";
import { refreshStoredCopies } from "./storedCopiesRefresh";
import { createSyncLoop } from "./syncLoop";
import { createSyncPass } from "./syncPass";
import { countWaiting, createSyncRun } from "./syncRun";
import { startSyncTriggers } from "./syncTriggers";

/** How often joined invitations are re-read, so a withdrawn or closed campaign shows on the phone. */
const CAMPAIGN_REFRESH_MS = 60 * 60 * 1000;

export type SyncEngineDeps = Partial<Platform> & {
  requestTimeoutMs?: number;
  /** Send as soon as a reply is submitted, by watching the outbox in Dexie (default true). */
  watchOutbox?: boolean;
  /** Asks the browser to wake the service worker when a connection returns; defaults to Background Sync where available. */
  requestBackgroundSync?: () => Promise<unknown>;
  /** Asks for the service worker's periodic refresh at start; defaults to Periodic Background Sync where granted. */
  requestPeriodicRefresh?: () => Promise<unknown>;
};

export interface SyncEngine {
  start(): void;
  stop(): void;
  syncNow(reason: string): Promise<void>;
}

export function createSyncEngine(deps: SyncEngineDeps = {}): SyncEngine {
  const platform = resolvePlatform(deps);
  const database = platform.db;
  const requestBackgroundSync = deps.requestBackgroundSync ?? registerBackgroundSync;
  const requestPeriodicRefresh = deps.requestPeriodicRefresh ?? registerPeriodicRefresh;
  let storedCopiesRefreshedAt = Number.NEGATIVE_INFINITY;
  const pass = createSyncPass(
    platform,
    createSyncRun(platform, createApiClient({ ...platform, timeoutMs: deps.requestTimeoutMs }), {
      onAttachmentsWaiting() {
        // Loaded only when there is something to upload: tus-js-client stays out of the first load.
        // Not awaited: a large file on a slow link must not hold up replies and the status line.
        void import("./attachmentUploader").then(({ uploadAttachments }) => uploadAttachments(platform));
      },
      onContact(at) {
        // Best effort and in the background: a failed refresh changes nothing on the phone.
        if (at.getTime() - storedCopiesRefreshedAt <= CAMPAIGN_REFRESH_MS) return;
        storedCopiesRefreshedAt = at.getTime();
        void refreshStoredCopies(platform, {
          requestTimeoutMs: deps.requestTimeoutMs,
          materialsLists: false,
          // An invitation joined (or re-read) within the hour is current enough: no second fetch right after joining.
          invitationsReadWithinMs: CAMPAIGN_REFRESH_MS,
        });
      },
    }),
  );
  const loop = createSyncLoop({
    clock: platform.clock,
    random: platform.random,
    countWaiting: () => countWaiting(database),
    onRetryScheduled: () => void requestBackgroundSync().catch(() => undefined),
    run: (scheduleRetry) => pass.run(scheduleRetry),
  });
  const stopTriggers: Array<() => void> = [];

  return {
    start() {
      loop.resume();
      stopTriggers.push(startSyncTriggers(loop.syncNow, { db: database, watchOutbox: deps.watchOutbox ?? true }));
      void requestPeriodicRefresh().catch(() => undefined);
    },
    stop() {
      loop.halt();
      for (const stopListening of stopTriggers.splice(0)) stopListening();
    },
    syncNow: loop.syncNow,
  };
}
