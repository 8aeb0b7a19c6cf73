// The app shell's offline copy as the page sees it: the service worker's precache progress while it installs,
// then "ready" once a worker is active (its precache complete). Small, in the first load, started once.
import { createSignal } from "solid-js";
import { PRECACHE_PROGRESS_TYPE, type ShellProgress } from "../../../shared/offlineReadiness";
import { precacheProgressMessage } from "../../../shared/precacheProgress";

const [offlineShell, setOfflineShell] = createSignal<ShellProgress>({ state: "starting" });
let watching = false;

export { offlineShell };

/** Idempotent: the first screen that shows readiness starts listening. Without a service worker: "unavailable". */
export function watchOfflineShell(): void {
  if (watching) return;
  watching = true;
  // The development server registers no service worker: nothing could ever say ready.
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return void setOfflineShell({ state: "unavailable" });
  const container = navigator.serviceWorker;
  // A page a worker controls has an active one, so its precache is whole: said at once, not after a "starting" moment.
  if (container.controller) setOfflineShell({ state: "ready" });
  container.addEventListener("message", (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type !== PRECACHE_PROGRESS_TYPE) return;
    const progress = precacheProgressMessage.safeParse(event.data);
    if (progress.success && offlineShell().state !== "ready")
      setOfflineShell({ state: "installing", done: progress.data.done, total: progress.data.total });
  });
  container.startMessages();
  // Resolves once a worker is active for this page, which happens only after its precache was stored whole.
  void container.ready.then(() => setOfflineShell({ state: "ready" }));
}

/**
 * On a first visit the service worker is registered as soon as the first screen is up, not once the "later" chunk
 * (which carries workbox-window) has arrived: its download then shares the link with that chunk instead of waiting
 * for it, and its precache finds the chunk in the HTTP cache. Later visits leave registration to workbox-window
 * (serviceWorkerUpdates.ts), which must watch an update install from its start to offer it.
 */
export function registerOnFirstVisit(): void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD || navigator.serviceWorker.controller) return;
  void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
}
