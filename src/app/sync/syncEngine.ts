// Sends the outbox whenever our server can be reached, and keeps a status record for the UI.
// Put together from: syncLoop (when to run), syncRun (what a run does), syncTriggers (what asks for a run)
// and nextSyncStatus (the record a run leaves).
import { readSyncStatus, writeSyncStatus } from "../store/syncStatus";
import { createApiClient } from "./apiClient";
import { registerBackgroundSync } from "./backgroundSync";
import { nextSyncStatus } from "./nextSyncStatus";
import { resolvePlatform, type Platform } from "./platform";
import { createSyncLoop } from "./syncLoop";
import { countWaiting, createSyncRun } from "./syncRun";
import { startSyncTriggers } from "./syncTriggers";

export type SyncEngineDeps = Partial<Platform> & {
  requestTimeoutMs?: number;
  /** Send as soon as a reply is submitted, by watching the outbox in Dexie (default true). */
  watchOutbox?: boolean;
  /** Asks the browser to wake us when a connection returns; defaults to Background Sync where available. */
  requestBackgroundSync?: () => Promise<unknown>;
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
  const work = createSyncRun(
    platform,
    createApiClient({ ...platform, timeoutMs: deps.requestTimeoutMs }),
    deps.requestTimeoutMs,
  );
  const loop = createSyncLoop({
    clock: platform.clock,
    random: platform.random,
    countWaiting: () => countWaiting(database),
    onRetryScheduled: () => void requestBackgroundSync().catch(() => undefined),
    run: async (scheduleRetry) => {
      await work.recoverInterruptedOnce();
      const before = await readSyncStatus(database);
      await writeSyncStatus({ ...before, syncing: true }, database);
      const outcome = await work.run();
      const retryInMs = scheduleRetry(outcome);
      await writeSyncStatus(nextSyncStatus(before, outcome, outcome.at, retryInMs), database);
      return outcome;
    },
  });
  const stopTriggers: Array<() => void> = [];

  return {
    start() {
      loop.resume();
      stopTriggers.push(startSyncTriggers(loop.syncNow, { db: database, watchOutbox: deps.watchOutbox ?? true }));
    },
    stop() {
      loop.halt();
      for (const stopListening of stopTriggers.splice(0)) stopListening();
    },
    syncNow: loop.syncNow,
  };
}
