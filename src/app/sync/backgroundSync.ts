// Background Sync is an extra nudge where the browser has it (Chrome on Android): the service worker only
// wakes the app with {type:"sync-requested"}; replies are always posted by the app's sync engine.
export const BACKGROUND_SYNC_TAG = "outbox";

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

export async function registerBackgroundSync(): Promise<boolean> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return false;
  if (typeof ServiceWorkerRegistration === "undefined" || !("sync" in ServiceWorkerRegistration.prototype))
    return false;
  try {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync: SyncManagerLike };
    await registration.sync.register(BACKGROUND_SYNC_TAG);
    return true;
  } catch {
    // Refused (permissions, private mode): the engine's own timer still retries.
    return false;
  }
}
