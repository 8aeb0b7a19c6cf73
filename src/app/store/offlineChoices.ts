// What the participant chose to keep on the phone, and the rule for freeing a file: only when no choice points at it.
import Dexie, { type IndexableType } from "dexie";
import type { Material } from "../../shared/materials";
import { db, type OfflineChoice, type OutriggerDb, type MaterialFile } from "./db";

/** The tables a change to choices and their files touches; callers open one transaction over all of them. */
export const offlineTables = (database: OutriggerDb) => [
  database.offlineChoices,
  database.blobs,
  database.blobChunks,
  database.materialTexts,
];

/** A file is in use while a choice points at it, as its current content or as the earlier version kept until an update is verified. */
export async function blobInUse(sha256: string, database: OutriggerDb = db): Promise<boolean> {
  if ((await database.offlineChoices.where("sha256").equals(sha256).count()) > 0) return true;
  return (await database.offlineChoices.filter((choice) => choice.previousSha256 === sha256).count()) > 0;
}

/** The key range of one file's chunks, in index order. */
export const chunkRange = (sha256: string): [IndexableType, IndexableType] => [
  [sha256, Dexie.minKey],
  [sha256, Dexie.maxKey],
];

/** Deletes a file's stored bytes (not its row); call inside a transaction that includes blobChunks. */
export async function deleteChunks(sha256: string, database: OutriggerDb = db): Promise<void> {
  await database.blobChunks.where("sha256").equals(sha256).delete();
}

/** Removes a file, its bytes and its extracted text. Call inside a transaction over `offlineTables`. */
export async function deleteBlob(sha256: string, database: OutriggerDb = db): Promise<void> {
  await deleteChunks(sha256, database);
  await database.blobs.delete(sha256);
  await database.materialTexts.delete(sha256);
}

/** Frees a file no choice points at any more; returns whether it was deleted. Call inside a transaction over `offlineTables`. */
export async function deleteBlobIfUnused(sha256: string | undefined, database: OutriggerDb = db): Promise<boolean> {
  if (sha256 === undefined || (await blobInUse(sha256, database))) return false;
  if (!(await database.blobs.get(sha256))) return false;
  await deleteBlob(sha256, database);
  return true;
}

/** A row for a file still to fetch; an existing row is kept (content addressing: it may already be complete or partly stored). */
export async function ensureBlobQueued(
  file: { sha256: string; size: number; contentType: string },
  at: string,
  database: OutriggerDb = db,
): Promise<MaterialFile> {
  const existing = await database.blobs.get(file.sha256);
  if (existing && existing.state !== "failed") return existing;
  const row: MaterialFile = {
    sha256: file.sha256,
    size: file.size,
    contentType: file.contentType,
    storedBytes: 0,
    chunkCount: 0,
    state: "queued",
    updatedAt: at,
  };
  // A failed file has no bytes left (failure always drops them), so starting over is a fresh row.
  if (existing) await deleteChunks(file.sha256, database);
  await database.blobs.put(row);
  return row;
}

/** Keeps the materials on the phone: records each choice and makes sure its file has a row. Returns the files still to fetch. */
export async function chooseOffline(
  materials: readonly Material[],
  at: string,
  database: OutriggerDb = db,
): Promise<string[]> {
  return database.transaction("rw", offlineTables(database), async () => {
    const toFetch: string[] = [];
    for (const material of materials) {
      const existing = await database.offlineChoices.get(material.id);
      const choice: OfflineChoice = {
        materialId: material.id,
        workshopId: material.workshopId,
        sha256: material.sha256,
        chosenAt: existing?.chosenAt ?? at,
      };
      if (existing?.previousSha256 && existing.sha256 === material.sha256)
        choice.previousSha256 = existing.previousSha256;
      await database.offlineChoices.put(choice);
      if (existing && existing.sha256 !== material.sha256) await deleteBlobIfUnused(existing.sha256, database);
      const row = await ensureBlobQueued(material, at, database);
      if (row.state === "paused") await database.blobs.update(row.sha256, { state: "queued", updatedAt: at });
      if (row.state !== "complete" && !toFetch.includes(row.sha256)) toFetch.push(row.sha256);
    }
    return toFetch;
  });
}

/** Drops a file and every choice that keeps it, as current content or as the earlier version. */
export async function forgetFile(sha256: string, database: OutriggerDb = db): Promise<void> {
  await database.transaction("rw", offlineTables(database), async () => {
    const choices = await database.offlineChoices.where("sha256").equals(sha256).toArray();
    await database.offlineChoices.bulkDelete(choices.map((c) => c.materialId));
    // Choices still reading this file as their earlier version lose it too.
    for (const choice of await database.offlineChoices.filter((c) => c.previousSha256 === sha256).toArray()) {
      const { previousSha256: _gone, ...rest } = choice;
      await database.offlineChoices.put(rest);
    }
    await deleteBlob(sha256, database);
    for (const choice of choices) await deleteBlobIfUnused(choice.previousSha256, database);
  });
}

export const offlineChoice = (materialId: string, database: OutriggerDb = db): Promise<OfflineChoice | undefined> =>
  database.offlineChoices.get(materialId);

/** Whether a material other than this choice's keeps the same file. */
export async function fileSharedWithOthers(choice: OfflineChoice, database: OutriggerDb = db): Promise<boolean> {
  return (
    (await database.offlineChoices
      .where("sha256")
      .equals(choice.sha256)
      .and((c) => c.materialId !== choice.materialId)
      .count()) > 0
  );
}

/** Removes one choice and the files nothing keeps any more; returns the files freed. */
export async function unchoose(choice: OfflineChoice, database: OutriggerDb = db): Promise<string[]> {
  return database.transaction("rw", offlineTables(database), async () => {
    await database.offlineChoices.delete(choice.materialId);
    const freed: string[] = [];
    for (const sha of [choice.sha256, choice.previousSha256])
      if (sha && (await deleteBlobIfUnused(sha, database))) freed.push(sha);
    return freed;
  });
}

/** The workshops whose chosen materials use this file. */
export async function workshopsKeeping(sha256: string, database: OutriggerDb = db): Promise<string[]> {
  const choices = await database.offlineChoices.where("sha256").equals(sha256).toArray();
  return [...new Set(choices.map((c) => c.workshopId))];
}
