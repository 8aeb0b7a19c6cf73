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

function packFileName(title: string): string {
  const short = title
    .replace(/[^\p{L}\p{N} ()-]+/gu, " ")
    .replace(/\s+/g, " ")
    .slice(0, 60)
    .trim();
  return `Outrigger pack - ${short || "workshop"}.zip`;
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
      setProblem(error instanceof Error ? error.message : "The pack could not be made.");
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/trainer">Share and train</Link>
      </p>
      <h1>Share materials</h1>
      <Show when={view()}>
        {(v) => (
          <>
            <p>
              <strong>{v().workshop?.title}</strong>
            </p>
            <Show when={v().onPhone.length > 0} fallback={<p>No materials of this workshop are on this phone yet.</p>}>
              <fieldset class="choices">
                <legend class="question-label">Materials to put in the pack</legend>
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
                {chosen().length} files, {formatBytes(chosen().reduce((s, m) => s + m.size, 0))}.{" "}
                {v().manifest?.signature
                  ? "The pack carries the organiser's signature, so colleagues' apps can check it is genuine."
                  : "This list has no signature from the server yet (open the workshop's materials once while online to get it)."}
              </p>
              <button
                type="button"
                class="button primary wide"
                disabled={progress() !== undefined || chosen().length === 0}
                onClick={() => void make()}
              >
                {progress() ? "Making the pack…" : "Make the pack file"}
              </button>
            </Show>
          </>
        )}
      </Show>
      <Show when={progress()}>
        {(p) => (
          <div class="card" role="status">
            <p>
              Writing {formatBytes(p().done)} of {formatBytes(p().total)}
            </p>
            <ProgressBar value={p().done} max={p().total} label="Pack progress" />
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
            <h2>Pack ready</h2>
            <p>
              {file().name} · {formatBytes(file().size)}
            </p>
            <p class="muted">
              Send it with Bluetooth, Nearby Share, a cable or a messaging app. Colleagues with Outrigger import it
              under "Share and train"; without the app they can unzip it.
            </p>
            <button
              type="button"
              class="button primary wide"
              onClick={() => void openInAnotherApp(file(), file().name, "Workshop materials")}
            >
              Send or save the pack
            </button>
          </section>
        )}
      </Show>
    </main>
  );
}
