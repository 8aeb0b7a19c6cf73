// Publishing materials on the real server from a test, the way `npm run materials:add` does.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Material } from "../../../src/shared/materials";
import { listMaterials } from "../../../src/server/db/materials";
import { addMaterials } from "../../../src/server/materials/addMaterials";
import type { RunningServer } from "../../../src/server/serve";

/** The demo RKC workshop that the demo invitations unlock. */
export const DEMO_WORKSHOP = "fy2223-09-rkc";

/**
 * Adds files to the demo workshop. With `replaceTitle`, the one file given replaces the existing
 * material whose title matches (same file name = a new version of that material).
 */
export async function addMaterialFiles(
  server: RunningServer,
  paths: string[],
  options: { title?: string; replaceTitle?: RegExp } = {},
): Promise<Material> {
  let files = paths;
  if (options.replaceTitle) {
    const existing = (await listMaterials(server.db, DEMO_WORKSHOP)).find((m) => options.replaceTitle!.test(m.title));
    if (!existing) throw new Error(`No material titled ${options.replaceTitle} in ${DEMO_WORKSHOP}`);
    const renamed = join(mkdtempSync(join(tmpdir(), "outrigger-replace-")), existing.fileName);
    copyFileSync(paths[0], renamed);
    files = [renamed];
  }
  const result = await addMaterials(
    server.db,
    server.blobStore,
    DEMO_WORKSHOP,
    files,
    options.title ? { title: options.title } : {},
  );
  return result.materials[0].material;
}
