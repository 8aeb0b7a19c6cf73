// Opens one material from the phone's own copy, with no network: PDF, image, video, audio or handout.
import { ErrorBoundary, Match, Show, Switch, createResource, createSignal, lazy, onCleanup, onMount } from "solid-js";
import { readMaterialFile } from "../../store/library";
import { findMaterial, materialFileState } from "../../store/libraryViews";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { Link, useParams } from "../../ui/router";
import { formatBytes, kindLabel } from "./formatBytes";
import { t } from "../../i18n/libraryMessages";
import { openInAnotherApp } from "./openInAnotherApp";
import { HandoutViewer } from "./viewers/HandoutViewer";
import { PdfViewerOffer } from "./viewers/PdfViewerOffer";

// pdf.js is large: it loads only when a PDF is opened, and is cached for offline from then on.
const PdfViewer = lazy(() => import("./viewers/PdfViewer"));
const PdfPresenter = lazy(() => import("./viewers/PdfPresenter"));

export default function MaterialViewerPage() {
  const params = useParams<{ materialId: string }>();
  const material = createLiveQuery(() => findMaterial(params.materialId));
  const blobState = createLiveQuery(() => materialFileState(params.materialId));
  // The current version, or the previous one while an update of a kept material is still downloading.
  const [blob] = createResource(
    () => (material() ? `${params.materialId}:${blobState()}` : undefined),
    () => readMaterialFile(params.materialId),
  );
  let objectUrl: string | undefined;
  const urlFor = (b: Blob) => {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = URL.createObjectURL(b);
    return objectUrl;
  };
  onCleanup(() => objectUrl && URL.revokeObjectURL(objectUrl));
  const isPdf = () => material()?.contentType === "application/pdf";
  const [presenting, setPresenting] = createSignal(false);
  // Set when the PDF viewer's code could not be loaded (offline, never fetched): Present would fail the same way.
  const [viewerMissing, setViewerMissing] = createSignal(false);
  let presenterHost: HTMLDivElement | undefined;
  const present = async () => {
    setPresenting(true);
    // Full screen where the browser allows it (a laptop or a phone cast to a screen); the overlay works without.
    await presenterHost?.requestFullscreen?.().catch(() => undefined);
  };
  const stopPresenting = () => {
    setPresenting(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  const onFullscreenChange = () => {
    if (!document.fullscreenElement && presenting()) setPresenting(false);
  };
  document.addEventListener("fullscreenchange", onFullscreenChange);
  onCleanup(() => document.removeEventListener("fullscreenchange", onFullscreenChange));

  return (
    <main class="page viewer-page">
      <Show
        when={material()}
        fallback={<p class="muted">{material() === undefined ? t("opening") : t("materialNotOnPhone")}</p>}
      >
        {(m) => (
          <>
            <p class="eyebrow">
              <Link href={`/library/${m().workshopId}`}>{t("backToWorkshopMaterials")}</Link>
            </p>
            <h1>{m().title}</h1>
            <p class="muted">
              {kindLabel(m().kind)} · {formatBytes(m().size)}
            </p>
            <Show
              when={blob()}
              fallback={
                <section class="card">
                  <p>
                    {blobState() === "absent" || blobState() === undefined ? t("notSavedYet") : t("stillDownloading")}
                  </p>
                  <Link class="button primary" href={`/library/${m().workshopId}`}>
                    {t("goToDownloadList")}
                  </Link>
                </section>
              }
            >
              {(b) => (
                <>
                  <Switch fallback={<p>{t("cannotShowKind")}</p>}>
                    <Match when={isPdf()}>
                      <ErrorBoundary fallback={() => <PdfViewerMissing onShown={() => setViewerMissing(true)} />}>
                        <PdfViewer blob={b()} title={m().title} />
                      </ErrorBoundary>
                    </Match>
                    <Match when={m().kind === "image"}>
                      <img class="material-image" src={urlFor(b())} alt={m().description || m().title} />
                    </Match>
                    <Match when={m().kind === "video"}>
                      <video
                        class="material-media"
                        controls
                        preload="metadata"
                        playsinline
                        src={urlFor(b())}
                        data-testid="material-video"
                      >
                        <track kind="captions" />
                      </video>
                    </Match>
                    <Match when={m().kind === "audio"}>
                      <audio
                        class="material-media"
                        controls
                        preload="metadata"
                        src={urlFor(b())}
                        data-testid="material-audio"
                      />
                    </Match>
                    <Match when={m().kind === "handout"}>
                      <HandoutViewer blob={b()} title={m().title} />
                    </Match>
                  </Switch>
                  <div class="button-row">
                    <Show when={isPdf() && !viewerMissing()}>
                      <button type="button" class="button primary" onClick={() => void present()}>
                        {t("present")}
                      </button>
                    </Show>
                    <button
                      type="button"
                      class="button"
                      onClick={() => void openInAnotherApp(b(), m().fileName, m().title)}
                    >
                      {t("openInAnotherApp")}
                    </button>
                  </div>
                  <div ref={presenterHost} class="presenter-host" classList={{ active: presenting() }}>
                    <Show when={presenting()}>
                      <PdfPresenter blob={b()} title={m().title} onExit={stopPresenting} />
                    </Show>
                  </div>
                </>
              )}
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}

/** Said instead of a dead "could not be opened": why, and what works now. */
function PdfViewerMissing(props: { onShown: () => void }) {
  onMount(() => props.onShown());
  return (
    <>
      <p class="banner banner-warning" role="status" data-testid="pdf-viewer-missing">
        {t("pdfViewerMissing")}
      </p>
      <PdfViewerOffer onKept={() => location.reload()} />
    </>
  );
}
