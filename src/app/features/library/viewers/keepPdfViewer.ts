// Keeps the PDF viewer's code (pdf.js and its worker) for offline use: once per build, soon after the first visit or when the first PDF is kept.
import { liveQuery } from "dexie";
import { countCompletePdfs } from "../../../store/libraryViews";
import { readMetaValue, writeMetaValue } from "../../../store/meta";

const KEPT_FLAG = "pdfViewerKept";
/** Well after the first question is on screen: the viewer never competes with the questionnaire for the link. */
const AFTER_START_MS = 10_000;

const savesData = () => Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData);

/** Resolves once this page is controlled by the service worker: only then does a fetch land in its cache. */
function whenControlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }));
}

/**
 * pdf.js (~0.4 MB gzip) is left out of the precache to keep the first visit small. It is fetched through
 * the service worker once per build (a new build names its chunks anew): in the background a while after
 * start, and at once when the phone keeps its first PDF (saved, or imported from a pack). With Data Saver
 * on, nothing is fetched unasked; the viewer then comes when a PDF is opened online, and a PDF opened
 * offline without it says so and offers another app.
 */
export function keepPdfViewerForOffline(): void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD || savesData()) return;
  const build = import.meta.url;
  let started = false;
  const keep = async () => {
    if (started) return;
    started = true;
    watch.unsubscribe();
    if ((await readMetaValue(KEPT_FLAG)) === build) return;
    await whenControlled();
    const viewer = await import("./PdfViewer");
    if (await viewer.warmPdfWorker()) await writeMetaValue(KEPT_FLAG, build);
    else started = false;
  };
  const watch = liveQuery(() => countCompletePdfs()).subscribe((pdfs) => {
    if (pdfs > 0) void keep().catch(() => (started = false));
  });
  setTimeout(() => void keep().catch(() => (started = false)), AFTER_START_MS);
}
