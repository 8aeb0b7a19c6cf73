// PDFs drawn by pdf.js onto a canvas: Android Chrome cannot show a PDF blob inline, so the app renders it.
import { loadPdf, renderPageToCanvas, type PDFDocumentProxy, type RenderTask } from "./pdfjsLoader";
import { Show, createEffect, createResource, createSignal, onCleanup } from "solid-js";
import { t } from "../../../i18n/libraryMessages";

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export default function PdfViewer(props: { blob: Blob; title: string }) {
  const [pdf] = createResource(() => props.blob, loadPdf);
  const [pageNumber, setPageNumber] = createSignal(1);
  const [zoomIndex, setZoomIndex] = createSignal(2);
  const [rendering, setRendering] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  let canvas: HTMLCanvasElement | undefined;
  let container: HTMLDivElement | undefined;
  let task: RenderTask | undefined;

  const pageCount = () => pdf()?.numPages ?? 0;
  const go = (n: number) => setPageNumber(Math.min(Math.max(1, n), pageCount() || 1));

  createEffect(() => {
    const doc = pdf();
    const n = pageNumber();
    const zoom = ZOOM_STEPS[zoomIndex()];
    if (doc && canvas) void renderPage(doc, n, zoom);
  });

  async function renderPage(doc: PDFDocumentProxy, n: number, zoom: number) {
    task?.cancel();
    setRendering(true);
    try {
      const page = await doc.getPage(n);
      // "100%" fits the page to the screen's width; zoom steps scale from there.
      const fitWidth = (container?.clientWidth ?? 360) / page.getViewport({ scale: 1 }).width;
      task = renderPageToCanvas(page, canvas!, fitWidth * zoom);
      await task.promise;
      canvas!.dataset.renderedPage = String(n);
      setProblem(undefined);
    } catch (error) {
      if ((error as Error).name !== "RenderingCancelledException") setProblem(t("pageCouldNotShow"));
    } finally {
      setRendering(false);
    }
  }

  const onKey = (event: KeyboardEvent) => {
    if (event.key === "ArrowRight" || event.key === "PageDown") go(pageNumber() + 1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") go(pageNumber() - 1);
    else return;
    event.preventDefault();
  };
  onCleanup(() => {
    task?.cancel();
    void pdf()?.destroy();
  });

  return (
    <section class="pdf-viewer" aria-label={`PDF: ${props.title}`} tabindex="0" onKeyDown={onKey}>
      <Show when={!pdf.error} fallback={<p class="field-error">{t("pdfCouldNotOpen")}</p>}>
        <div class="pdf-toolbar">
          <button
            type="button"
            class="button small"
            onClick={() => go(pageNumber() - 1)}
            disabled={pageNumber() <= 1}
            aria-label={t("previousPage")}
          >
            ‹
          </button>
          <label class="page-picker">
            <span class="visually-hidden">{t("pageNumber")}</span>
            <input
              type="number"
              inputmode="numeric"
              min="1"
              max={pageCount()}
              value={pageNumber()}
              onChange={(e) => go(Number(e.currentTarget.value))}
            />
            <span aria-live="polite" data-testid="pdf-page-count">
              {t("ofPages", { count: pageCount() || "…" })}
            </span>
          </label>
          <button
            type="button"
            class="button small"
            onClick={() => go(pageNumber() + 1)}
            disabled={pageNumber() >= pageCount()}
            aria-label={t("nextPage")}
          >
            ›
          </button>
          <button
            type="button"
            class="button small"
            onClick={() => setZoomIndex((z) => Math.max(0, z - 1))}
            disabled={zoomIndex() === 0}
            aria-label={t("zoomOut")}
          >
            −
          </button>
          <span class="zoom-level">{Math.round(ZOOM_STEPS[zoomIndex()] * 100)}%</span>
          <button
            type="button"
            class="button small"
            onClick={() => setZoomIndex((z) => Math.min(ZOOM_STEPS.length - 1, z + 1))}
            disabled={zoomIndex() === ZOOM_STEPS.length - 1}
            aria-label={t("zoomIn")}
          >
            +
          </button>
        </div>
        <Show when={problem()}>
          <p class="field-error">{problem()}</p>
        </Show>
        {/* Focusable so a zoomed page can be scrolled with the keyboard too. */}
        <div
          class="pdf-canvas-wrap"
          ref={container}
          aria-busy={rendering()}
          tabindex="0"
          role="region"
          aria-label={t("pageView")}
        >
          <canvas
            ref={canvas}
            data-testid="pdf-canvas"
            role="img"
            aria-label={t("pageOfTitle", { number: pageNumber(), title: props.title })}
          />
        </div>
      </Show>
    </section>
  );
}
