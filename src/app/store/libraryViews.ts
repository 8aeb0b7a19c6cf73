// The library's screens as data: which workshops, which materials are on the phone, and how far their files are.
import { liveQuery } from "dexie";
import type { Workshop } from "../../shared/directory";
import type { Material } from "../../shared/materials";
import { db, type BlobState, type MaterialFile, type OfflineChoice, type OutriggerDb, type StoredManifest } from "./db";

export interface LibraryWorkshop {
  id: string;
  workshop?: Workshop;
  /** Materials in the manifest; undefined until a manifest has arrived. */
  count?: number;
  /** Kept materials whose file is complete. */
  onPhone: number;
  hasChanges: boolean;
}

/** Workshops of this phone's invitations, and those whose materials arrived in a pack. */
export async function listLibraryWorkshops(database: OutriggerDb = db): Promise<LibraryWorkshop[]> {
  const joined = await database.campaigns.toArray();
  const ids = [
    ...new Set([
      ...joined.map((j) => j.campaign.workshopId),
      ...((await database.manifests.toCollection().primaryKeys()) as string[]),
    ]),
  ];
  return Promise.all(
    ids.map(async (id) => {
      const manifest = await database.manifests.get(id);
      const choices = await database.offlineChoices.where("workshopId").equals(id).toArray();
      const files = await Promise.all(choices.map((c) => database.blobs.get(c.sha256)));
      return {
        workshop: await database.workshops.get(id),
        id,
        count: manifest?.materials.length,
        onPhone: files.filter((f) => f?.state === "complete").length,
        hasChanges: Boolean(manifest?.changes && !manifest.changesSeen),
      };
    }),
  );
}

export interface WorkshopLibraryRow {
  material: Material;
  choice?: OfflineChoice;
  blob?: MaterialFile;
}

export interface WorkshopLibrary {
  manifest?: StoredManifest;
  workshop?: Workshop;
  rows: WorkshopLibraryRow[];
  /** Without an invitation (materials received in a pack) nothing can be fetched from the server. */
  canDownload: boolean;
}

export async function loadWorkshopLibrary(workshopId: string, database: OutriggerDb = db): Promise<WorkshopLibrary> {
  const manifest = await database.manifests.get(workshopId);
  const workshop = await database.workshops.get(workshopId);
  const rows: WorkshopLibraryRow[] = await Promise.all(
    (manifest?.materials ?? []).map(async (material) => {
      const choice = await database.offlineChoices.get(material.id);
      // A material counts as on the phone only when the file of its current content is complete.
      const blob = await database.blobs.get(material.sha256);
      return { material, choice, blob: choice || blob?.state === "complete" ? blob : undefined };
    }),
  );
  const canDownload = (await database.campaigns.toArray()).some((j) => j.campaign.workshopId === workshopId);
  return { manifest, workshop, rows, canDownload };
}

export async function hasManifest(workshopId: string, database: OutriggerDb = db): Promise<boolean> {
  return (await database.manifests.get(workshopId)) !== undefined;
}

/** A workshop's materials whose files are complete on this phone: what a pack made here can hold. */
export async function loadShareableMaterials(
  workshopId: string,
  database: OutriggerDb = db,
): Promise<{ manifest?: StoredManifest; workshop?: Workshop; onPhone: Material[] }> {
  const manifest = await database.manifests.get(workshopId);
  const workshop = await database.workshops.get(workshopId);
  const onPhone: Material[] = [];
  for (const m of manifest?.materials ?? [])
    if ((await database.blobs.get(m.sha256))?.state === "complete") onPhone.push(m);
  return { manifest, workshop, onPhone };
}

/** Workshops with materials kept on this phone, with how many; a workshop not on the phone shows its id. */
export async function listWorkshopsWithKeptMaterials(
  database: OutriggerDb = db,
): Promise<{ id: string; title: string; count: number }[]> {
  const choices = await database.offlineChoices.toArray();
  const ids = [...new Set(choices.map((c) => c.workshopId))];
  return Promise.all(
    ids.map(async (id) => ({
      id,
      title: (await database.workshops.get(id))?.title ?? id,
      count: choices.filter((c) => c.workshopId === id).length,
    })),
  );
}

/** Every material the participant chose to keep, across workshops. */
export async function listKeptMaterials(database: OutriggerDb = db): Promise<Material[]> {
  const manifests = await database.manifests.toArray();
  const chosen = new Set((await database.offlineChoices.toArray()).map((c) => c.materialId));
  return manifests.flatMap((m) => m.materials.filter((x) => chosen.has(x.id)));
}

export async function findMaterial(materialId: string, database: OutriggerDb = db): Promise<Material | undefined> {
  for (const manifest of await database.manifests.toArray()) {
    const found = manifest.materials.find((m) => m.id === materialId);
    if (found) return found;
  }
  return undefined;
}

/** Where a material's current file is: "absent" when the material or its file is unknown here. */
export async function materialFileState(materialId: string, database: OutriggerDb = db): Promise<BlobState | "absent"> {
  const material = await findMaterial(materialId, database);
  return material ? ((await database.blobs.get(material.sha256))?.state ?? "absent") : "absent";
}

/** Changes whenever any material file's bytes or state change: a cue to measure storage again. */
export async function materialFilesFingerprint(database: OutriggerDb = db): Promise<string> {
  return (await database.blobs.toArray()).map((f) => `${f.sha256}:${f.storedBytes}:${f.state}`).join();
}

export function countCompletePdfs(database: OutriggerDb = db): Promise<number> {
  return database.blobs
    .where("state")
    .equals("complete")
    .filter((f) => f.contentType === "application/pdf")
    .count();
}

/** Calls `onCount` now and whenever the number of PDFs kept on the phone changes; returns the unsubscribe. */
export function watchCompletePdfs(onCount: (count: number) => void, database: OutriggerDb = db): () => void {
  const subscription = liveQuery(() => countCompletePdfs(database)).subscribe(onCount);
  return () => subscription.unsubscribe();
}

/** Every unfinished material file across workshops: those that can be paused, and those paused. */
export async function loadDownloadsAcrossWorkshops(
  database: OutriggerDb = db,
): Promise<{ pausable: string[]; paused: string[] }> {
  const files = await database.blobs.where("state").anyOf("queued", "downloading", "paused").toArray();
  return {
    pausable: files.filter((f) => f.state !== "paused").map((f) => f.sha256),
    paused: files.filter((f) => f.state === "paused").map((f) => f.sha256),
  };
}
