// Packs on the phone: imported into the library's content-addressed chunks, exported from them, searchable.
import "fake-indexeddb/auto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../src/app/store/db";
import { readMaterialBlob } from "../../src/app/store/library";
import { createPackImportStore, readStoredFile, recordImportedPack } from "../../src/app/store/packStore";
import { readPack, writePack } from "../../src/shared/packs";
import {
  WORKSHOP,
  bytesSource,
  chunksOf,
  makeKeyPair,
  material,
  memorySink,
  patternBytes,
  type TestKey,
} from "../fixtures/packSupport";
import { resetDb } from "./support/fixtures";

beforeEach(resetDb);
// Only verified packs join the library (unsigned ones land apart: see packTrust.test.ts), so these packs are signed.
let key: TestKey;
beforeAll(async () => {
  key = await makeKeyPair();
});
const check = (bytes: Uint8Array) =>
  readPack(bytesSource(bytes), createPackImportStore(), { signingKey: key.signingKey });

// Just over one 512 KB chunk, so the guide must be stored in pieces; bigger files prove nothing more and cost seconds.
// Smaller cannot prove it (the chunk size is the app's own), and signing, zipping, hashing and storing 600 KB in
// fake-indexeddb takes about a second here but several on a busy machine: hence the explicit, generous timeouts below.
const PACK_TEST_TIMEOUT_MS = 30_000;
const guide = patternBytes(600_000, 1);
const slides = patternBytes(50_000, 2);
const materials = [
  material("m-guide", "RKC guide", "guide.pdf", guide),
  material("m-slides", "Day 1 slides", "slides.pdf", slides),
];

async function makePack(files = materials, bytes = [guide, slides]) {
  const sink = memorySink();
  const manifest = { workshopId: WORKSHOP.id, version: "v1", materials, workshop: WORKSHOP };
  await writePack(
    {
      workshop: WORKSHOP,
      manifest,
      signature: await key.sign(manifest),
      appVersion: "test",
      files: files.map((m, i) => ({ material: m, read: () => chunksOf(bytes[i]) })),
    },
    sink,
  );
  return sink.bytes();
}

describe("packs on the phone's database", () => {
  it(
    "import into the same content-addressed chunks the library reads, and show the workshop with no invitation",
    { timeout: PACK_TEST_TIMEOUT_MS },
    async () => {
      const result = await check(await makePack());
      await recordImportedPack(result);
      expect(result.imported).toHaveLength(2);
      const stored = await readMaterialBlob(materials[0].sha256);
      // Buffer.equals, not toEqual: toEqual walks typed arrays element by element (seconds per megabyte).
      expect(Buffer.from(await stored!.arrayBuffer()).equals(Buffer.from(guide))).toBe(true);
      // Written in pieces, not as one record: a large file never has to fit in memory at once.
      expect((await db.blobs.get(materials[0].sha256))?.chunkCount).toBe(2);
      expect(await db.campaigns.count()).toBe(0);
      expect((await db.manifests.get(WORKSHOP.id))?.materials.map((m) => m.id).sort()).toEqual(["m-guide", "m-slides"]);
      expect((await db.offlineChoices.toArray()).map((c) => c.materialId).sort()).toEqual(["m-guide", "m-slides"]);
    },
  );

  it("leave no trace of an entry that failed its check", async () => {
    const store = createPackImportStore();
    await store.begin(materials[1].sha256, slides.length, "application/pdf");
    await store.write(materials[1].sha256, slides.subarray(0, 30_000));
    await store.discard(materials[1].sha256);
    expect(await db.blobs.get(materials[1].sha256)).toBeUndefined();
    expect(await db.blobChunks.where("sha256").equals(materials[1].sha256).count()).toBe(0);
  });

  it(
    "export what the phone holds, byte for byte, and skip files it already has on import",
    { timeout: PACK_TEST_TIMEOUT_MS },
    async () => {
      await recordImportedPack(await check(await makePack()));
      const parts: Uint8Array[] = [];
      for await (const chunk of readStoredFile(materials[0].sha256)) parts.push(chunk);
      expect(parts.length).toBe(2);
      expect(Buffer.concat(parts).equals(Buffer.from(guide))).toBe(true);
      const again = await check(await makePack());
      expect(again.imported).toHaveLength(0);
      expect(again.alreadyPresent).toHaveLength(2);
    },
  );
});

describe("handouts in a pack", () => {
  it("become searchable offline after import", async () => {
    const html = new TextEncoder().encode(
      "<h1>Checklist</h1><p>Verify the transit guarantee before release.</p><script>alert(1)</script>",
    );
    const handout = material("m-handout", "Checklist", "checklist.html", html, {
      kind: "handout",
      contentType: "text/html",
    });
    const sink = memorySink();
    const manifest = { workshopId: WORKSHOP.id, version: "v2", materials: [handout], workshop: WORKSHOP };
    await writePack(
      {
        workshop: WORKSHOP,
        manifest,
        signature: await key.sign(manifest),
        appVersion: "test",
        files: [{ material: handout, read: () => chunksOf(html) }],
      },
      sink,
    );
    const result = await check(sink.bytes());
    await recordImportedPack(result);
    const { searchMaterials } = await import("../../src/app/store/library");
    const hits = await searchMaterials("transit guarantee");
    expect(hits.map((h) => h.material.id)).toEqual(["m-handout"]);
    expect(hits[0].snippet).not.toContain("alert");
  });
});
