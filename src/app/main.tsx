import { render } from "solid-js/web";
import { App } from "./App";
import { keepPdfViewerForOffline } from "./features/library/viewers/keepPdfViewer";
import { registerServiceWorker } from "./features/update/serviceWorkerUpdates";
import { db } from "./store/db";
import { syncEngine } from "./sync/engineInstance";
import "./ui/styles.css";

const root = document.getElementById("root");
if (root) render(() => <App />, root);
registerServiceWorker();
syncEngine.start();
resumeMaterialDownloads();
keepPdfViewerForOffline();

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
