// Demo materials made by this project, published to the demo RKC workshop on first start so the library works
// out of the box. Every file is generated with fixed content (or shipped, for the clip), so its sha-256 never changes.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { MaterialKind } from "../../shared/materials";
import type { BlobStore } from "../blobs/blobStore";
import type { OutriggerDatabase } from "../db/database";
import { findWorkshop } from "../db/directory";
import { listMaterials, upsertMaterial } from "../db/materials";
import { DEMO_WORKSHOP_ID } from "../db/seedData";
import { fileTypeOf } from "../materials/fileTypes";
import { chimeWav } from "./chime";
import { rkcGuidePdf } from "./rkcGuide";
import { rkcHandoutHtml } from "./rkcHandout";
import { rkcStructurePng } from "./structureDiagram";

/**
 * The clip was made once with ffmpeg 5.1 (the app never needs ffmpeg at run time):
 *
 *   ffmpeg -f lavfi -i "testsrc=size=320x180:rate=25:duration=3" \
 *     -vf "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='RKC workshop clip':fontcolor=white:fontsize=20:box=1:boxcolor=black@0.6:x=(w-text_w)/2:y=h-40" \
 *     -c:v libvpx-vp9 -b:v 200k -deadline good -an -map_metadata -1 -fflags +bitexact -flags +bitexact rkc-clip.webm
 */
function rkcClipWebm(): Uint8Array {
  return new Uint8Array(readFileSync(new URL("./rkc-clip.webm", import.meta.url)));
}

export interface DemoMaterial {
  fileName: string;
  title: string;
  description: string;
  kind: MaterialKind;
  bytes: () => Uint8Array;
}

export const DEMO_MATERIALS: readonly DemoMaterial[] = [
  {
    fileName: "rkc-at-a-glance.pdf",
    title: "The Revised Kyoto Convention at a glance",
    description:
      "Three-page reading guide: what the RKC is, how the Body, the General Annex and the Specific Annexes fit together, and the deadlines for standards.",
    kind: "document",
    bytes: rkcGuidePdf,
  },
  {
    fileName: "rkc-clearance-checklist.html",
    title: "RKC checklist: clearance in your administration",
    description:
      "One-page handout to go through with colleagues: declarations, control, transparency, and what to do after the workshop.",
    kind: "handout",
    bytes: rkcHandoutHtml,
  },
  {
    fileName: "rkc-structure-diagram.png",
    title: "RKC structure diagram",
    description:
      "The layers of the convention: the Body on top, the General Annex with its ten chapters, and the ten Specific Annexes A to K.",
    kind: "image",
    bytes: rkcStructurePng,
  },
  {
    fileName: "session-chime.wav",
    title: "Session chime",
    description: "The three-second chime that opened each workshop session.",
    kind: "audio",
    bytes: chimeWav,
  },
  {
    fileName: "rkc-workshop-clip.webm",
    title: "Workshop clip",
    description: "A three-second video clip (test pattern) to try the player offline.",
    kind: "video",
    bytes: rkcClipWebm,
  },
];

export interface DemoMaterialsResult {
  /** Materials added by this call (empty when the workshop already had materials). */
  added: string[];
  /** Blobs of demo materials that had gone missing from the store and were written again. */
  restored: string[];
}

/**
 * Adds the demo materials when the demo workshop has none yet; an organiser's own materials are never touched.
 * Also rewrites any demo blob missing from the store (e.g. PostgreSQL kept, DATA_DIR wiped): its content is fixed.
 */
export async function seedDemoMaterials(
  db: OutriggerDatabase,
  blobStore: BlobStore,
  now: Date = new Date(),
): Promise<DemoMaterialsResult> {
  const result: DemoMaterialsResult = { added: [], restored: [] };
  if (!(await findWorkshop(db, DEMO_WORKSHOP_ID))) return result;
  const existing = await listMaterials(db, DEMO_WORKSHOP_ID);
  if (existing.length === 0) {
    for (const demo of DEMO_MATERIALS) {
      const stored = await blobStore.putBytes(demo.bytes());
      const contentType = fileTypeOf(demo.fileName)?.contentType ?? "application/octet-stream";
      await upsertMaterial(
        db,
        {
          workshopId: DEMO_WORKSHOP_ID,
          fileName: demo.fileName,
          title: demo.title,
          description: demo.description,
          kind: demo.kind,
          language: "en",
          contentType,
          size: stored.size,
          sha256: stored.sha256,
        },
        now,
      );
      result.added.push(demo.fileName);
    }
    return result;
  }
  const byName = new Map(existing.map((m) => [m.fileName, m]));
  for (const demo of DEMO_MATERIALS) {
    const material = byName.get(demo.fileName);
    if (!material || (await blobStore.has(material.sha256))) continue;
    // Only when the row still describes the demo file, not a replacement the organiser published under its name.
    const bytes = demo.bytes();
    if (createHash("sha256").update(bytes).digest("hex") !== material.sha256) continue;
    await blobStore.putBytes(bytes);
    result.restored.push(demo.fileName);
  }
  return result;
}
