// The one place pdf.js is imported, so it lands in one chunk ("pdfjsLoader-*.js") that the service worker
// leaves out of the precache and caches on first use.
import { GlobalWorkerOptions } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

GlobalWorkerOptions.workerSrc = workerUrl;

export { getDocument, type PDFDocumentProxy, type RenderTask } from "pdfjs-dist";
export { workerUrl };
