// What starts a sync by itself: the connection coming back, the app shown again, the service worker's
// Background Sync wake-up, and a newly submitted reply in the outbox. Each only calls `syncNow`.
import { liveQuery } from "dexie";
import type { OutriggerDb } from "../store/db";

export interface TriggerOptions {
  db: OutriggerDb;
  /** Send as soon as a reply is submitted, by watching the outbox in Dexie. */
  watchOutbox: boolean;
}

/** Listens, syncs once at the start, and returns what stops the listening. */
export function startSyncTriggers(syncNow: (reason: string) => unknown, options: TriggerOptions): () => void {
  const cleanups: Array<() => void> = [];
  const onOnline = () => void syncNow("online");
  const onVisibility = () => {
    if (document.visibilityState === "visible") void syncNow("visible");
  };
  const onMessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data === "object" && data !== null && (data as { type?: unknown }).type === "sync-requested")
      void syncNow("service-worker");
  };
  if (typeof window !== "undefined" && typeof window.addEventListener === "function") {
    window.addEventListener("online", onOnline);
    cleanups.push(() => window.removeEventListener("online", onOnline));
  }
  if (typeof document !== "undefined") {
    document.addEventListener("visibilitychange", onVisibility);
    cleanups.push(() => document.removeEventListener("visibilitychange", onVisibility));
  }
  if (typeof navigator !== "undefined" && "serviceWorker" in navigator && navigator.serviceWorker) {
    const container = navigator.serviceWorker;
    container.addEventListener("message", onMessage);
    cleanups.push(() => container.removeEventListener("message", onMessage));
  }
  void syncNow("start");
  if (options.watchOutbox) {
    // A newly submitted reply has never been tried; sending it at once needs no call from the UI.
    const outboxWatch = liveQuery(() =>
      options.db.outbox
        .where("state")
        .equals("waiting")
        .filter((entry) => entry.attempts === 0)
        .count(),
    ).subscribe({
      next: (fresh) => {
        if (fresh > 0) void syncNow("queued");
      },
      error: () => undefined,
    });
    cleanups.push(() => outboxWatch.unsubscribe());
  }
  return () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
}
