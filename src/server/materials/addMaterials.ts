// Publishing files as a workshop's materials: hash and store each file once, then add or replace its row.
// Used by `npm run materials:add`, by the demo seed, and in-process by tests and the bench.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { MATERIAL_KINDS, type Material, type MaterialKind } from "../../shared/materials";
import type { BlobStore } from "../blobs/blobStore";
import type { OutriggerDatabase } from "../db/database";
import { findWorkshop } from "../db/directory";
import { listMaterials, manifestVersion, upsertMaterial, type MaterialOutcome } from "../db/materials";
import { fileTypeOf, KNOWN_EXTENSIONS, readableTitle } from "./fileTypes";

export interface AddMaterialsOptions {
  /** Only with a single file. Default: the file name made readable (or the existing title when replacing). */
  title?: string;
  description?: string;
  /** Default: from the extension. */
  kind?: MaterialKind;
  /** BCP 47; default "en" (or the existing language when replacing). */
  language?: string;
  /** Default: from the extension, application/octet-stream when unknown. */
  contentType?: string;
  /** The name participants see; default the file's own name. Only with a single file. */
  fileName?: string;
  now?: Date;
}

export interface AddedMaterial {
  path: string;
  outcome: MaterialOutcome;
  material: Material;
  /** The content hash it had before, when it was replaced. */
  previousSha256?: string;
}

export interface AddMaterialsResult {
  workshopId: string;
  materials: AddedMaterial[];
  previousVersion: string;
  version: string;
}

/** A problem the person running the command can fix; printed without a stack. */
export class MaterialsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MaterialsInputError";
  }
}

export async function addMaterials(
  db: OutriggerDatabase,
  blobStore: BlobStore,
  workshopId: string,
  files: readonly string[],
  options: AddMaterialsOptions = {},
): Promise<AddMaterialsResult> {
  if (files.length === 0) throw new MaterialsInputError("Name at least one file to add.");
  if (files.length > 1 && (options.title !== undefined || options.fileName !== undefined)) {
    throw new MaterialsInputError(
      "--title names one material: add files one at a time when giving each its own title.",
    );
  }
  if (options.kind !== undefined && !MATERIAL_KINDS.includes(options.kind)) {
    throw new MaterialsInputError(`Unknown kind "${options.kind}". Kinds: ${MATERIAL_KINDS.join(", ")}.`);
  }
  if (!(await findWorkshop(db, workshopId))) throw new MaterialsInputError(`There is no workshop "${workshopId}".`);

  // Check every file before storing any, so a typo in the last name leaves nothing half-published.
  const plans = [];
  for (const path of files) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new MaterialsInputError(`File not found: ${path}`);
    if (!info.isFile()) throw new MaterialsInputError(`Not a file: ${path}`);
    const fileName = options.fileName ?? basename(path);
    const type = fileTypeOf(fileName);
    const kind = options.kind ?? type?.kind;
    if (!kind)
      throw new MaterialsInputError(
        `Cannot tell what kind of material ${fileName} is (known extensions: ${KNOWN_EXTENSIONS.join(", ")}). Pass --kind.`,
      );
    plans.push({
      path,
      fileName,
      kind,
      contentType: options.contentType ?? type?.contentType ?? "application/octet-stream",
    });
  }

  const before = await listMaterials(db, workshopId);
  const existing = new Map(before.map((m) => [m.fileName, m]));
  const now = options.now ?? new Date();
  const added: AddedMaterial[] = [];
  for (const plan of plans) {
    const stored = await blobStore.putFile(plan.path);
    const previous = existing.get(plan.fileName);
    const { material, outcome } = await upsertMaterial(
      db,
      {
        workshopId,
        fileName: plan.fileName,
        title: options.title ?? previous?.title ?? readableTitle(plan.fileName),
        description: options.description ?? previous?.description ?? "",
        kind: plan.kind,
        language: options.language ?? previous?.language ?? "en",
        contentType: plan.contentType,
        size: stored.size,
        sha256: stored.sha256,
      },
      now,
    );
    added.push({
      path: plan.path,
      outcome,
      material,
      ...(previous && previous.sha256 !== material.sha256 ? { previousSha256: previous.sha256 } : {}),
    });
  }
  return {
    workshopId,
    materials: added,
    previousVersion: manifestVersion(before),
    version: manifestVersion(await listMaterials(db, workshopId)),
  };
}
