// A seeded database with a temporary blob store holding the demo materials, and an app serving both.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { invitationAuthorization } from "../../../src/shared/materials";
import { createBlobStore, type BlobStore } from "../../../src/server/blobs/blobStore";
import { seedDemoMaterials } from "../../../src/server/demoMaterials/index";
import { createApp } from "../../../src/server/http/app";
import { addCampaign } from "./replyFixtures";
import { openSeededDatabase, type Engine } from "./testDatabase";

export const OTHER_WORKSHOP_ID = "fy2223-03-mea";
export const OTHER_WORKSHOP_CODE = "MEAW-FJ1";

export interface MaterialsContext {
  db: Awaited<ReturnType<typeof openSeededDatabase>>["db"];
  blobStore: BlobStore;
  app: ReturnType<typeof createApp>;
  /** A temporary folder for files a test writes. */
  scratch: string;
  writeFile(name: string, content: Uint8Array | string): string;
  close(): Promise<void>;
}

export async function openMaterialsContext(engine: Engine, now: Date): Promise<MaterialsContext> {
  const ctx = await openSeededDatabase(engine, now);
  const root = mkdtempSync(join(tmpdir(), "outrigger-materials-"));
  const scratch = join(root, "files");
  const blobStore = createBlobStore(join(root, "blobs"));
  await seedDemoMaterials(ctx.db, blobStore, now);
  // A participant of another workshop, whose invitation must not open the RKC materials.
  await addCampaign(ctx.db, { id: "fy2223-03-mea-follow-up", workshopId: OTHER_WORKSHOP_ID }, OTHER_WORKSHOP_CODE, now);
  const app = createApp({ db: ctx.db, now: () => now, blobStore, staticDir: "/nonexistent-outrigger-dist" });
  return {
    db: ctx.db,
    blobStore,
    app,
    scratch,
    writeFile: (name, content) => {
      const path = join(scratch, name);
      mkdirSync(scratch, { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    close: async () => {
      await ctx.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export const auth = (code = "DEMO-TO1") => ({ Authorization: invitationAuthorization(code) });

/** Bytes 0,1,2,…,250,0,1,… so any range's content is easy to predict. */
export function patternBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 251;
  return bytes;
}
