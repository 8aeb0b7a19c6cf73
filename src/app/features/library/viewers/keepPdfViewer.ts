// Keeps the PDF viewer's code (pdf.js and its worker) for offline use: once per build, soon after the first visit
// or when the first PDF is kept. The service worker fetches it into its cache; the page never loads pdf.js for it.
import { watchCompletePdfs } from "../../../store/libraryViews";

/** Well after the first question is on screen: the viewer never competes with the questionnaire for the link. */
const AFTER_START_MS = 10_000;

export const savesData = () =>
  Boolean((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData);

/** Resolves once this page is controlled by the service worker: only then can it be asked to keep files. */
function whenControlled(): Promise<ServiceWorker> {
  const controller = navigator.serviceWorker.controller;
  if (controller) return Promise.resolve(controller);
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener("controllerchange", () => resolve(navigator.serviceWorker.controller!), {
      once: true,
    }),
  );
}

/** Asks the service worker to keep pdf.js now (it skips what it already has); true once it is kept. */
export async function keepPdfViewerNow(): Promise<boolean> {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return false;
  const controller = await whenControlled();
  const channel = new MessageChannel();
  const answer = new Promise<boolean>(
    (resolve) =>
      (channel.port1.onmessage = (event: MessageEvent<{ kept?: boolean }>) => resolve(event.data.kept === true)),
  );
  controller.postMessage({ type: "KEEP_PDF_VIEWER" }, [channel.port2]);
  return answer;
}

/** Whether this build's viewer is kept, and what getting it costs in bytes; undefined without a service worker. */
export async function pdfViewerStatus(): Promise<{ kept: boolean; bytes: number } | undefined> {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD) return undefined;
  const controller = await whenControlled();
  const channel = new MessageChannel();
  const answer = new Promise<{ kept: boolean; bytes: number }>(
    (resolve) =>
      (channel.port1.onmessage = (event: MessageEvent<{ kept: boolean; bytes: number }>) => resolve(event.data)),
  );
  controller.postMessage({ type: "PDF_VIEWER_STATUS" }, [channel.port2]);
  return answer;
}

/** After PDFs were saved: keeps the viewer too, unless Data Saver is on (the participant is then asked instead). */
export function keepPdfViewerUnlessSavingData(): void {
  if (!savesData()) void keepPdfViewerNow();
}

/**
 * pdf.js (~0.4 MB gzip) is left out of the precache to keep the first visit small. The service worker keeps it
 * once per build (a new build names its chunks anew): in the background a while after start, and at once when
 * the phone keeps its first PDF (saved, or imported from a pack). With Data Saver on, nothing is fetched unasked;
 * the viewer then comes when a PDF is opened online, and a PDF opened offline without it says so.
 */
export function keepPdfViewerForOffline(): void {
  if (!("serviceWorker" in navigator) || !import.meta.env.PROD || savesData()) return;
  let started = false;
  const keep = async () => {
    if (started) return;
    started = true;
    stopWatching();
    if (!(await keepPdfViewerNow())) started = false;
  };
  const stopWatching = watchCompletePdfs((pdfs) => {
    if (pdfs > 0) void keep().catch(() => (started = false));
  });
  setTimeout(() => void keep().catch(() => (started = false)), AFTER_START_MS);
}
