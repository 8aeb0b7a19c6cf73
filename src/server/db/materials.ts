// Materials of a workshop and the manifest that lists them; the files themselves are in the blob store.
import { createHash } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { canonicalJson } from "../../shared/canonicalJson";
import { sha256Hex, type Material, type MaterialKind, type MaterialsManifest } from "../../shared/materials";
import type { OutriggerDatabase } from "./database";
import type { MaterialRow } from "./schema";

function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    title: row.title,
    description: row.description,
    kind: row.kind as MaterialKind,
    language: row.language,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: sha256Hex.parse(row.sha256),
    updatedAt: row.updated_at,
  };
}

/** Materials of one workshop, by title (the order a person reads the list in). */
export async function listMaterials(db: OutriggerDatabase, workshopId: string): Promise<Material[]> {
  const rows = await db
    .selectFrom("materials")
    .selectAll()
    .where("workshop_id", "=", workshopId)
    .orderBy("title")
    .orderBy("file_name")
    .execute();
  return rows.map(toMaterial);
}

export async function findMaterialByFileName(
  db: OutriggerDatabase,
  workshopId: string,
  fileName: string,
): Promise<Material | undefined> {
  const row = await db
    .selectFrom("materials")
    .selectAll()
    .where("workshop_id", "=", workshopId)
    .where("file_name", "=", fileName)
    .executeTakeFirst();
  return row ? toMaterial(row) : undefined;
}

/** The workshop's newest material with this content, if the workshop has one: what a blob is served as. */
export async function findWorkshopMaterialBySha256(
  db: OutriggerDatabase,
  workshopId: string,
  sha256: string,
): Promise<Material | undefined> {
  const row = await db
    .selectFrom("materials")
    .selectAll()
    .where("workshop_id", "=", workshopId)
    .where("sha256", "=", sha256)
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .executeTakeFirst();
  return row ? toMaterial(row) : undefined;
}

/** Changes whenever any material of the list is added, changed or removed; independent of row order. */
export function manifestVersion(materials: readonly Material[]): string {
  const sorted = [...materials].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash("sha256").update(canonicalJson(sorted)).digest("hex").slice(0, 32);
}

export function buildManifest(workshopId: string, materials: Material[], generatedAt: Date): MaterialsManifest {
  return { workshopId, version: manifestVersion(materials), generatedAt: generatedAt.toISOString(), materials };
}

export interface MaterialInput {
  workshopId: string;
  fileName: string;
  title: string;
  description: string;
  kind: MaterialKind;
  language: string;
  contentType: string;
  size: number;
  sha256: string;
}

export type MaterialOutcome = "added" | "changed" | "unchanged";

/**
 * Adds a material, or replaces the one with the same file name in the workshop: it keeps its id (so a
 * phone sees it as changed, not as removed and added) and gets the new content and time.
 */
export async function upsertMaterial(
  db: OutriggerDatabase,
  input: MaterialInput,
  now: Date,
): Promise<{ material: Material; outcome: MaterialOutcome; previous?: Material }> {
  const previous = await findMaterialByFileName(db, input.workshopId, input.fileName);
  const values = {
    title: input.title,
    description: input.description,
    kind: input.kind,
    language: input.language,
    content_type: input.contentType,
    size: input.size,
    sha256: input.sha256,
    updated_at: now.toISOString(),
  };
  if (!previous) {
    const id = uuidv7();
    await db
      .insertInto("materials")
      .values({ id, workshop_id: input.workshopId, file_name: input.fileName, ...values })
      .execute();
    return {
      material: { id, workshopId: input.workshopId, fileName: input.fileName, ...toMaterialFields(values) },
      outcome: "added",
    };
  }
  const same =
    previous.title === input.title &&
    previous.description === input.description &&
    previous.kind === input.kind &&
    previous.language === input.language &&
    previous.contentType === input.contentType &&
    previous.size === input.size &&
    previous.sha256 === input.sha256;
  if (same) return { material: previous, outcome: "unchanged", previous };
  await db.updateTable("materials").set(values).where("id", "=", previous.id).execute();
  return { material: { ...previous, ...toMaterialFields(values) }, outcome: "changed", previous };
}

function toMaterialFields(v: {
  title: string;
  description: string;
  kind: MaterialKind;
  language: string;
  content_type: string;
  size: number;
  sha256: string;
  updated_at: string;
}) {
  return {
    title: v.title,
    description: v.description,
    kind: v.kind,
    language: v.language,
    contentType: v.content_type,
    size: v.size,
    sha256: sha256Hex.parse(v.sha256),
    updatedAt: v.updated_at,
  };
}

export async function deleteMaterial(db: OutriggerDatabase, id: string): Promise<boolean> {
  const result = await db.deleteFrom("materials").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every distinct hash any material refers to (to find blobs a store lost, or may drop). */
export async function listReferencedSha256(db: OutriggerDatabase): Promise<string[]> {
  const rows = await db.selectFrom("materials").select("sha256").distinct().orderBy("sha256").execute();
  return rows.map((r) => r.sha256);
}
