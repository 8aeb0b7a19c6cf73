// The phone's materials library: files read only once complete, listing with choices and states, search, storage sums.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { db, type MaterialFile } from "../../src/app/store/db";
import { handoutPlainText } from "../../src/app/store/handoutText";
import {
  downloadProgress,
  formatBytes,
  listWorkshopMaterials,
  readMaterialBlob,
  searchMaterials,
  storageSummary,
} from "../../src/app/store/library";
import { resetDb, materialFileRow } from "./support/fixtures";
import { makeBytes, materialFor, WORKSHOP_ID } from "./support/fakeMaterialsServer";

const AT = "2023-06-10T10:00:00.000Z";
const bytesA = makeBytes(100, 1);
const bytesB = makeBytes(200, 2);
const deck = materialFor("deck", bytesA, {
  title: "Valoración en aduana",
  description: "Slides on customs valuation under the WTO agreement.",
});
const handout = materialFor("handout", bytesB, { kind: "handout", title: "Day 2 handout", description: "Exercises" });

const blobRow = ({ sha256, ...rest }: Partial<MaterialFile> & { sha256: string }): MaterialFile =>
  materialFileRow(sha256, rest);

beforeEach(async () => {
  await resetDb();
  await db.manifests.put({ workshopId: WORKSHOP_ID, version: "v1", fetchedAt: AT, materials: [deck, handout] });
});

describe("library", () => {
  it("reads a file only once complete, joining its chunks in index order", async () => {
    await db.blobs.put(blobRow({ sha256: deck.sha256, storedBytes: 100, chunkCount: 2, state: "verifying" }));
    await db.blobChunks.bulkPut([
      { sha256: deck.sha256, index: 1, offset: 60, data: new Blob([bytesA.slice(60)]) },
      { sha256: deck.sha256, index: 0, offset: 0, data: new Blob([bytesA.slice(0, 60)]) },
    ]);
    expect(await readMaterialBlob(deck.sha256)).toBeUndefined();
    await db.blobs.update(deck.sha256, { state: "complete" });
    const blob = await readMaterialBlob(deck.sha256);
    expect(blob?.type).toBe("application/pdf");
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(bytesA);
  });

  it("lists a workshop's materials with the choice and file state of each", async () => {
    await db.offlineChoices.put({ materialId: "deck", workshopId: WORKSHOP_ID, sha256: deck.sha256, chosenAt: AT });
    await db.blobs.put(blobRow({ sha256: deck.sha256, storedBytes: 100, state: "complete" }));
    const list = await listWorkshopMaterials(WORKSHOP_ID);
    expect(list.map((m) => [m.material.id, m.choice?.materialId, m.blob?.state, m.availableOffline])).toEqual([
      ["deck", "deck", "complete", true],
      ["handout", undefined, undefined, false],
    ]);
  });

  it("search ignores case and accents, needs every word, and finds handout text with a snippet", async () => {
    await db.materialTexts.put({
      sha256: handout.sha256,
      text: `${"Introduction. ".repeat(10)}Risk management starts with a risk profile of each consignment and ends with a review.`,
    });
    expect((await searchMaterials("VALORACION")).map((h) => h.material.id)).toEqual(["deck"]);
    expect((await searchMaterials("valuation wto")).map((h) => [h.material.id, h.field])).toEqual([
      ["deck", "description"],
    ]);
    expect(await searchMaterials("valuation kyoto")).toEqual([]);
    const [hit] = await searchMaterials("consignment profile");
    expect(hit).toMatchObject({ material: { id: "handout" }, field: "text" });
    expect(hit.snippet).toContain("consignment");
    expect(hit.snippet.startsWith("…")).toBe(true);
    expect(hit.snippet.length).toBeLessThan(160);
    expect(await searchMaterials("   ")).toEqual([]);
  });

  it("sums the bytes of complete and partial files and reports the browser's estimate", async () => {
    await db.blobs.bulkPut([
      blobRow({ sha256: deck.sha256, size: 100, storedBytes: 100, state: "complete" }),
      blobRow({ sha256: handout.sha256, size: 200, storedBytes: 50, state: "paused" }),
    ]);
    const summary = await storageSummary({
      estimate: async () => ({ usage: 5000, quota: 10_000 }),
      persisted: async () => true,
    });
    expect(summary).toEqual({ materialsBytes: 150, usageBytes: 5000, quotaBytes: 10_000, persisted: true });
    expect(await storageSummary(undefined)).toEqual({ materialsBytes: 150 });
  });

  it("overall progress gives bytes of total, speed and time left", () => {
    const progress = downloadProgress([
      blobRow({ sha256: "a", size: 1000, storedBytes: 1000, state: "complete" }),
      blobRow({ sha256: "b", size: 3000, storedBytes: 1000, state: "downloading", bytesPerSecond: 500 }),
    ]);
    expect(progress).toEqual({
      totalBytes: 4000,
      storedBytes: 2000,
      bytesPerSecond: 500,
      secondsLeft: 4,
      pendingFiles: 1,
      failedFiles: 0,
    });
  });

  it("formats sizes as a participant reads them", () => {
    expect([
      formatBytes(500),
      formatBytes(950 * 1024),
      formatBytes(3.24 * 1024 * 1024),
      formatBytes(48 * 1024 * 1024),
    ]).toEqual(["500 bytes", "950 KB", "3.2 MB", "48 MB"]);
  });

  it("a handout's plain text has no tags, scripts, styles or comments, and entities decoded", () => {
    const text = handoutPlainText(
      '<style>p{color:red}</style><!-- note --><p>Fish &amp; chips</p><script type="x">evil()</script><ul><li>One</li><li>Two&#x21;</li></ul>',
    );
    expect(text).toBe("Fish & chips\nOne\nTwo!");
  });
});
