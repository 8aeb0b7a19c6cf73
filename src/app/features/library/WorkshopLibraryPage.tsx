// One workshop's materials: what is on this phone, downloads with live progress, pause, resume and cancel (one or
// all), and a size question first on a metered link.
import { keepPdfViewerUnlessSavingData } from "./viewers/keepPdfViewer";
import { PdfViewerOffer } from "./viewers/PdfViewerOffer";
import { For, Show, createSignal, onMount } from "solid-js";
import type { Material } from "../../../shared/materials";
import { hasManifest, loadWorkshopLibrary, type WorkshopLibraryRow } from "../../store/libraryViews";
import type { MeteredWarning } from "../../sync/downloadPace";
import { downloader } from "../../sync/downloaderInstance";
import { markChangesSeen, refreshManifest } from "../../sync/materialsManifest";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { ProgressBar } from "../../ui/ProgressBar";
import { Link, useParams } from "../../ui/router";
import { formatBytes, formatTimeLeft, kindLabel } from "./formatBytes";
import { t } from "../../i18n/libraryMessages";
import { createLiveDownloads, describePace, type LiveDownloads } from "./liveDownloads";
import { MeteredQuestion } from "./MeteredQuestion";
import { PauseResumeAll } from "./PauseResumeAll";
import { StoragePanel } from "./StoragePanel";
import { libraryProblemText } from "./libraryProblemText";

const IN_PROGRESS = new Set(["queued", "downloading", "verifying"]);
const PACE_WORDS = { bytes: formatBytes, timeLeft: formatTimeLeft };

export default function WorkshopLibraryPage() {
  const params = useParams<{ workshopId: string }>();
  const [notice, setNotice] = createSignal<string>();
  const [loading, setLoading] = createSignal(true);
  const view = createLiveQuery(() => loadWorkshopLibrary(params.workshopId));
  const live = createLiveDownloads();
  /** A download waiting for the participant's yes, because the link is metered and the download big. */
  const [asking, setAsking] = createSignal<{ warning: MeteredWarning; materials: Material[] }>();

  onMount(async () => {
    const result = await refreshManifest(params.workshopId);
    setLoading(false);
    // Files of kept materials that changed on the server were queued by the refresh: fetch them now.
    if (result.ok && result.queuedBlobs.length > 0) void downloader.resumeInterrupted();
    if (!result.ok && !(await hasManifest(params.workshopId))) setNotice(libraryProblemText(result));
  });

  const overall = () => {
    const active = (view()?.rows ?? []).filter((r) => r.choice && r.blob && r.blob.state !== "complete");
    const files = [...new Map(active.map((r) => [r.blob!.sha256, r.blob!])).values()];
    const running = files.find((f) => f.state === "downloading");
    return {
      count: files.length,
      total: files.reduce((sum, f) => sum + f.size, 0),
      stored: files.reduce((sum, f) => sum + live.bytesOf(f), 0),
      pace: running ? describePace(live.paceOf(running), PACE_WORDS) : "",
      pausable: files.filter((f) => f.state === "downloading" || f.state === "queued").map((f) => f.sha256),
      paused: files.filter((f) => f.state === "paused").map((f) => f.sha256),
    };
  };

  const download = async (materials: Material[]) => {
    const result = await downloader.makeAvailableOffline(materials.map((m) => m.id));
    if (!result.ok) return setNotice(libraryProblemText(result));
    // The PDF viewer is not precached; the service worker keeps it now, while there is a connection, so these open offline.
    if (materials.some((m) => m.contentType === "application/pdf")) keepPdfViewerUnlessSavingData();
  };

  const saveOffline = async (materials: Material[], options: { wholeWorkshop?: boolean } = {}) => {
    setNotice(undefined);
    const warning = await downloader.warningBefore(
      materials.map((m) => m.id),
      options,
    );
    if (warning) return setAsking({ warning, materials });
    await download(materials);
  };

  const notOnPhone = () => (view()?.rows ?? []).filter((r) => !r.choice).map((r) => r.material);

  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/library">{t("trainingMaterials")}</Link>
      </p>
      <h1>{view()?.workshop?.title ?? t("workshopMaterials")}</h1>
      <Show when={notice()}>
        <p class="banner banner-error" role="alert">
          {notice()}
        </p>
      </Show>
      <Show when={view()?.manifest?.changes && !view()?.manifest?.changesSeen ? view()?.manifest?.changes : undefined}>
        {(changes) => (
          <div class="banner banner-info" role="status" data-testid="manifest-changes">
            <p>
              <strong>{t("updatedMaterials")}</strong> {describeChanges(changes())}
            </p>
            <button type="button" class="button small" onClick={() => void markChangesSeen(params.workshopId)}>
              {t("ok")}
            </button>
          </div>
        )}
      </Show>
      <Show when={view()?.manifest} fallback={<p class="muted">{loading() ? t("loadingMaterials") : ""}</p>}>
        <Show when={asking()}>
          {(question) => (
            <MeteredQuestion
              warning={question().warning}
              onYes={() => {
                // Read before closing: the question's accessor goes stale once it is closed.
                const materials = question().materials;
                setAsking(undefined);
                void download(materials);
              }}
              onNo={() => setAsking(undefined)}
            />
          )}
        </Show>
        <Show when={(view()?.rows ?? []).some((r) => r.choice && r.material.contentType === "application/pdf")}>
          <PdfViewerOffer />
        </Show>
        <Show when={overall().count > 0}>
          <section class="card" aria-label={t("downloadsInProgress")} data-testid="overall-progress">
            <p>
              {t(overall().pausable.length > 0 ? "downloadingFiles" : "pausedFiles", {
                files: overall().count === 1 ? t("fileOne") : t("fileOther", { count: overall().count }),
                stored: formatBytes(overall().stored),
                total: formatBytes(overall().total),
              })}
              <Show when={overall().pace}>
                <span data-testid="overall-pace"> · {overall().pace}</span>
              </Show>
            </p>
            <ProgressBar value={overall().stored} max={overall().total} label={t("allDownloads")} />
            <PauseResumeAll
              pausable={overall().pausable}
              paused={overall().paused}
              onPause={(sha256s) => void downloader.pauseAll(sha256s)}
              onResume={(sha256s) => void downloader.resumeAll(sha256s)}
            />
          </section>
        </Show>
        <Show when={notOnPhone().length > 0 && view()?.canDownload}>
          <button
            type="button"
            class="button primary wide"
            onClick={() => void saveOffline(notOnPhone(), { wholeWorkshop: true })}
          >
            {t("saveAllOffline", { size: formatBytes(notOnPhone().reduce((s, m) => s + m.size, 0)) })}
          </button>
        </Show>
        <ul class="card-list">
          <For each={view()?.rows}>
            {(row) => (
              <MaterialRow
                row={row}
                live={live}
                canDownload={view()?.canDownload ?? false}
                onSave={() => void saveOffline([row.material])}
              />
            )}
          </For>
        </ul>
      </Show>
      <StoragePanel />
    </main>
  );
}

function describeChanges(changes: { added: Material[]; changed: Material[]; removed: Material[] }): string {
  const parts = [
    ...changes.changed.map((m) => t("materialChanged", { title: m.title })),
    ...changes.added.map((m) => t("materialAdded", { title: m.title })),
    ...changes.removed.map((m) => t("materialRemoved", { title: m.title })),
  ];
  return parts.length > 0 ? `${parts.join("; ")}.` : t("detailsUpdated");
}

function MaterialRow(props: {
  row: WorkshopLibraryRow;
  live: LiveDownloads;
  canDownload: boolean;
  onSave: () => void;
}) {
  const m = () => props.row.material;
  const blob = () => props.row.blob;
  const state = () => (props.row.choice ? (blob()?.state ?? "queued") : undefined);
  const bytes = () => {
    const file = blob();
    return file ? props.live.bytesOf(file) : 0;
  };
  const pace = () => {
    const file = blob();
    return file && state() === "downloading" ? describePace(props.live.paceOf(file), PACE_WORDS) : "";
  };
  return (
    <li class="card material" data-testid="material-row" data-material={m().id} data-state={state() ?? "remote"}>
      <div class="material-head">
        <Link href={`/material/${m().id}`} class="material-title">
          {m().title}
        </Link>
        <span class="muted">
          {kindLabel(m().kind)} · {formatBytes(m().size)}
        </span>
      </div>
      <Show when={m().description}>
        <p class="muted">{m().description}</p>
      </Show>
      <Show when={state() === "complete"}>
        <p class="on-phone">{t("onThisPhone")}</p>
      </Show>
      <Show when={state() && IN_PROGRESS.has(state()!)}>
        <p>
          {state() === "verifying"
            ? t("checkingFile")
            : state() === "queued"
              ? t("waitingToDownload")
              : t("downloading")}{" "}
          {t("bytesOf", { stored: formatBytes(bytes()), total: formatBytes(m().size) })}
          <Show when={pace()}>
            <span data-testid="material-pace"> · {pace()}</span>
          </Show>
        </p>
        <ProgressBar value={bytes()} max={m().size} label={t("downloadOf", { title: m().title })} />
      </Show>
      <Show when={state() === "paused"}>
        <p>{t("pausedAt", { stored: formatBytes(blob()?.storedBytes ?? 0), total: formatBytes(m().size) })}</p>
        <ProgressBar value={blob()?.storedBytes ?? 0} max={m().size} label={t("downloadOf", { title: m().title })} />
      </Show>
      <Show when={state() === "failed"}>
        <p class="field-error">{blob()?.problem ?? t("downloadFailed")}</p>
      </Show>
      <div class="button-row">
        <Show when={!props.row.choice && props.canDownload}>
          <button type="button" class="button" onClick={() => props.onSave()}>
            {t("saveOffline")}
          </button>
        </Show>
        <Show when={!props.row.choice && !props.canDownload}>
          <p class="muted">{t("notInPack")}</p>
        </Show>
        <Show when={state() === "downloading" || state() === "queued"}>
          <button type="button" class="button" onClick={() => void downloader.pause(m().sha256)}>
            {t("pause")}
          </button>
        </Show>
        <Show when={state() === "paused" || state() === "failed"}>
          <button type="button" class="button" onClick={() => void downloader.resume(m().sha256)}>
            {state() === "failed" ? t("tryAgain") : t("resume")}
          </button>
        </Show>
        <Show when={state() && state() !== "complete"}>
          <button type="button" class="button" onClick={() => void downloader.cancel(m().sha256)}>
            {t("cancel")}
          </button>
        </Show>
        <Show when={state() === "complete"}>
          <Link class="button primary" href={`/material/${m().id}`}>
            {t("open")}
          </Link>
          <button type="button" class="button" onClick={() => void downloader.removeFromPhone(m().id)}>
            {t("removeFromPhone")}
          </button>
        </Show>
      </div>
    </li>
  );
}
