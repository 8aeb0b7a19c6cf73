import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import {
  countCompletePdfs,
  findMaterial,
  hasManifest,
  listKeptMaterials,
  listLibraryWorkshops,
  listWorkshopsWithKeptMaterials,
  loadShareableMaterials,
  loadWorkshopLibrary,
  materialFilesFingerprint,
  materialFileState,
} from "../../src/app/store/libraryViews";
import { invitation, materialFileRow, resetDb } from "./support/fixtures";
import { makeBytes, materialFor, WORKSHOP_ID } from "./support/fakeMaterialsServer";

const AT = "2023-06-10T10:00:00.000Z";
const PACKED_WORKSHOP = "ws-packed";
const deck = materialFor("deck", makeBytes(100, 1));
const handout = materialFor("handout", makeBytes(200, 2), { kind: "handout", contentType: "text/html" });
const packed = materialFor("packed", makeBytes(50, 3), { workshopId: PACKED_WORKSHOP });

const choose = (material: typeof deck) =>
  db.offlineChoices.put({
    materialId: material.id,
    workshopId: material.workshopId,
    sha256: material.sha256,
    chosenAt: AT,
  });

beforeEach(async () => {
  await resetDb();
  await saveInvitation(invitation());
  await db.manifests.put({
    workshopId: WORKSHOP_ID,
    version: "v1",
    fetchedAt: AT,
    materials: [deck, handout],
    changes: { added: [handout], changed: [], removed: [] },
  });
});

describe("the library's workshops", () => {
  it("lists invited and packed workshops, with materials, complete kept files and unseen changes", async () => {
    await db.manifests.put({
      workshopId: PACKED_WORKSHOP,
      version: "p1",
      fetchedAt: AT,
      materials: [packed],
      changes: { added: [packed], changed: [], removed: [] },
      changesSeen: true,
    });
    await choose(deck);
    await choose(handout);
    await db.blobs.bulkPut([
      materialFileRow(deck.sha256, { state: "complete" }),
      materialFileRow(handout.sha256, { state: "downloading" }),
    ]);
    const list = await listLibraryWorkshops();
    expect(list.map((w) => [w.id, w.workshop?.title, w.count, w.onPhone, w.hasChanges])).toEqual([
      [WORKSHOP_ID, "Regional Workshop on the Revised Kyoto Convention", 2, 1, true],
      [PACKED_WORKSHOP, undefined, 1, 0, false],
    ]);
  });

  it("shows a workshop's rows with the file only when chosen or complete, and whether it can download", async () => {
    await choose(handout);
    await db.blobs.bulkPut([
      materialFileRow(deck.sha256, { state: "paused" }),
      materialFileRow(handout.sha256, { state: "downloading" }),
    ]);
    const library = await loadWorkshopLibrary(WORKSHOP_ID);
    expect(library.rows.map((r) => [r.material.id, r.choice?.materialId, r.blob?.state])).toEqual([
      ["deck", undefined, undefined],
      ["handout", "handout", "downloading"],
    ]);
    expect(library.canDownload).toBe(true);
    expect((await loadWorkshopLibrary(PACKED_WORKSHOP)).canDownload).toBe(false);
    expect(await hasManifest(WORKSHOP_ID)).toBe(true);
    expect(await hasManifest(PACKED_WORKSHOP)).toBe(false);
  });
});

describe("materials on the phone", () => {
  it("offers for a pack only the materials whose files are complete", async () => {
    await db.blobs.bulkPut([
      materialFileRow(deck.sha256, { state: "complete" }),
      materialFileRow(handout.sha256, { state: "verifying" }),
    ]);
    const shareable = await loadShareableMaterials(WORKSHOP_ID);
    expect(shareable.onPhone.map((m) => m.id)).toEqual(["deck"]);
    expect(shareable.workshop?.id).toBe(WORKSHOP_ID);
  });

  it("names the workshops with kept materials and lists those materials", async () => {
    await db.manifests.put({ workshopId: PACKED_WORKSHOP, version: "p1", fetchedAt: AT, materials: [packed] });
    await choose(deck);
    await choose(packed);
    expect(await listWorkshopsWithKeptMaterials()).toEqual([
      { id: WORKSHOP_ID, title: "Regional Workshop on the Revised Kyoto Convention", count: 1 },
      { id: PACKED_WORKSHOP, title: PACKED_WORKSHOP, count: 1 },
    ]);
    expect((await listKeptMaterials()).map((m) => m.id)).toEqual(["deck", "packed"]);
  });

  it("finds a material across workshops and tells where its file is", async () => {
    await db.blobs.put(materialFileRow(deck.sha256, { state: "paused" }));
    expect((await findMaterial("handout"))?.title).toBe(handout.title);
    expect(await findMaterial("nowhere")).toBeUndefined();
    expect(await materialFileState("deck")).toBe("paused");
    expect(await materialFileState("handout")).toBe("absent");
    expect(await materialFileState("nowhere")).toBe("absent");
  });

  it("counts complete PDFs only, and changes its fingerprint when a file's bytes change", async () => {
    await db.blobs.bulkPut([
      materialFileRow(deck.sha256, { state: "complete" }),
      materialFileRow(handout.sha256, { state: "complete", contentType: "text/html" }),
      materialFileRow(packed.sha256),
    ]);
    expect(await countCompletePdfs()).toBe(1);
    const before = await materialFilesFingerprint();
    await db.blobs.update(packed.sha256, { storedBytes: 10 });
    expect(await materialFilesFingerprint()).not.toBe(before);
  });
});
