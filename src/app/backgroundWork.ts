// What the app starts once the first screen is up: its own chunk, so the sync engine, the service worker's
// registration and the downloader's check are neither fetched nor evaluated before the first question.
import { keepPdfViewerForOffline } from "./features/library/viewers/keepPdfViewer";
import { registerServiceWorker } from "./features/update/serviceWorkerUpdates";
import { db } from "./store/db";
import { syncEngine } from "./sync/engineInstance";
import { whenIdleAfterFirstScreen } from "./ui/firstScreen";

export function startBackgroundWork(): void {
  syncEngine.start();
  resumeMaterialDownloads();
  // At once, not when idle: until the service worker has stored the app, the phone is not ready to go offline.
  void registerServiceWorker();
  void whenIdleAfterFirstScreen().then(() => keepPdfViewerForOffline());
}

/** Downloads cut off by closing the app carry on at the next start; the downloader loads only if needed. */
function resumeMaterialDownloads(): void {
  void db.blobs
    .where("state")
    .anyOf("queued", "downloading", "verifying")
    .count()
    .then((unfinished) => {
      if (unfinished > 0)
        void import("./sync/downloaderInstance").then(({ downloader }) => downloader.resumeInterrupted());
    });
}
