// Packs imported without a valid signature: listed apart from the library, marked "Not verified", never mixed into it.
import { For, Show } from "solid-js";
import { readMaterialBlob } from "../../store/library";
import { listUnverifiedPacks } from "../../store/packStore";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { KIND_LABELS } from "./formatBytes";

const WHY: Record<string, string> = {
  no_signature: "it carries no signature from the organiser's server",
  unknown_key: "it was signed with a key this app does not know",
  bad_signature: "it was changed after the organiser signed it",
  no_key_cached: "this app had not yet learned the organiser's key when it was imported",
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
        <h2 id="unverified-heading">Imported packs, not verified</h2>
        <p class="muted">
          These came in packs whose contents the organiser's signature does not vouch for. They are kept apart from the
          workshop materials above; treat them with care.
        </p>
        <For each={packs()}>
          {(pack) => (
            <div class="unverified-pack">
              <h3>
                {pack.workshop.title} <span class="badge badge-warning">Not verified</span>
              </h3>
              <p class="muted">Not verified because {WHY[pack.reason] ?? "its signature could not be checked"}.</p>
              <ul>
                <For each={pack.entries}>
                  {(entry) => {
                    const material = pack.materials.find((m) => m.id === entry.materialId);
                    return (
                      <li>
                        {material?.title ?? entry.path}{" "}
                        <span class="muted">({material ? KIND_LABELS[material.kind] : "file"})</span>{" "}
                        <button
                          type="button"
                          class="button small"
                          onClick={() => void saveCopy(entry.sha256, entry.path.split("/").pop() ?? "file")}
                        >
                          Save a copy
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
