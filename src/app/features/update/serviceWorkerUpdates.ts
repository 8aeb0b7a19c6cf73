// Registers the service worker and tells the UI when a new version is waiting. Reloads only on consent.
import type { Workbox } from "workbox-window";
import { createSignal } from "solid-js";
import { flushPendingWrites } from "../../store/pendingWrites";

const [updateReady, setUpdateReady] = createSignal(false);
const [offlineReady, setOfflineReady] = createSignal(false);
let workbox: Workbox | undefined;

export { updateReady, offlineReady };

/** Called after the first screen (backgroundWork.ts); workbox-window is fetched only then. */
export async function registerServiceWorker(): Promise<void> {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return;
  const { Workbox } = await import("workbox-window");
  workbox = new Workbox("/sw.js", { scope: "/" });
  workbox.addEventListener("waiting", () => setUpdateReady(true));
  workbox.addEventListener("activated", (event) => {
    if (!event.isUpdate) setOfflineReady(true);
  });
  void workbox.register().then(async (registration) => {
    if (registration?.active) setOfflineReady(true);
    // Look for a new version whenever the app comes back to the foreground.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") void registration?.update().catch(() => undefined);
    });
  });
}

/** The participant agreed: save every draft, let the new version take over, then reload. */
export async function applyUpdate(): Promise<void> {
  await flushPendingWrites();
  if (!workbox) return window.location.reload();
  workbox.addEventListener("controlling", () => window.location.reload());
  workbox.messageSkipWaiting();
}

export function dismissUpdate(): void {
  setUpdateReady(false);
}
