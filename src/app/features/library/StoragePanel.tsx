// How much the phone holds and has left, so a participant knows before a big download.
import { Show, createResource } from "solid-js";
import { storageSummary } from "../../store/library";
import { materialFilesFingerprint } from "../../store/libraryViews";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { formatBytes } from "./formatBytes";
import { t } from "../../i18n/libraryMessages";

const SIZE_MARK = "\u0000";

export function StoragePanel() {
  // Re-read the estimate whenever material files change.
  const filesVersion = createLiveQuery(() => materialFilesFingerprint());
  const [summary] = createResource(filesVersion, () => storageSummary());
  // The sentence around the size, in the language's own order; the size itself is set in bold between.
  const materialsUse = () => t("materialsUse", { size: SIZE_MARK }).split(SIZE_MARK);
  return (
    <section class="card storage" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t("storageHeading")}</h2>
      <Show when={summary()} fallback={<p class="muted">{t("checkingStorage")}</p>}>
        {(s) => (
          <>
            <p>
              {materialsUse()[0]}
              <strong data-testid="materials-bytes">{formatBytes(s().materialsBytes)}</strong>
              {materialsUse()[1]}
              <Show when={s().quotaBytes !== undefined}>
                {t("moreCanBeStored", {
                  size: formatBytes(Math.max(0, (s().quotaBytes ?? 0) - (s().usageBytes ?? 0))),
                })}
              </Show>
            </p>
            <Show when={s().quotaBytes}>
              <div
                class="progress-track"
                role="progressbar"
                aria-label={t("storageUsed")}
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
            <p class="muted">{s().persisted ? t("filesKept") : t("filesMayBeCleared")}</p>
          </>
        )}
      </Show>
    </section>
  );
}
