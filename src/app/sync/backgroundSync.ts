// Asks the browser to wake the service worker for us: Background Sync when a connection returns (the worker then
// sends the outbox itself, see src/app/sw/backgroundEvents.ts), and Periodic Background Sync, where the browser
// granted it, to refresh the stored questionnaires, materials lists and feedback while the app is closed.
export const BACKGROUND_SYNC_TAG = "outbox";
export const PERIODIC_REFRESH_TAG = "outrigger-refresh";
/** The least time between periodic refreshes we ask for; the browser may wait longer (site engagement, battery). */
export const PERIODIC_REFRESH_MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

interface PeriodicSyncManagerLike {
  register(tag: string, options: { minInterval: number }): Promise<void>;
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

/** The browser parts periodic registration needs; the real ones by default, fakes in tests. */
export interface PeriodicRefreshBrowser {
  /** The service worker registration, once one is active; undefined where there is no service worker. */
  registration(): Promise<{ periodicSync?: PeriodicSyncManagerLike } | undefined>;
  /** The permission's state ("granted", "prompt", "denied"); undefined where it cannot be asked. */
  permission(): Promise<string | undefined>;
}

const thisBrowser: PeriodicRefreshBrowser = {
  registration: async () =>
    typeof navigator !== "undefined" && "serviceWorker" in navigator
      ? ((await navigator.serviceWorker.ready) as { periodicSync?: PeriodicSyncManagerLike })
      : undefined,
  permission: async () => {
    if (typeof navigator === "undefined" || !navigator.permissions) return undefined;
    try {
      return (await navigator.permissions.query({ name: "periodic-background-sync" as PermissionName })).state;
    } catch {
      return undefined; // A browser that does not know the permission's name.
    }
  },
};

/**
 * Registers the periodic refresh only where the browser already granted it (Chrome grants it to an installed app
 * it sees used); we never prompt for it. True when registered.
 */
export async function registerPeriodicRefresh(browser: PeriodicRefreshBrowser = thisBrowser): Promise<boolean> {
  if ((await browser.permission()) !== "granted") return false;
  const periodicSync = (await browser.registration())?.periodicSync;
  if (!periodicSync) return false;
  try {
    await periodicSync.register(PERIODIC_REFRESH_TAG, { minInterval: PERIODIC_REFRESH_MIN_INTERVAL_MS });
    return true;
  } catch {
    return false;
  }
}
