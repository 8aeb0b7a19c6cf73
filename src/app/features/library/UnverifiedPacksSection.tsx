// Packs imported without a valid signature: listed apart from the library, marked "Not verified", never mixed into it.
import { For, Show } from "solid-js";
import { readMaterialBlob } from "../../store/library";
import { listUnverifiedPacks } from "../../store/packStore";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { kindLabel } from "./formatBytes";
import { t } from "../../i18n/libraryMessages";

const WHY: Record<string, "whyNoSignature" | "whyUnknownKey" | "whyBadSignature" | "whyNoKeyCached"> = {
  no_signature: "whyNoSignature",
  unknown_key: "whyUnknownKey",
  bad_signature: "whyBadSignature",
  no_key_cached: "whyNoKeyCached",
};

/** Hands a file of an unverified pack to the phone as a download: it is never opened inside the app as the organiser's. */
async function saveCopy(sha256: string, fileName: string): Promise<void> {
  const blob = await readMaterialBlob(sha256);
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function UnverifiedPacksSection() {
  const packs = createLiveQuery(() => listUnverifiedPacks());
  return (
    <Show when={(packs() ?? []).length > 0}>
      <section class="card" data-testid="unverified-packs" aria-labelledby="unverified-heading">
        <h2 id="unverified-heading">{t("unverifiedHeading")}</h2>
        <p class="muted">{t("unverifiedExplained")}</p>
        <For each={packs()}>
          {(pack) => (
            <div class="unverified-pack">
              <h3>
                {pack.workshop.title} <span class="badge badge-warning">{t("notVerified")}</span>
              </h3>
              <p class="muted">{t("notVerifiedBecause", { reason: t(WHY[pack.reason] ?? "whyUnchecked") })}</p>
              <ul>
                <For each={pack.entries}>
                  {(entry) => {
                    const material = pack.materials.find((m) => m.id === entry.materialId);
                    return (
                      <li>
                        {material?.title ?? entry.path}{" "}
                        <span class="muted">({material ? kindLabel(material.kind) : t("file")})</span>{" "}
                        <button
                          type="button"
                          class="button small"
                          onClick={() => void saveCopy(entry.sha256, entry.path.split("/").pop() ?? "file")}
                        >
                          {t("saveACopy")}
                        </button>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </div>
          )}
        </For>
      </section>
    </Show>
  );
}
