// Receiving a pack: every file checked against its hash and the organiser's signature, with no account needed.
import { For, Show, createSignal, onMount } from "solid-js";
import { readPack, type PackImportResult } from "../../../shared/packs";
import { createPackImportStore, recordImportedPack } from "../../store/packStore";
import { cachedSigningKey } from "../../sync/signingKeyCache";
import { ProgressBar } from "../../ui/ProgressBar";
import { Link } from "../../ui/router";
import { formatBytes } from "../library/formatBytes";
import { FilePicker } from "../../ui/FilePicker";
import { t } from "../../i18n/trainerMessages";
import { packProblemText } from "./packProblemText";

/** The service worker puts a file shared to the app (Web Share Target) here; see sw.ts. */
export const SHARED_PACK_CACHE = "outrigger-shared-pack";
export const SHARED_PACK_URL = "/shared-pack";

const NOT_VERIFIED_REASONS: Record<
  string,
  "reasonNoSignature" | "reasonUnknownKey" | "reasonBadSignature" | "reasonNoKeyCached"
> = {
  no_signature: "reasonNoSignature",
  unknown_key: "reasonUnknownKey",
  bad_signature: "reasonBadSignature",
  no_key_cached: "reasonNoKeyCached",
};

export default function ImportPackPage() {
  const [busy, setBusy] = createSignal(false);
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [result, setResult] = createSignal<PackImportResult>();
  const [problem, setProblem] = createSignal<string>();

  const importFile = async (file: Blob & { name?: string }) => {
    setBusy(true);
    setProblem(undefined);
    setResult(undefined);
    try {
      const source = {
        size: file.size,
        read: async (offset: number, length: number) =>
          new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
      };
      const signingKey = await cachedSigningKey();
      const outcome = await readPack(source, createPackImportStore(), {
        ...(signingKey ? { signingKey } : {}),
        onProgress: (done: number, total: number) => setProgress({ done, total }),
      });
      await recordImportedPack(outcome);
      setResult(outcome);
    } catch (error) {
      setProblem(packProblemText(error, t("couldNotImport")));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  onMount(async () => {
    // Arrived from the phone's share sheet: the service worker kept the file for us.
    if (!new URLSearchParams(location.search).has("shared") || !("caches" in window)) return;
    const cache = await caches.open(SHARED_PACK_CACHE);
    const shared = await cache.match(SHARED_PACK_URL);
    if (!shared) return;
    const blob = await shared.blob();
    await importFile(blob);
    await cache.delete(SHARED_PACK_URL);
  });

  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/trainer">{t("shareAndTrain")}</Link>
      </p>
      <h1>{t("importAPack")}</h1>
      <p>{t("chooseAPack")}</p>
      <div class="card">
        <FilePicker
          id="pack-file"
          label={t("packFile")}
          accept=".zip,application/zip"
          disabled={busy()}
          onFiles={(files) => importFile(files[0]!)}
        />
      </div>
      <Show when={progress()}>
        {(p) => (
          <div class="card" role="status">
            <p>{t("checkingAndStoring", { done: formatBytes(p().done), total: formatBytes(p().total) })}</p>
            <ProgressBar value={p().done} max={p().total} label={t("importProgress")} />
          </div>
        )}
      </Show>
      <Show when={problem()}>
        <p class="banner banner-error" role="alert" data-testid="import-refused">
          {problem()}
        </p>
      </Show>
      <Show when={result()}>
        {(r) => (
          <section class="card" data-testid="import-result">
            <h2>{r().manifest.workshop.title}</h2>
            <Show
              when={r().verification.status === "verified"}
              fallback={
                <p class="banner banner-error" data-testid="verification">
                  {t("notVerified", {
                    reason: t(
                      NOT_VERIFIED_REASONS[(r().verification as { reason: string }).reason] ?? "reasonUnchecked",
                    ),
                  })}
                </p>
              }
            >
              <p class="banner banner-info" data-testid="verification">
                {t("verified", { issuer: (r().verification as { issuer: string }).issuer })}
                {(r().verification as { covers?: string }).covers === "materials" ? t("verifiedMaterialsOnly") : ""}
              </p>
            </Show>
            <p>
              {t("importCounts", {
                imported: r().imported.length,
                present: r().alreadyPresent.length,
                refused: r().refused.length,
              })}
            </p>
            <Show when={r().refused.length > 0}>
              <ul class="refusals" data-testid="refusals">
                <For each={r().refused}>
                  {(x) => (
                    <li>
                      <strong>{x.path}</strong>: {x.reason}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show
              when={r().verification.status === "verified"}
              fallback={
                <Link class="button" href="/library">
                  {t("seeUnverified")}
                </Link>
              }
            >
              <Link class="button primary" href={`/library/${r().manifest.manifest.workshopId}`}>
                {t("openTheMaterials")}
              </Link>
            </Show>
          </section>
        )}
      </Show>
    </main>
  );
}
