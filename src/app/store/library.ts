// The library as the UI sees it: manifests, choices and stored files, read from Dexie only.
import type { Material } from "../../shared/materials";
import { db, type OfflineChoice, type OutriggerDb, type MaterialFile } from "./db";
import { handoutPlainText } from "./handoutText";
import { chunkRange } from "./offlineChoices";

export { formatBytes } from "./byteSizes";

export interface StorageEstimateSource {
  estimate(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
}

/** Every material of every stored manifest, workshop after workshop. */
export async function storedMaterials(database: OutriggerDb = db): Promise<Material[]> {
  return (await database.manifests.toArray()).flatMap((manifest) => manifest.materials);
}

/** Keeps a verified handout's words so search finds text inside it; other files have none worth indexing. */
export async function indexHandoutText(sha256: string, database: OutriggerDb = db): Promise<void> {
  const isHandout = (await storedMaterials(database)).some(
    (material) => material.sha256 === sha256 && material.kind === "handout",
  );
  if (!isHandout) return;
  const blob = await readMaterialBlob(sha256, database);
  if (!blob) return;
  await database.materialTexts.put({
    sha256,
    text: handoutPlainText(new TextDecoder().decode(await blob.arrayBuffer())),
  });
}

export interface WorkshopMaterial {
  material: Material;
  choice?: OfflineChoice;
  /** The file the choice points at (or would: a stored file with this hash from another material). */
  blob?: MaterialFile;
  /** The earlier version, still readable while an update downloads. */
  previousBlob?: MaterialFile;
  /** The bytes of this material's current version are on the phone and verified. */
  availableOffline: boolean;
}

/** The file's bytes, only once verified complete. */
export async function readMaterialBlob(sha256: string, database: OutriggerDb = db): Promise<Blob | undefined> {
  const row = await database.blobs.get(sha256);
  if (!row || row.state !== "complete") return undefined;
  const [lower, upper] = chunkRange(sha256);
  const chunks = await database.blobChunks.where("[sha256+index]").between(lower, upper, true, true).toArray();
  return new Blob(
    chunks.map((chunk) => chunk.data),
    { type: row.contentType },
  );
}

/** The bytes to open for a material: its current version when verified, else the earlier version an update is replacing. */
export async function readMaterialFile(materialId: string, database: OutriggerDb = db): Promise<Blob | undefined> {
  const choice = await database.offlineChoices.get(materialId);
  if (!choice) return undefined;
  return (
    (await readMaterialBlob(choice.sha256, database)) ??
    (choice.previousSha256 ? readMaterialBlob(choice.previousSha256, database) : undefined)
  );
}

export async function listWorkshopMaterials(
  workshopId: string,
  database: OutriggerDb = db,
): Promise<WorkshopMaterial[]> {
  const manifest = await database.manifests.get(workshopId);
  if (!manifest) return [];
  const choices = new Map(
    (await database.offlineChoices.where("workshopId").equals(workshopId).toArray()).map((c) => [c.materialId, c]),
  );
  const hashes = [
    ...new Set(
      manifest.materials.flatMap((m) =>
        [m.sha256, choices.get(m.id)?.previousSha256].filter((h): h is string => h !== undefined),
      ),
    ),
  ];
  const blobs = new Map(
    (await database.blobs.bulkGet(hashes)).filter((b): b is MaterialFile => b !== undefined).map((b) => [b.sha256, b]),
  );
  return manifest.materials.map((material) => {
    const choice = choices.get(material.id);
    const blob = blobs.get(material.sha256);
    const previousBlob = choice?.previousSha256 ? blobs.get(choice.previousSha256) : undefined;
    return {
      material,
      ...(choice ? { choice } : {}),
      ...(blob ? { blob } : {}),
      ...(previousBlob ? { previousBlob } : {}),
      availableOffline: blob?.state === "complete",
    };
  });
}

export interface DownloadProgress {
  totalBytes: number;
  storedBytes: number;
  /** Sum of the speeds of files downloading now (one at a time, so usually one). */
  bytesPerSecond?: number;
  secondsLeft?: number;
  /** Files still to finish (queued, downloading, paused, verifying). */
  pendingFiles: number;
  failedFiles: number;
}

/** Overall progress of a set of files, e.g. one workshop's: bytes of total, speed and time left. */
export function downloadProgress(blobs: readonly MaterialFile[]): DownloadProgress {
  let totalBytes = 0;
  let storedBytes = 0;
  let speed = 0;
  let pendingFiles = 0;
  let failedFiles = 0;
  for (const blob of new Map(blobs.map((b) => [b.sha256, b])).values()) {
    totalBytes += blob.size;
    storedBytes += blob.state === "complete" ? blob.size : blob.storedBytes;
    if (blob.state === "downloading" && blob.bytesPerSecond) speed += blob.bytesPerSecond;
    if (blob.state === "failed") failedFiles += 1;
    else if (blob.state !== "complete") pendingFiles += 1;
  }
  const progress: DownloadProgress = { totalBytes, storedBytes, pendingFiles, failedFiles };
  if (speed > 0) {
    progress.bytesPerSecond = speed;
    progress.secondsLeft = Math.ceil(Math.max(0, totalBytes - storedBytes) / speed);
  }
  return progress;
}

/** Lower case, accents removed, with a map from each folded character back to its place in the original. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const plain = char
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase();
    for (let i = 0; i < plain.length; i++) origin.push(index);
    folded += plain;
    index += char.length;
  }
  return { folded, origin };
}

const foldQuery = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();

export interface MaterialSearchHit {
  material: Material;
  /** Where the first word was found first. */
  field: "title" | "description" | "text";
  /** A short piece of text around that first hit. */
  snippet: string;
}

const SNIPPET_RADIUS = 60;

function snippetAround(text: string, start: number, length: number): string {
  const from = Math.max(0, start - SNIPPET_RADIUS);
  const to = Math.min(text.length, start + length + SNIPPET_RADIUS);
  const middle = text.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${middle}${to < text.length ? "…" : ""}`;
}

/** Offline search over every known material's title, description and handout text: every word must match, accents and case ignored. */
export async function searchMaterials(query: string, database: OutriggerDb = db): Promise<MaterialSearchHit[]> {
  const words = foldQuery(query)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const manifests = await database.manifests.toArray();
  const texts = new Map((await database.materialTexts.toArray()).map((t) => [t.sha256, t.text]));
  const hits: MaterialSearchHit[] = [];
  for (const manifest of manifests) {
    for (const material of manifest.materials) {
      const fields = [
        { field: "title" as const, text: material.title },
        { field: "description" as const, text: material.description },
        { field: "text" as const, text: texts.get(material.sha256) ?? "" },
      ].map((f) => ({ ...f, ...fold(f.text) }));
      if (!words.every((word) => fields.some((f) => f.folded.includes(word)))) continue;
      const first = words[0];
      // The snippet prefers the body over the title, which the result already shows.
      const where = [fields[1], fields[2], fields[0]].find((f) => f.folded.includes(first)) ?? fields[0];
      const at = where.folded.indexOf(first);
      const start = where.origin[at] ?? 0;
      const end = at + first.length < where.origin.length ? where.origin[at + first.length] : where.text.length;
      hits.push({ material, field: where.field, snippet: snippetAround(where.text, start, end - start) });
    }
  }
  return hits;
}

export interface StorageSummary {
  usageBytes?: number;
  quotaBytes?: number;
  /** Bytes of materials on the phone, complete or partly downloaded. */
  materialsBytes: number;
  persisted?: boolean;
}

const defaultStorage = (): StorageEstimateSource | undefined =>
  typeof navigator !== "undefined" && navigator.storage ? navigator.storage : undefined;

export async function storageSummary(
  storage: StorageEstimateSource | undefined = defaultStorage(),
  database: OutriggerDb = db,
): Promise<StorageSummary> {
  let materialsBytes = 0;
  await database.blobs.each((blob) => {
    materialsBytes += blob.state === "complete" ? blob.size : blob.storedBytes;
  });
  const summary: StorageSummary = { materialsBytes };
  if (!storage) return summary;
  try {
    const estimate = await storage.estimate();
    if (estimate.usage !== undefined) summary.usageBytes = estimate.usage;
    if (estimate.quota !== undefined) summary.quotaBytes = estimate.quota;
  } catch {
    // Some browsers refuse an estimate in private mode; the materials figure still stands.
  }
  if (storage.persisted) summary.persisted = await storage.persisted().catch(() => false);
  return summary;
}
