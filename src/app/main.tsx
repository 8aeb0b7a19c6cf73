import { render } from "solid-js/web";
import { App } from "./App";
import { registerServiceWorker } from "./features/update/serviceWorkerUpdates";
import { db } from "./store/db";
import { syncEngine } from "./sync/engineInstance";
import "./ui/styles.css";

const root = document.getElementById("root");
if (root) render(() => <App />, root);
registerServiceWorker();
syncEngine.start();
resumeMaterialDownloads();
warmPdfViewerWhenIdle();

/** Downloads cut off by closing the app carry on at the next start; the downloader loads only if needed. */
function resumeMaterialDownloads(): void {
  void db.blobs
    .where("state")
    .anyOf("queued", "downloading", "verifying")
    .count()
    .then((unfinished) => {
      if (unfinished > 0) void import("./sync/downloaderInstance").then(({ downloader }) => downloader.resumeInterrupted());
    });
}

/**
 * pdf.js (~0.4 MB gzip with its worker) is left out of the precache so the first visit stays small; it is
 * fetched once in the background afterwards, so a PDF received later in a pack still opens offline.
 * Skipped when the participant asked the browser to save data.
 */
function warmPdfViewerWhenIdle(): void {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData || !("serviceWorker" in navigator) || !import.meta.env.PROD) return;
  const warm = () => {
    const idle = (window as Window & { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 3000));
    idle(() => void import("./features/library/viewers/PdfViewer").then((viewer) => viewer.warmPdfWorker()).catch(() => undefined));
  };
  // Only through the service worker does the fetch land in its cache.
  if (navigator.serviceWorker.controller) warm();
  else navigator.serviceWorker.addEventListener("controllerchange", warm, { once: true });
}
