// The chunk store on its own: one file's chunks in order, progress stored with each chunk, and what each state change keeps, drops and frees.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { createDexieChunkStore, FileRemovedError } from "../../src/app/store/chunkStore";
import { db, type BlobState } from "../../src/app/store/db";
import { materialFileRow, resetDb } from "./support/fixtures";

const store = createDexieChunkStore(db);
const AT = "2026-11-20T09:00:00.000Z";
const A = "a".repeat(64);
const B = "b".repeat(64);

const chunk = (sha256: string, index: number, offset = index * 10) => ({
  sha256,
  index,
  offset,
  data: new Blob([new Uint8Array(10)]),
});

beforeEach(async () => {
  await resetDb();
});

describe("chunk store", () => {
  it("a file's chunks come in index order, without another file's", async () => {
    await db.blobChunks.bulkAdd([chunk(A, 2), chunk(B, 0), chunk(A, 0), chunk(A, 1), chunk(`${A}0`, 0)]);
    expect((await store.chunks(A)).map((c) => [c.sha256, c.index])).toEqual([
      [A, 0],
      [A, 1],
      [A, 2],
    ]);
  });

  it("a chunk is stored with the row's new progress; a removed row takes neither", async () => {
    await db.blobs.put(materialFileRow(A, { state: "downloading" }));
    await store.append(chunk(A, 0), { storedBytes: 10, chunkCount: 1, bytesPerSecond: 5, updatedAt: AT });
    expect(await db.blobs.get(A)).toMatchObject({ storedBytes: 10, chunkCount: 1, bytesPerSecond: 5, updatedAt: AT });
    expect(await db.blobChunks.count()).toBe(1);

    const refused = store.append(chunk(B, 0), { storedBytes: 10, chunkCount: 1, updatedAt: AT });
    await expect(refused).rejects.toBeInstanceOf(FileRemovedError);
    await expect(refused).rejects.toThrow("the file was removed");
    expect(await db.blobChunks.count()).toBe(1);
    expect(await db.blobs.get(B)).toBeUndefined();
  });

  it("setting a state keeps the rest of the row and stamps the change", async () => {
    await db.blobs.put(materialFileRow(A, { storedBytes: 40, chunkCount: 4 }));
    await store.setState(A, "verifying", AT);
    expect(await db.blobs.get(A)).toEqual(
      materialFileRow(A, { storedBytes: 40, chunkCount: 4, state: "verifying", updatedAt: AT }),
    );
  });

  it("clearing drops the file's chunks (not another's) and sets its progress back to 0", async () => {
    await db.blobs.put(materialFileRow(A, { state: "downloading", storedBytes: 20, chunkCount: 2 }));
    await db.blobChunks.bulkAdd([chunk(A, 0), chunk(A, 1), chunk(B, 0)]);
    await store.clear(A, AT);
    expect(await db.blobs.get(A)).toMatchObject({ state: "downloading", storedBytes: 0, chunkCount: 0, updatedAt: AT });
    expect((await db.blobChunks.toArray()).map((c) => c.sha256)).toEqual([B]);
  });

  it("failing drops the chunks and the speed and records the problem; a missing row stays missing", async () => {
    await db.blobs.put(materialFileRow(A, { state: "downloading", storedBytes: 20, chunkCount: 2, bytesPerSecond: 9 }));
    await db.blobChunks.bulkAdd([chunk(A, 0), chunk(A, 1), chunk(B, 0)]);
    await store.fail(A, "It broke.", AT);
    expect(await db.blobs.get(A)).toEqual(
      materialFileRow(A, { state: "failed", problem: "It broke.", storedBytes: 0, chunkCount: 0, updatedAt: AT }),
    );
    expect((await db.blobChunks.toArray()).map((c) => c.sha256)).toEqual([B]);

    await store.fail(B, "It broke.", AT);
    expect(await db.blobs.get(B)).toBeUndefined();
    expect(await db.blobChunks.count()).toBe(1);
  });

  it("completing drops the speed and any old problem, and frees the earlier version no other choice keeps", async () => {
    const OLD = "0".repeat(64);
    const KEPT = "1".repeat(64);
    await db.blobs.bulkPut([
      materialFileRow(A, { state: "verifying", storedBytes: 100, chunkCount: 10, bytesPerSecond: 9, problem: "x" }),
      materialFileRow(OLD, { state: "complete", storedBytes: 100 }),
      materialFileRow(KEPT, { state: "complete", storedBytes: 100 }),
    ]);
    await db.blobChunks.bulkAdd([chunk(OLD, 0), chunk(KEPT, 0)]);
    await db.offlineChoices.bulkPut([
      { materialId: "m1", workshopId: "w", sha256: A, previousSha256: OLD, chosenAt: AT },
      { materialId: "m2", workshopId: "w", sha256: A, previousSha256: KEPT, chosenAt: AT },
      { materialId: "m3", workshopId: "w", sha256: KEPT, chosenAt: AT },
      { materialId: "m4", workshopId: "w", sha256: A, chosenAt: AT },
    ]);
    await store.complete(A, AT);

    expect(await db.blobs.get(A)).toEqual(
      materialFileRow(A, { state: "complete", storedBytes: 100, chunkCount: 10, updatedAt: AT, completedAt: AT }),
    );
    expect(await db.offlineChoices.toArray()).toEqual([
      { materialId: "m1", workshopId: "w", sha256: A, chosenAt: AT },
      { materialId: "m2", workshopId: "w", sha256: A, chosenAt: AT },
      { materialId: "m3", workshopId: "w", sha256: KEPT, chosenAt: AT },
      { materialId: "m4", workshopId: "w", sha256: A, chosenAt: AT },
    ]);
    expect(await db.blobs.get(OLD)).toBeUndefined();
    expect(await db.blobs.get(KEPT)).toMatchObject({ state: "complete" });
    expect((await db.blobChunks.toArray()).map((c) => c.sha256)).toEqual([KEPT]);
  });

  it("completing a row that was removed creates nothing", async () => {
    await store.complete(A, AT);
    expect(await db.blobs.get(A)).toBeUndefined();
  });

  it("pausing stops a file still to fetch, without its speed; a complete, failed or paused one stays as it is", async () => {
    const states: BlobState[] = ["queued", "downloading", "verifying", "complete", "failed", "paused"];
    for (const state of states) await db.blobs.put(materialFileRow(`${A}${state}`, { state, bytesPerSecond: 9 }));
    for (const state of states) await store.pause(`${A}${state}`, AT);
    for (const state of ["queued", "downloading", "verifying"])
      expect(await db.blobs.get(`${A}${state}`)).toEqual(
        materialFileRow(`${A}${state}`, { state: "paused", updatedAt: AT }),
      );
    for (const state of ["complete", "failed", "paused"] as const)
      expect(await db.blobs.get(`${A}${state}`)).toEqual(materialFileRow(`${A}${state}`, { state, bytesPerSecond: 9 }));
    await store.pause(B, AT);
    expect(await db.blobs.get(B)).toBeUndefined();
  });

  it("requeueing brings back a paused or failed file without its problem; others stay as they are", async () => {
    const states: BlobState[] = ["queued", "downloading", "verifying", "complete", "failed", "paused"];
    for (const state of states) await db.blobs.put(materialFileRow(`${A}${state}`, { state, problem: "p" }));
    for (const state of states) await store.requeue(`${A}${state}`, AT);
    for (const state of ["failed", "paused"])
      expect(await db.blobs.get(`${A}${state}`)).toEqual(materialFileRow(`${A}${state}`, { updatedAt: AT }));
    for (const state of ["queued", "downloading", "verifying", "complete"] as const)
      expect(await db.blobs.get(`${A}${state}`)).toEqual(materialFileRow(`${A}${state}`, { state, problem: "p" }));
    await store.requeue(B, AT);
    expect(await db.blobs.get(B)).toBeUndefined();
  });

  it("the unfinished files are the queued, downloading and verifying ones, oldest change first", async () => {
    await db.blobs.bulkPut([
      materialFileRow("f3", { state: "queued", updatedAt: "2026-11-20T09:00:03.000Z" }),
      materialFileRow("f1", { state: "verifying", updatedAt: "2026-11-20T09:00:01.000Z" }),
      materialFileRow("f0", { state: "paused", updatedAt: "2026-11-20T09:00:00.000Z" }),
      materialFileRow("f2", { state: "downloading", updatedAt: "2026-11-20T09:00:02.000Z" }),
      materialFileRow("f4", { state: "complete", updatedAt: "2026-11-20T09:00:00.000Z" }),
      materialFileRow("f5", { state: "failed", updatedAt: "2026-11-20T09:00:00.000Z" }),
      materialFileRow("e", { state: "queued", updatedAt: "2026-11-20T09:00:04.000Z" }),
    ]);
    expect((await store.unfinished()).map((row) => row.sha256)).toEqual(["f1", "f2", "f3", "e"]);
  });

  it("files changed in the same millisecond keep one order, by file, however they were stored", async () => {
    const same = "2026-11-20T09:00:00.000Z";
    await db.blobs.bulkPut(
      ["f3", "f1", "f2"].map((sha256) => materialFileRow(sha256, { state: "queued", updatedAt: same })),
    );
    expect((await store.unfinished()).map((row) => row.sha256)).toEqual(["f1", "f2", "f3"]);
  });
});
