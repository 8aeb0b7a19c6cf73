// What the service worker does while no page may be open. On Background Sync it sends the outbox itself, through the
// same locked pass the page makes (sync/syncPass.ts); on Periodic Background Sync it also refreshes the stored copies
// (sync/storedCopiesRefresh.ts). A worker without Web Locks cannot promise not to race an open page, so there it only
// wakes open windows to send, as before. Written against the few parts of the worker it uses, so tests can fake them.
import { createApiClient } from "../sync/apiClient";
import { BACKGROUND_SYNC_TAG, PERIODIC_REFRESH_TAG } from "../sync/backgroundSync";
import { resolvePlatform, type Platform } from "../sync/platform";
import { refreshStoredCopies } from "../sync/storedCopiesRefresh";
import { createSyncPass } from "../sync/syncPass";
import { createSyncRun, type RunOutcome } from "../sync/syncRun";

/** A `sync` or `periodicsync` event, as much of it as we read. */
export interface WakeUpEvent extends Event {
  readonly tag: string;
  waitUntil(work: Promise<unknown>): void;
}

/** The parts of ServiceWorkerGlobalScope used here. */
export interface WorkerScope {
  addEventListener(type: string, listener: (event: Event) => void): void;
  clients: { matchAll(options: { type: "window" }): Promise<ReadonlyArray<{ postMessage(message: unknown): void }>> };
}

export function listenForBackgroundEvents(scope: WorkerScope, platform: Platform = resolvePlatform()): void {
  scope.addEventListener("sync", (event) => {
    const wakeUp = event as WakeUpEvent;
    if (wakeUp.tag !== BACKGROUND_SYNC_TAG) return;
    wakeUp.waitUntil(platform.locks ? sendOutboxFromWorker(platform) : wakeOpenWindows(scope));
  });
  scope.addEventListener("periodicsync", (event) => {
    const wakeUp = event as WakeUpEvent;
    if (wakeUp.tag !== PERIODIC_REFRESH_TAG) return;
    wakeUp.waitUntil(refreshFromWorker(scope, platform));
  });
}

/**
 * One pass, as the page makes it. Rejects while replies still wait for a connection: the browser then keeps the sync
 * registered and fires it again later with its own backoff (its last chance ends that; the page registers anew).
 */
export async function sendOutboxFromWorker(platform: Platform): Promise<RunOutcome> {
  const run = createSyncRun(platform, createApiClient(platform));
  // No retry timer of ours: a worker may be stopped at any moment; the browser's retry replaces it.
  const outcome = await createSyncPass(platform, run).run(() => undefined);
  if (outcome.retry && outcome.waiting > 0)
    throw new Error(`${outcome.waiting} replies still wait: ${outcome.problem ?? "the server was not reached"}`);
  return outcome;
}

/** The old behaviour, for a worker without Web Locks: open windows send through their own engine. */
async function wakeOpenWindows(scope: WorkerScope): Promise<void> {
  for (const client of await scope.clients.matchAll({ type: "window" })) client.postMessage({ type: "sync-requested" });
}

/** Whatever waits goes first (a refresh is worth less than a reply), then the stored copies, materials lists too. */
async function refreshFromWorker(scope: WorkerScope, platform: Platform): Promise<void> {
  await (platform.locks ? sendOutboxFromWorker(platform) : wakeOpenWindows(scope)).catch(() => undefined);
  await refreshStoredCopies(platform, { materialsLists: true });
}
