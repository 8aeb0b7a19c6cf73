// Making a pack: the chosen materials of one workshop as one ordinary zip, then shared or saved — offline.
import { For, Show, createSignal } from "solid-js";
import { APP_VERSION } from "../../../shared/appVersion";
import { writePack } from "../../../shared/packs";
import { loadShareableMaterials } from "../../store/libraryViews";
import { readStoredFile } from "../../store/packStore";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { ProgressBar } from "../../ui/ProgressBar";
import { Link, useParams } from "../../ui/router";
import { formatBytes, kindLabel } from "../library/formatBytes";
import { openInAnotherApp } from "../library/openInAnotherApp";
import { createPackFile } from "./packFile";
import { t } from "../../i18n/trainerMessages";
import { packProblemText } from "./packProblemText";

function packFileName(title: string): string {
  const short = title
    .replace(/[^\p{L}\p{N} ()-]+/gu, " ")
    .replace(/\s+/g, " ")
    .slice(0, 60)
    .trim();
  return t("packFileName", { title: short || t("packWorkshop") });
}

export default function SharePackPage() {
  const params = useParams<{ workshopId: string }>();
  const view = createLiveQuery(() => loadShareableMaterials(params.workshopId));
  const [excluded, setExcluded] = createSignal<Set<string>>(new Set());
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [pack, setPack] = createSignal<File>();
  const [problem, setProblem] = createSignal<string>();
  const chosen = () => (view()?.onPhone ?? []).filter((m) => !excluded().has(m.id));

  const make = async () => {
    const v = view();
    if (!v?.manifest || !v.workshop || chosen().length === 0) return;
    setProblem(undefined);
    setPack(undefined);
    const name = packFileName(v.workshop.title);
    try {
      const target = await createPackFile(name);
      const total = chosen().reduce((s, m) => s + m.size, 0);
      setProgress({ done: 0, total });
      await writePack(
        {
          // The signed workshop when the server sent one: the receiving app checks that the one shown is the one signed.
          workshop: v.manifest.workshop ?? v.workshop,
          manifest: {
            workshopId: v.manifest.workshopId,
            version: v.manifest.version,
            materials: v.manifest.materials,
            ...(v.manifest.workshop ? { workshop: v.manifest.workshop } : {}),
          },
          ...(v.manifest.signature ? { signature: v.manifest.signature } : {}),
          appVersion: APP_VERSION,
          files: chosen().map((material) => ({ material, read: () => readStoredFile(material.sha256) })),
        },
        target.sink,
        { onProgress: (done: number) => setProgress({ done, total }) },
      );
      setPack(await target.file());
    } catch (error) {
      setProblem(packProblemText(error, t("packCouldNotBeMade")));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/trainer">{t("shareAndTrain")}</Link>
      </p>
      <h1>{t("shareMaterials")}</h1>
      <Show when={view()}>
        {(v) => (
          <>
            <p>
              <strong>{v().workshop?.title}</strong>
            </p>
            <Show when={v().onPhone.length > 0} fallback={<p>{t("noMaterialsOnPhone")}</p>}>
              <fieldset class="choices">
                <legend class="question-label">{t("materialsToPack")}</legend>
                <For each={v().onPhone}>
                  {(m) => (
                    <label class="choice">
                      <input
                        type="checkbox"
                        checked={!excluded().has(m.id)}
                        onChange={(e) =>
                          setExcluded((s) => {
                            const next = new Set(s);
                            if (e.currentTarget.checked) next.delete(m.id);
                            else next.add(m.id);
                            return next;
                          })
                        }
                      />
                      <span>
                        {m.title}{" "}
                        <span class="muted">
                          · {kindLabel(m.kind)} · {formatBytes(m.size)}
                        </span>
                      </span>
                    </label>
                  )}
                </For>
              </fieldset>
              <p class="muted">
                {t("chosenFiles", {
                  count: chosen().length,
                  size: formatBytes(chosen().reduce((s, m) => s + m.size, 0)),
                })}{" "}
                {v().manifest?.signature ? t("packSigned") : t("packUnsigned")}
              </p>
              <button
                type="button"
                class="button primary wide"
                disabled={progress() !== undefined || chosen().length === 0}
                onClick={() => void make()}
              >
                {progress() ? t("makingPack") : t("makePack")}
              </button>
            </Show>
          </>
        )}
      </Show>
      <Show when={progress()}>
        {(p) => (
          <div class="card" role="status">
            <p>{t("writing", { done: formatBytes(p().done), total: formatBytes(p().total) })}</p>
            <ProgressBar value={p().done} max={p().total} label={t("packProgress")} />
          </div>
        )}
      </Show>
      <Show when={problem()}>
        <p class="banner banner-error" role="alert">
          {problem()}
        </p>
      </Show>
      <Show when={pack()}>
        {(file) => (
          <section class="card" data-testid="pack-ready">
            <h2>{t("packReady")}</h2>
            <p>
              {file().name} · {formatBytes(file().size)}
            </p>
            <p class="muted">{t("packSendExplained")}</p>
            <button
              type="button"
              class="button primary wide"
              onClick={() => void openInAnotherApp(file(), file().name, t("workshopMaterials"))}
            >
              {t("sendOrSavePack")}
            </button>
          </section>
        )}
      </Show>
    </main>
  );
}
