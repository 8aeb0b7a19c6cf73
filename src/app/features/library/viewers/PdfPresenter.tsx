// Presenting slides to a room: one page filling the screen, arrows/space/swipe/tap to move, Esc to leave.
import { loadPdf, renderPageToCanvas, type PDFDocumentProxy, type RenderTask } from "./pdfjsLoader";
import { createEffect, createResource, createSignal, onCleanup, onMount } from "solid-js";
import { t } from "../../../i18n/libraryMessages";

const SWIPE_PX = 40;

export default function PdfPresenter(props: { blob: Blob; title: string; onExit: () => void }) {
  const [pdf] = createResource(() => props.blob, loadPdf);
  const [pageNumber, setPageNumber] = createSignal(1);
  const [size, setSize] = createSignal({ width: window.innerWidth, height: window.innerHeight });
  let canvas: HTMLCanvasElement | undefined;
  let stage: HTMLDivElement | undefined;
  let task: RenderTask | undefined;
  let touchStartX: number | undefined;

  const count = () => pdf()?.numPages ?? 0;
  const go = (n: number) => setPageNumber(Math.min(Math.max(1, n), count() || 1));

  createEffect(() => {
    const doc = pdf();
    const n = pageNumber();
    const box = size();
    if (doc && canvas) void draw(doc, n, box);
  });

  async function draw(doc: PDFDocumentProxy, n: number, box: { width: number; height: number }) {
    task?.cancel();
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    // Fit the whole page on screen, whichever side is the limit.
    task = renderPageToCanvas(page, canvas!, Math.min(box.width / base.width, box.height / base.height));
    await task.promise.catch(() => undefined);
    canvas!.dataset.renderedPage = String(n);
  }

  const onKey = (event: KeyboardEvent) => {
    if (["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"].includes(event.key)) go(pageNumber() + 1);
    else if (["ArrowLeft", "ArrowUp", "PageUp", "Backspace"].includes(event.key)) go(pageNumber() - 1);
    else if (event.key === "Home") go(1);
    else if (event.key === "End") go(count());
    else if (event.key === "Escape") return props.onExit();
    else return;
    event.preventDefault();
  };
  const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });

  onMount(() => {
    window.addEventListener("keydown", onKey);
    window.addEventListener("resize", onResize);
    stage?.focus();
  });
  onCleanup(() => {
    window.removeEventListener("keydown", onKey);
    window.removeEventListener("resize", onResize);
    task?.cancel();
    void pdf()?.destroy();
  });

  return (
    <div
      ref={stage}
      class="presenter"
      tabindex="-1"
      role="region"
      aria-roledescription="slide show"
      aria-label={`${props.title}, page ${pageNumber()} of ${count()}`}
      onTouchStart={(e) => (touchStartX = e.touches[0]?.clientX)}
      onTouchEnd={(e) => {
        const endX = e.changedTouches[0]?.clientX;
        if (touchStartX === undefined || endX === undefined) return;
        const dx = endX - touchStartX;
        if (Math.abs(dx) >= SWIPE_PX) go(pageNumber() + (dx < 0 ? 1 : -1));
        touchStartX = undefined;
      }}
      onClick={(e) => {
        // A tap on the right half moves on, on the left half goes back (like a clicker).
        if ((e.target as HTMLElement).closest("button")) return;
        go(pageNumber() + (e.clientX > window.innerWidth / 2 ? 1 : -1));
      }}
    >
      <canvas ref={canvas} data-testid="presenter-canvas" />
      <div class="presenter-bar">
        <button type="button" onClick={() => go(pageNumber() - 1)} aria-label={t("previousPage")}>
          ‹
        </button>
        <span aria-live="polite">
          {pageNumber()} / {count() || "…"}
        </span>
        <button type="button" onClick={() => go(pageNumber() + 1)} aria-label={t("nextPage")}>
          ›
        </button>
        <button type="button" onClick={() => props.onExit()}>
          {t("exitPresentation")}
        </button>
      </div>
    </div>
  );
}
