// The service worker's work on a Background Sync or Periodic Background Sync wake-up (sw/backgroundEvents.ts listens):
// send the outbox through the page's own locked pass, or wake the open windows where the worker has no Web Locks;
// refresh the stored copies. Evaluated only when such a wake-up comes: it pulls in Dexie, zod/mini and the sync engine.
import { createApiClient } from "../sync/apiClient";
import { resolvePlatform, type Platform } from "../sync/platform";
import { refreshStoredCopies } from "../sync/storedCopiesRefresh";
import { createSyncPass } from "../sync/syncPass";
import { createSyncRun, type RunOutcome } from "../sync/syncRun";
import type { WorkerScope } from "./backgroundEvents";

/** Background Sync: the worker sends where Web Locks keep it from racing an open page, else the windows do. */
export function sendOrWakeWindows(scope: WorkerScope, platform = resolvePlatform()): Promise<RunOutcome | void> {
  return platform.locks ? sendOutboxFromWorker(platform) : wakeOpenWindows(scope);
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
export async function refreshFromWorker(scope: WorkerScope, platform = resolvePlatform()): Promise<void> {
  await sendOrWakeWindows(scope, platform).catch(() => undefined);
  await refreshStoredCopies(platform, { materialsLists: true });
}
