// The phone's side of packs: material files read out of IndexedDB for export, and imported files written
// into it in the same content-addressed chunks the downloader uses, so both paths share one library.
import type { Material } from "../../shared/materials";
import type { PackManifest } from "../../shared/pack";
import type { PackImportResult } from "../../shared/packs";
import { db as defaultDb, type OutriggerDb, type UnverifiedPack } from "./db";
import { handoutPlainText } from "./handoutText";

const CHUNK_BYTES = 512 * 1024;

/** A complete material file as a stream of chunks, one IndexedDB record at a time (memory stays flat). */
export async function* readStoredFile(sha256: string, database: OutriggerDb = defaultDb): AsyncIterable<Uint8Array> {
  const blob = await database.blobs.get(sha256);
  if (!blob || blob.state !== "complete") throw new Error("This file is not fully on this phone.");
  for (let index = 0; index < blob.chunkCount; index++) {
    const chunk = await database.blobChunks.get([sha256, index]);
    if (!chunk) throw new Error("Part of this file is missing on this phone.");
    yield new Uint8Array(await chunk.data.arrayBuffer());
  }
}

interface Pending {
  size: number;
  contentType: string;
  buffered: Uint8Array[];
  bufferedBytes: number;
  storedBytes: number;
  chunkCount: number;
}

/** Receives verified pack entries; nothing is shown as available until `commit`, and `discard` leaves no trace. */
export function createPackImportStore(database: OutriggerDb = defaultDb, now: () => Date = () => new Date()) {
  const pending = new Map<string, Pending>();

  async function flush(sha256: string, entry: Pending): Promise<void> {
    if (entry.bufferedBytes === 0) return;
    const data = new Blob(entry.buffered as BlobPart[]);
    const index = entry.chunkCount;
    const offset = entry.storedBytes;
    entry.storedBytes += entry.bufferedBytes;
    entry.chunkCount += 1;
    entry.buffered = [];
    entry.bufferedBytes = 0;
    await database.transaction("rw", [database.blobChunks, database.blobs], async () => {
      await database.blobChunks.put({ sha256, index, offset, data });
      await database.blobs.update(sha256, {
        storedBytes: entry.storedBytes,
        chunkCount: entry.chunkCount,
        updatedAt: now().toISOString(),
      });
    });
  }

  return {
    async has(sha256: string): Promise<boolean> {
      return (await database.blobs.get(sha256))?.state === "complete";
    },
    async begin(sha256: string, size: number, contentType: string): Promise<void> {
      await database.blobChunks.where("sha256").equals(sha256).delete();
      await database.blobs.put({
        sha256,
        size,
        contentType,
        storedBytes: 0,
        chunkCount: 0,
        state: "verifying",
        updatedAt: now().toISOString(),
      });
      pending.set(sha256, { size, contentType, buffered: [], bufferedBytes: 0, storedBytes: 0, chunkCount: 0 });
    },
    async write(sha256: string, chunk: Uint8Array): Promise<void> {
      const entry = pending.get(sha256);
      if (!entry) throw new Error("write before begin");
      entry.buffered.push(chunk.slice());
      entry.bufferedBytes += chunk.length;
      if (entry.bufferedBytes >= CHUNK_BYTES) await flush(sha256, entry);
    },
    async commit(sha256: string): Promise<void> {
      const entry = pending.get(sha256);
      if (!entry) throw new Error("commit before begin");
      await flush(sha256, entry);
      pending.delete(sha256);
      const at = now().toISOString();
      await database.blobs.update(sha256, { state: "complete", completedAt: at, updatedAt: at });
    },
    async discard(sha256: string): Promise<void> {
      pending.delete(sha256);
      await database.transaction("rw", [database.blobChunks, database.blobs], async () => {
        await database.blobChunks.where("sha256").equals(sha256).delete();
        const blob = await database.blobs.get(sha256);
        if (blob && blob.state !== "complete") await database.blobs.delete(sha256);
      });
    },
  };
}

/**
 * After an import. A verified pack joins the library: the workshop and its signed manifest become visible, and every
 * file now on the phone is recorded as kept there — no invitation or account needed to read them. An unverified pack
 * lands apart (unverifiedPacks), marked, and changes nothing the library shows: it can never replace or shadow a
 * verified list, whatever version it claims.
 */
export async function recordImportedPack(
  result: Pick<PackImportResult, "manifest" | "verification">,
  database: OutriggerDb = defaultDb,
  now: () => Date = () => new Date(),
): Promise<void> {
  const { manifest, verification } = result;
  const at = now().toISOString();
  if (verification.status !== "verified") {
    const apart: UnverifiedPack = {
      workshopId: manifest.manifest.workshopId,
      workshop: manifest.workshop,
      version: manifest.manifest.version,
      materials: manifest.manifest.materials as Material[],
      entries: manifest.entries,
      verified: false,
      reason: verification.reason,
      importedAt: at,
    };
    await database.unverifiedPacks.put(apart);
    return;
  }
  await database.transaction(
    "rw",
    [database.workshops, database.manifests, database.offlineChoices, database.blobs],
    async () => {
      // Under a payload 2 signature the workshop was signed too; an older pack only adds a workshop the phone lacks.
      const signedWorkshop = manifest.manifest.workshop;
      if (signedWorkshop) await database.workshops.put(signedWorkshop);
      else if (!(await database.workshops.get(manifest.workshop.id))) await database.workshops.put(manifest.workshop);
      const existing = await database.manifests.get(manifest.manifest.workshopId);
      // A newer manifest fetched from the server wins over an older one carried in a pack.
      if (!existing || existing.version === manifest.manifest.version || existing.materials.length === 0) {
        await database.manifests.put({
          workshopId: manifest.manifest.workshopId,
          version: manifest.manifest.version,
          fetchedAt: existing?.fetchedAt ?? at,
          materials: manifest.manifest.materials as Material[],
          changesSeen: true,
          ...(manifest.signature ? { signature: manifest.signature } : {}),
          ...(signedWorkshop ? { workshop: signedWorkshop } : {}),
        });
      }
      for (const entry of manifest.entries) {
        if ((await database.blobs.get(entry.sha256))?.state !== "complete") continue;
        if (!(await database.offlineChoices.get(entry.materialId))) {
          await database.offlineChoices.put({
            materialId: entry.materialId,
            workshopId: manifest.manifest.workshopId,
            sha256: entry.sha256,
            chosenAt: at,
          });
        }
      }
    },
  );
  await indexHandouts(manifest, database);
}

/** Handouts become searchable offline, as when they are downloaded. */
async function indexHandouts(manifest: PackManifest, database: OutriggerDb): Promise<void> {
  for (const material of manifest.manifest.materials) {
    if (material.kind !== "handout" || !manifest.entries.some((e) => e.sha256 === material.sha256)) continue;
    if (await database.materialTexts.get(material.sha256)) continue;
    const blob = await database.blobs.get(material.sha256);
    if (blob?.state !== "complete") continue;
    const chunks = await database.blobChunks.where("sha256").equals(material.sha256).sortBy("index");
    const text = handoutPlainText(await new Blob(chunks.map((c) => c.data)).text());
    await database.materialTexts.put({ sha256: material.sha256, text });
  }
}

/** Packs imported without a valid signature, newest first: shown apart from the library, marked "Not verified". */
export async function listUnverifiedPacks(database: OutriggerDb = defaultDb): Promise<UnverifiedPack[]> {
  const packs = await database.unverifiedPacks.toArray();
  return packs.sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0));
}
