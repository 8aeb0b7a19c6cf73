// With Data Saver on, the PDF viewer is not fetched unasked: this offers it, with what it costs in bytes.
import { Show, createResource, createSignal } from "solid-js";
import { formatBytes } from "../formatBytes";
import { t } from "../../../i18n/libraryMessages";
import { keepPdfViewerNow, pdfViewerStatus, savesData } from "./keepPdfViewer";

/** Shown only with Data Saver on and the viewer not yet kept; `onKept` runs once it is. */
export function PdfViewerOffer(props: { onKept?: () => void }) {
  const [status, { mutate }] = createResource(() => (savesData() ? pdfViewerStatus() : Promise.resolve(undefined)));
  const [state, setState] = createSignal<"idle" | "getting" | "failed">("idle");
  const get = async () => {
    setState("getting");
    const kept = await keepPdfViewerNow().catch(() => false);
    if (!kept) return setState("failed");
    setState("idle");
    mutate({ kept: true, bytes: 0 });
    props.onKept?.();
  };
  return (
    <Show when={status() && !status()!.kept}>
      <section class="card" aria-labelledby="pdf-viewer-offer-title" data-testid="pdf-viewer-offer">
        <h2 id="pdf-viewer-offer-title">{t("pdfViewer")}</h2>
        <p>{t("pdfViewerDataSaver")}</p>
        <button type="button" class="button primary" disabled={state() === "getting"} onClick={() => void get()}>
          {state() === "getting" ? t("gettingPdfViewer") : t("getPdfViewer", { size: formatBytes(status()!.bytes) })}
        </button>
        <Show when={state() === "failed"}>
          <p class="field-error" role="alert">
            {t("pdfViewerFailed")}
          </p>
        </Show>
      </section>
    </Show>
  );
}
