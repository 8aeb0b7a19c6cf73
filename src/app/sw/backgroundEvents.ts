// What the service worker does while no page may be open. On Background Sync it sends the outbox itself, through the
// same locked pass the page makes (sync/syncPass.ts); on Periodic Background Sync it also refreshes the stored copies
// (sync/storedCopiesRefresh.ts). A worker without Web Locks cannot promise not to race an open page, so there it only
// wakes open windows to send, as before. Only the listeners are here: the work (sw/wakeUpWork.ts: Dexie, zod/mini and
// the sync engine, most of the worker's code) is evaluated at the first wake-up, not at every start of the worker,
// which must answer an offline start from its cache first. Written against the few parts of the worker it uses, so
// tests can fake them.
import { BACKGROUND_SYNC_TAG, PERIODIC_REFRESH_TAG } from "../sync/backgroundSync";
import type { Platform } from "../sync/platform";

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

/** Listens from the worker's first evaluation (browsers require it); `platform` defaults to the browser's own. */
export function listenForBackgroundEvents(scope: WorkerScope, platform?: Platform): void {
  scope.addEventListener("sync", (event) => {
    const wakeUp = event as WakeUpEvent;
    if (wakeUp.tag !== BACKGROUND_SYNC_TAG) return;
    wakeUp.waitUntil(loadWakeUpWork().then((work) => work.sendOrWakeWindows(scope, platform)));
  });
  scope.addEventListener("periodicsync", (event) => {
    const wakeUp = event as WakeUpEvent;
    if (wakeUp.tag !== PERIODIC_REFRESH_TAG) return;
    wakeUp.waitUntil(loadWakeUpWork().then((work) => work.refreshFromWorker(scope, platform)));
  });
}

// Workers may not import() at run time: the service worker's build (vite-plugin-pwa, one file) inlines this module
// behind an initialiser that runs on this call, so sw.js stays one script and its top level stays small.
const loadWakeUpWork = () => import("./wakeUpWork");
