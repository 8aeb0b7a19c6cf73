// How much the phone holds and has left, so a participant knows before a big download.
import { Show, createResource } from "solid-js";
import { storageSummary } from "../../store/library";
import { materialFilesFingerprint } from "../../store/libraryViews";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { formatBytes } from "./formatBytes";

export function StoragePanel() {
  // Re-read the estimate whenever material files change.
  const filesVersion = createLiveQuery(() => materialFilesFingerprint());
  const [summary] = createResource(filesVersion, () => storageSummary());
  return (
    <section class="card storage" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage on this phone</h2>
      <Show when={summary()} fallback={<p class="muted">Checking storage…</p>}>
        {(s) => (
          <>
            <p>
              Training materials use <strong data-testid="materials-bytes">{formatBytes(s().materialsBytes)}</strong>.
              <Show when={s().quotaBytes !== undefined}>
                {" "}
                About {formatBytes(Math.max(0, (s().quotaBytes ?? 0) - (s().usageBytes ?? 0)))} more can be stored.
              </Show>
            </p>
            <Show when={s().quotaBytes}>
              <div
                class="progress-track"
                role="progressbar"
                aria-label="Storage used"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(((s().usageBytes ?? 0) / (s().quotaBytes ?? 1)) * 100)}
              >
                <div
                  class="progress-fill"
                  style={{ width: `${Math.min(100, ((s().usageBytes ?? 0) / (s().quotaBytes ?? 1)) * 100)}%` }}
                />
              </div>
            </Show>
            <p class="muted">
              {s().persisted
                ? "The phone will keep these files even when space runs low."
                : "If the phone runs very low on space, it may clear saved files; you can download them again."}
            </p>
          </>
        )}
      </Show>
    </section>
  );
}
