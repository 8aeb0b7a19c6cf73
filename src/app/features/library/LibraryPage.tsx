// The library's start: the workshops whose materials this phone can see, and offline search across them.
import { For, Show, createResource, createSignal, onMount } from "solid-js";
import { searchMaterials } from "../../store/library";
import { listLibraryWorkshops, loadDownloadsAcrossWorkshops } from "../../store/libraryViews";
import { refreshAllManifests } from "../../sync/materialsManifest";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { Link } from "../../ui/router";
import type { Downloader } from "../../sync/materialsDownloader";
import { kindLabel } from "./formatBytes";
import { t } from "../../i18n/libraryMessages";
import { PauseResumeAll } from "./PauseResumeAll";
import { StoragePanel } from "./StoragePanel";
import { UnverifiedPacksSection } from "./UnverifiedPacksSection";

export default function LibraryPage() {
  const workshops = createLiveQuery(() => listLibraryWorkshops());
  const downloads = createLiveQuery(() => loadDownloadsAcrossWorkshops());
  const withDownloader = (act: (d: Downloader) => Promise<void>) =>
    void import("../../sync/downloaderInstance").then(({ downloader }) => act(downloader));
  const [query, setQuery] = createSignal("");
  const [results] = createResource(query, (q) =>
    q.trim().length >= 2 ? searchMaterials(q) : Promise.resolve(undefined),
  );

  onMount(async () => {
    const results = await refreshAllManifests();
    if (Object.values(results).some((r) => r.ok && r.queuedBlobs.length > 0)) {
      const { downloader } = await import("../../sync/downloaderInstance");
      void downloader.resumeInterrupted();
    }
  });

  return (
    <main class="page">
      <h1>{t("trainingMaterials")}</h1>
      <form class="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="material-search">{t("searchLabel")}</label>
        <input
          id="material-search"
          type="search"
          placeholder={t("searchExample")}
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </form>
      <Show when={results()}>
        {(found) => (
          <section aria-live="polite" class="search-results">
            <h2>{found().length === 0 ? t("nothingFound") : t("foundCount", { count: found().length })}</h2>
            <ul class="card-list">
              <For each={found()}>
                {(hit) => (
                  <li class="card">
                    <Link href={`/material/${hit.material.id}`} class="material-title">
                      {hit.material.title}
                    </Link>
                    <p class="muted">{kindLabel(hit.material.kind)}</p>
                    <Show when={hit.snippet}>
                      <p class="snippet">…{hit.snippet}…</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </Show>
      <Show when={workshops()}>
        <Show when={(workshops() ?? []).length > 0} fallback={<p>{t("openInvitationFirst")}</p>}>
          <ul class="card-list">
            <For each={workshops()}>
              {(w) => (
                <li class="card">
                  <Link href={`/library/${w.id}`} class="material-title">
                    {w.workshop?.title ?? w.id}
                  </Link>
                  <p class="muted">
                    {w.count === undefined
                      ? t("materialsNotLoaded")
                      : t("materialsCount", { count: w.count, onPhone: w.onPhone })}
                    {w.hasChanges ? t("updatedMark") : ""}
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Show when={(downloads()?.pausable.length ?? 0) + (downloads()?.paused.length ?? 0) > 0}>
        <section class="card" aria-labelledby="all-downloads-title" data-testid="all-downloads">
          <h2 id="all-downloads-title">{t("downloadsInAllWorkshops")}</h2>
          <p>
            {t("downloadingAndPaused", {
              active: downloads()?.pausable.length ?? 0,
              paused: downloads()?.paused.length ?? 0,
            })}
          </p>
          <PauseResumeAll
            pausable={downloads()?.pausable ?? []}
            paused={downloads()?.paused ?? []}
            onPause={(sha256s) => withDownloader((d) => d.pauseAll(sha256s))}
            onResume={(sha256s) => withDownloader((d) => d.resumeAll(sha256s))}
          />
        </section>
      </Show>
      <UnverifiedPacksSection />
      <StoragePanel />
    </main>
  );
}
