// The materials downloader on a fake server: chunked, resumable, verified downloads, pause and cancel, space and persistence.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db, type MaterialFile } from "../../src/app/store/db";
import { readMaterialBlob, readMaterialFile, searchMaterials } from "../../src/app/store/library";
import {
  ARRIVAL_NOTICE_MS,
  createDownloader,
  DOWNLOAD_PROBLEMS,
  type DownloaderDeps,
  type StorageManagerLike,
} from "../../src/app/sync/materialsDownloader";
import { refreshManifest } from "../../src/app/sync/materialsManifest";
import type { Material } from "../../src/shared/materials";
import { invitation, resetDb } from "./support/fixtures";
import {
  createFakeMaterialsServer,
  makeBytes,
  materialFor,
  publish,
  WORKSHOP_ID,
  type FakeMaterialsServer,
} from "./support/fakeMaterialsServer";
import { fakeClock, fakePlatform, type FakeClock, type RecordedTimer } from "./support/fakePlatform";
import { expectSameBytes } from "./support/sameBytes";

const BASE_URL = "https://outrigger.test";
const CHUNK = 64 * 1024;
const STALL_MS = 60_000;
const SIZE = 300_000;

let server: FakeMaterialsServer;
let clock: FakeClock;
let timers: RecordedTimer[];
let onlineListeners: Array<() => void>;
let storage: StorageManagerLike & { persistCalls: number; free: number };
const cleanups: Array<() => void> = [];

beforeEach(async () => {
  await resetDb();
  await saveInvitation(invitation());
  server = createFakeMaterialsServer();
  clock = fakeClock();
  timers = clock.timers;
  onlineListeners = [];
  storage = {
    persistCalls: 0,
    free: 1024 * 1024 * 1024,
    async estimate() {
      return { usage: 1000, quota: 1000 + this.free };
    },
    async persist() {
      this.persistCalls += 1;
      return true;
    },
    async persisted() {
      return this.persistCalls > 0;
    },
  };
});

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function downloader(overrides: DownloaderDeps = {}) {
  const instance = createDownloader({
    ...fakePlatform({ db, fetch: server.fetch, baseUrl: BASE_URL, clock, random: () => 1 }),
    chunkBytes: CHUNK,
    storage,
    requestTimeoutMs: STALL_MS,
    retryDelayMs: 1000,
    onOnline: (callback) => {
      onlineListeners.push(callback);
      return () => undefined;
    },
    ...overrides,
  });
  cleanups.push(() => instance.dispose());
  return instance;
}

const pendingRetries = () => timers.filter((t) => !t.cleared && t.ms !== STALL_MS);
function fireRetry(): void {
  const [timer] = pendingRetries();
  if (!timer) throw new Error("no retry scheduled");
  timer.cleared = true;
  timer.callback();
}

async function publishAndRefresh(
  version: string,
  files: Array<{ material: Material; bytes: Uint8Array }>,
): Promise<void> {
  publish(server, version, files);
  const result = await refreshManifest(WORKSHOP_ID, { fetch: server.fetch, baseUrl: BASE_URL });
  if (!result.ok) throw new Error(result.message);
}

async function oneFile(size = SIZE, seed = 1) {
  const bytes = makeBytes(size, seed);
  const material = materialFor(`m${seed}`, bytes);
  await publishAndRefresh("v1", [{ material, bytes }]);
  return { bytes, material, sha: material.sha256 };
}

async function storedBytesOf(sha: string): Promise<Uint8Array | undefined> {
  const blob = await readMaterialBlob(sha);
  return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
}

const chunkCount = (sha: string) => db.blobChunks.where("sha256").equals(sha).count();

/** Every state a file's row was written with, to prove it never passed through "complete" with bad bytes. */
function recordStates(): string[] {
  const states: string[] = [];
  const creating = (_key: unknown, obj: MaterialFile) => void states.push(obj.state);
  const updating = (mods: Partial<MaterialFile>) => {
    if (mods.state) states.push(mods.state);
    return undefined;
  };
  db.blobs.hook("creating", creating);
  db.blobs.hook("updating", updating);
  cleanups.push(() => {
    db.blobs.hook("creating").unsubscribe(creating);
    db.blobs.hook("updating").unsubscribe(updating);
  });
  return states;
}

describe("materials downloader", () => {
  it("downloads a file in chunks, verifies its hash and only then shows it complete", async () => {
    const { bytes, material, sha } = await oneFile();
    const loader = downloader();
    expect(await loader.makeAvailableOffline([material.id])).toEqual({ ok: true });
    await loader.idle();
    expect(await db.blobs.get(sha)).toMatchObject({
      state: "complete",
      storedBytes: SIZE,
      chunkCount: Math.ceil(SIZE / CHUNK),
      size: SIZE,
    });
    expectSameBytes(await storedBytesOf(sha), bytes);
    expect(await db.offlineChoices.get(material.id)).toMatchObject({ workshopId: WORKSHOP_ID, sha256: sha });
    expect(server.blobRequests).toEqual([
      { sha256: sha, range: undefined, status: 200, authorization: "Invitation DEMO-TO1" },
    ]);
    expect(server.bytesServed).toBe(SIZE);
  });

  it("after a cut connection, the next request starts exactly at the stored offset and no byte is fetched twice", async () => {
    const { bytes, material, sha } = await oneFile();
    server.cutAfter = 100_000;
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await loader.idle();

    const afterCut = await db.blobs.get(sha);
    expect(afterCut?.state).toBe("downloading");
    expect(afterCut?.storedBytes).toBeGreaterThanOrEqual(100_000 - CHUNK);
    expect(afterCut?.storedBytes).toBeLessThanOrEqual(100_000);
    expect(await chunkCount(sha)).toBe(afterCut?.chunkCount);
    expect(pendingRetries()).toHaveLength(1);

    fireRetry();
    await loader.idle();
    expect(server.blobRequests.map((r) => [r.range, r.status])).toEqual([
      [undefined, 200],
      [`bytes=${afterCut?.storedBytes}-`, 206],
    ]);
    expect(await db.blobs.get(sha)).toMatchObject({ state: "complete", storedBytes: SIZE });
    expectSameBytes(await storedBytesOf(sha), bytes);
    expect(server.bytesServed).toBeGreaterThanOrEqual(SIZE);
    expect(server.bytesServed).toBeLessThanOrEqual(SIZE + CHUNK);
  });

  it.each([
    ["before", -40_000],
    ["after", 20_000],
  ])(
    "a 206 that starts %s the stored offset is refused at once: none of its bytes stored, the file fetched again from the start",
    async (_where, shift) => {
      const { bytes, material, sha } = await oneFile();
      server.cutAfter = 100_000;
      const loader = downloader();
      await loader.makeAvailableOffline([material.id]);
      await loader.idle();
      const storedBefore = (await db.blobs.get(sha))?.storedBytes ?? 0;
      expect(storedBefore).toBeGreaterThan(0);

      const written: number[] = [];
      const creating = (_key: unknown, chunk: { offset: number }) => void written.push(chunk.offset);
      db.blobChunks.hook("creating", creating);
      cleanups.push(() => db.blobChunks.hook("creating").unsubscribe(creating));
      const states = recordStates();
      server.answerRangeFrom = storedBefore + shift;
      const servedBefore = server.bytesServed;
      fireRetry();
      await loader.idle();

      expect(server.blobRequests.map((r) => [r.range, r.status])).toEqual([
        [undefined, 200],
        [`bytes=${storedBefore}-`, 206],
        [undefined, 200],
      ]);
      // Not one byte of the wrong answer was read, let alone stored; the file came whole from the next request.
      expect(server.bytesServed - servedBefore).toBe(SIZE);
      expect(written[0]).toBe(0);
      expect(written).toEqual(Array.from({ length: Math.ceil(SIZE / CHUNK) }, (_, i) => i * CHUNK));
      expect(states.filter((s) => s === "verifying")).toHaveLength(1);
      expect(await db.blobs.get(sha)).toMatchObject({ state: "complete", storedBytes: SIZE });
      expectSameBytes(await storedBytesOf(sha), bytes);
    },
  );

  it("the browser's online event retries at once instead of waiting for the backoff", async () => {
    const { material, sha } = await oneFile();
    server.cutAfter = 70_000;
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await loader.idle();
    expect(pendingRetries()).toHaveLength(1);
    for (const listener of onlineListeners) listener();
    await loader.idle();
    expect(await db.blobs.get(sha)).toMatchObject({ state: "complete" });
    expect(pendingRetries()).toHaveLength(0);
  });

  it("after an app restart, the stored chunks are re-hashed and the download continues from them", async () => {
    const { bytes, material, sha } = await oneFile();
    server.cutAfter = 200_000;
    const first = downloader();
    await first.makeAvailableOffline([material.id]);
    await first.idle();
    first.dispose();
    const stored = (await db.blobs.get(sha))?.storedBytes ?? 0;
    expect(stored).toBeGreaterThan(0);

    const afterRestart = downloader();
    await afterRestart.resumeInterrupted();
    await afterRestart.idle();
    expect(server.blobRequests.at(-1)?.range).toBe(`bytes=${stored}-`);
    expect(await db.blobs.get(sha)).toMatchObject({ state: "complete" });
    expectSameBytes(await storedBytesOf(sha), bytes);
  });

  it("a server that ignores Range gets the stored chunks replaced by its full answer, and the file is still right", async () => {
    const { bytes, material, sha } = await oneFile();
    server.cutAfter = 150_000;
    server.ignoreRange = true;
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await loader.idle();
    fireRetry();
    await loader.idle();
    expect(server.blobRequests.map((r) => r.status)).toEqual([200, 200]);
    expect(server.blobRequests[1].range).toMatch(/^bytes=\d+-$/);
    expect(await db.blobs.get(sha)).toMatchObject({ state: "complete", chunkCount: Math.ceil(SIZE / CHUNK) });
    expectSameBytes(await storedBytesOf(sha), bytes);
  });

  it("corrupt bytes are detected, discarded and fetched again; the file is complete only with the right hash", async () => {
    const states = recordStates();
    const { bytes, material, sha } = await oneFile();
    server.corruptResponses = 1;
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await loader.idle();
    expect(server.blobRequests.map((r) => [r.range, r.status])).toEqual([
      [undefined, 200],
      [undefined, 200],
    ]);
    expectSameBytes(await storedBytesOf(sha), bytes);
    expect(states.filter((s) => s === "complete")).toHaveLength(1);
    expect(states.at(-1)).toBe("complete");
  });

  it("bytes corrupt twice leave the file failed with a plain problem, no chunks, and never shown complete", async () => {
    const states = recordStates();
    const { material, sha } = await oneFile();
    server.corruptResponses = 2;
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await loader.idle();
    expect(server.blobRequests).toHaveLength(2);
    expect(await db.blobs.get(sha)).toMatchObject({
      state: "failed",
      storedBytes: 0,
      chunkCount: 0,
      problem: DOWNLOAD_PROBLEMS.corrupt,
    });
    expect(await chunkCount(sha)).toBe(0);
    expect(await readMaterialBlob(sha)).toBeUndefined();
    expect(await readMaterialFile(material.id)).toBeUndefined();
    expect(states).not.toContain("complete");
  });

  it("a file whose size differs from the manifest counts as corrupt", async () => {
    const bytes = makeBytes(SIZE);
    const material = materialFor("short", bytes, { size: SIZE + 10 });
    await publishAndRefresh("v1", [{ material, bytes }]);
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await loader.idle();
    expect(server.blobRequests).toHaveLength(2);
    expect(await db.blobs.get(material.sha256)).toMatchObject({
      state: "failed",
      storedBytes: 0,
      problem: DOWNLOAD_PROBLEMS.corrupt,
    });
    expect(await readMaterialBlob(material.sha256)).toBeUndefined();
  });

  it("running out of space mid-download leaves no chunks, a plain problem, and stops the queue until the participant acts", async () => {
    const a = makeBytes(SIZE, 1);
    const b = makeBytes(SIZE, 2);
    const ma = materialFor("a", a);
    const mb = materialFor("b", b);
    await publishAndRefresh("v1", [
      { material: ma, bytes: a },
      { material: mb, bytes: b },
    ]);
    let writes = 0;
    const full = () => {
      writes += 1;
      if (writes === 2) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
    db.blobChunks.hook("creating", full);
    cleanups.push(() => db.blobChunks.hook("creating").unsubscribe(full));

    const loader = downloader();
    await loader.makeAvailableOffline([ma.id, mb.id]);
    await loader.idle();
    expect(await db.blobs.get(ma.sha256)).toMatchObject({
      state: "failed",
      storedBytes: 0,
      chunkCount: 0,
      problem: DOWNLOAD_PROBLEMS.quota,
    });
    expect(await chunkCount(ma.sha256)).toBe(0);
    expect(await db.blobs.get(mb.sha256)).toMatchObject({ state: "queued", storedBytes: 0 });
    expect(server.blobRequests.map((r) => r.sha256)).toEqual([ma.sha256]);

    // Freeing space (removing the failed material) lets the rest go on.
    await loader.removeFromPhone(ma.id);
    await loader.idle();
    expect(await db.blobs.get(ma.sha256)).toBeUndefined();
    expect(await db.blobs.get(mb.sha256)).toMatchObject({ state: "complete" });
  });

  it("pause keeps the stored bytes and resume continues from them", async () => {
    const { bytes, material, sha } = await oneFile();
    server.stallAfter = 3 * CHUNK;
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await vi.waitFor(async () => expect((await db.blobs.get(sha))?.storedBytes).toBe(3 * CHUNK));
    await loader.pause(sha);
    await loader.idle();
    expect(await db.blobs.get(sha)).toMatchObject({ state: "paused", storedBytes: 3 * CHUNK, chunkCount: 3 });
    expect(await chunkCount(sha)).toBe(3);

    await loader.resume(sha);
    await loader.idle();
    expect(server.blobRequests.map((r) => r.range)).toEqual([undefined, `bytes=${3 * CHUNK}-`]);
    expectSameBytes(await storedBytesOf(sha), bytes);
    expect(server.bytesServed).toBe(SIZE);
  });

  it("reports bytes as they arrive, before a whole chunk is stored, at most every ARRIVAL_NOTICE_MS", async () => {
    const { material, sha } = await oneFile();
    server.pieceBytes = 4096;
    server.stallAfter = CHUNK / 2;
    const loader = downloader();
    const heard: Array<number | undefined> = [];
    loader.watchArrivals((arrivals) => heard.push(arrivals.get(sha)?.bytes));
    await loader.makeAvailableOffline([material.id]);
    const noticeTimers = () => clock.pending().filter((t) => t.ms === ARRIVAL_NOTICE_MS);
    await vi.waitFor(() => expect(noticeTimers()).toHaveLength(1));
    // Bytes keep arriving, yet one notice is pending: listeners hear at most four times a second.
    await vi.waitFor(async () => {
      clock.advance(ARRIVAL_NOTICE_MS);
      expect(heard.at(-1)).toBe(CHUNK / 2);
    });
    expect(noticeTimers()).toHaveLength(0);
    // Nothing stored yet (a chunk is CHUNK bytes), but the participant sees half of one arrived.
    expect((await db.blobs.get(sha))?.storedBytes).toBe(0);
    expect(heard.filter((bytes) => bytes !== undefined).length).toBeLessThan(CHUNK / 2 / 4096);

    await loader.pause(sha);
    // The request let go: the file is no longer among the running ones.
    expect(heard.at(-1)).toBeUndefined();
  });

  it("pause all stops the running file and the waiting ones; resume all brings back only the paused", async () => {
    const files = [1, 2, 3].map((seed) => {
      const bytes = makeBytes(SIZE, seed);
      return { bytes, material: materialFor(`m${seed}`, bytes) };
    });
    await publishAndRefresh("v1", files);
    const [first, second, third] = files.map((f) => f.material.sha256);
    server.stallAfter = CHUNK;
    const loader = downloader();
    await loader.makeAvailableOffline(files.map((f) => f.material.id));
    await vi.waitFor(async () => expect((await db.blobs.get(first))?.storedBytes).toBe(CHUNK));

    await loader.pauseAll([first, second]);
    await loader.idle();
    expect((await db.blobs.get(first))?.state).toBe("paused");
    expect((await db.blobs.get(second))?.state).toBe("paused");
    // A file not in the list goes on by itself.
    expect((await db.blobs.get(third))?.state).toBe("complete");
    expect(server.blobRequests.map((r) => r.sha256)).toEqual([first, third]);

    await loader.resumeAll([first, second, third]);
    await loader.idle();
    for (const { bytes, material } of files) expectSameBytes(await storedBytesOf(material.sha256), bytes);
    expect(server.blobRequests.map((r) => [r.sha256, r.range])).toEqual([
      [first, undefined],
      [third, undefined],
      [first, `bytes=${CHUNK}-`],
      [second, undefined],
    ]);
  });

  it("on a cellular link, saving a whole workshop asks first with the bytes still missing; wifi never asks", async () => {
    const { material, sha } = await oneFile();
    const onWifi = downloader({ connection: () => ({ type: "wifi", effectiveType: "4g" }) });
    const onCellular = downloader({ connection: () => ({ type: "cellular" }) });
    expect(await onCellular.warningBefore([material.id], { wholeWorkshop: true })).toEqual({
      bytes: SIZE,
      reason: "cellular",
    });
    // One small file is not worth a question.
    expect(await onCellular.warningBefore([material.id])).toBeUndefined();
    expect(await onWifi.warningBefore([material.id], { wholeWorkshop: true })).toBeUndefined();

    server.stallAfter = CHUNK;
    await onWifi.makeAvailableOffline([material.id]);
    await vi.waitFor(async () => expect((await db.blobs.get(sha))?.storedBytes).toBe(CHUNK));
    await onWifi.pause(sha);
    expect(await onCellular.warningBefore([material.id], { wholeWorkshop: true })).toEqual({
      bytes: SIZE - CHUNK,
      reason: "cellular",
    });
    await onWifi.resume(sha);
    await onWifi.idle();
    expect(await onCellular.warningBefore([material.id], { wholeWorkshop: true })).toBeUndefined();
  });

  it("a paused file stays paused after a restart", async () => {
    const { material, sha } = await oneFile();
    server.stallAfter = CHUNK;
    const first = downloader();
    await first.makeAvailableOffline([material.id]);
    await vi.waitFor(async () => expect((await db.blobs.get(sha))?.storedBytes).toBe(CHUNK));
    await first.pause(sha);
    first.dispose();
    const afterRestart = downloader();
    await afterRestart.resumeInterrupted();
    await afterRestart.idle();
    expect(await db.blobs.get(sha)).toMatchObject({ state: "paused", storedBytes: CHUNK });
    expect(server.blobRequests).toHaveLength(1);
  });

  it("cancel stops the download and removes its chunks, its row and the choices pointing at it", async () => {
    const { material, sha } = await oneFile();
    server.stallAfter = 2 * CHUNK;
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await vi.waitFor(async () => expect((await db.blobs.get(sha))?.storedBytes).toBe(2 * CHUNK));
    await loader.cancel(sha);
    await loader.idle();
    expect(await db.blobs.get(sha)).toBeUndefined();
    expect(await chunkCount(sha)).toBe(0);
    expect(await db.offlineChoices.get(material.id)).toBeUndefined();
  });

  it("two materials with one file download it once", async () => {
    const bytes = makeBytes(SIZE);
    const first = materialFor("slides", bytes);
    const second = materialFor("slides-copy", bytes, { title: "Same deck, another session" });
    await publishAndRefresh("v1", [
      { material: first, bytes },
      { material: second, bytes },
    ]);
    const loader = downloader();
    await loader.makeAvailableOffline([first.id, second.id]);
    await loader.idle();
    expect(server.blobRequests).toHaveLength(1);
    expect(await db.offlineChoices.count()).toBe(2);

    // Removing one keeps the file for the other.
    await loader.removeFromPhone(first.id);
    expect(await db.blobs.get(first.sha256)).toMatchObject({ state: "complete" });
    await loader.removeFromPhone(second.id);
    expect(await db.blobs.get(first.sha256)).toBeUndefined();
    expect(await chunkCount(first.sha256)).toBe(0);
  });

  it("a manifest update where one of three files changed downloads only that one, and frees the old version once verified", async () => {
    const files = [1, 2, 3].map((seed) => {
      const bytes = makeBytes(100_000, seed);
      return { material: materialFor(`m${seed}`, bytes), bytes };
    });
    await publishAndRefresh("v1", files);
    const loader = downloader();
    await loader.makeAvailableOffline(files.map((f) => f.material.id));
    await loader.idle();
    expect(server.blobRequests).toHaveLength(3);
    server.bytesServed = 0;

    const changedBytes = makeBytes(120_000, 42);
    const changed = {
      material: materialFor("m2", changedBytes, { updatedAt: "2023-07-01T00:00:00Z" }),
      bytes: changedBytes,
    };
    await publishAndRefresh("v2", [files[0], changed, files[2]]);
    const oldSha = files[1].material.sha256;
    // Until the new version is verified, the old one stays readable.
    expect(await db.offlineChoices.get("m2")).toMatchObject({
      sha256: changed.material.sha256,
      previousSha256: oldSha,
    });
    expect(await readMaterialFile("m2")).toBeDefined();

    await loader.resumeInterrupted();
    await loader.idle();
    expect(server.blobRequests.slice(3).map((r) => r.sha256)).toEqual([changed.material.sha256]);
    expect(server.bytesServed).toBe(changedBytes.byteLength);
    expect(await db.offlineChoices.get("m2")).toEqual(
      expect.not.objectContaining({ previousSha256: expect.anything() }),
    );
    expect(await db.blobs.get(oldSha)).toBeUndefined();
    expect(await chunkCount(oldSha)).toBe(0);
    expectSameBytes(new Uint8Array(await ((await readMaterialFile("m2")) as Blob).arrayBuffer()), changedBytes);
  });

  it("a save that would not fit is refused with a plain message and records nothing", async () => {
    const bytes = makeBytes(SIZE);
    const material = materialFor("big", bytes, { size: 48 * 1024 * 1024 });
    await publishAndRefresh("v1", [{ material, bytes }]);
    storage.free = 12 * 1024 * 1024;
    const result = await downloader().makeAvailableOffline([material.id]);
    expect(result).toEqual({
      ok: false,
      reason: "not_enough_space",
      neededBytes: 48 * 1024 * 1024,
      availableBytes: 12 * 1024 * 1024,
      message: "This needs 48 MB but the phone has 12 MB free. Remove other materials or free some space.",
    });
    expect(await db.offlineChoices.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(server.blobRequests).toHaveLength(0);
    expect(storage.persistCalls).toBe(0);
  });

  it("asks for persistent storage on the first offline save only", async () => {
    const files = [1, 2].map((seed) => {
      const bytes = makeBytes(10_000, seed);
      return { material: materialFor(`m${seed}`, bytes), bytes };
    });
    await publishAndRefresh("v1", files);
    await downloader().makeAvailableOffline([files[0].material.id]);
    expect(storage.persistCalls).toBe(1);
    const later = downloader();
    await later.makeAvailableOffline([files[1].material.id]);
    await later.idle();
    expect(storage.persistCalls).toBe(1);
    expect(await db.meta.get("persistRequested")).toMatchObject({ value: { granted: true } });
  });

  it("a finished handout's text is extracted so search finds words inside it", async () => {
    const html =
      "<html><head><title>x</title><style>.a{}</style></head><body><h1>Risk profiling</h1><script>alert('no')</script><p>Use the Kyoto Convention&rsquo;s guidelines for déclaration en douane.</p></body></html>";
    const bytes = new TextEncoder().encode(html);
    const material = materialFor("handout", bytes, {
      kind: "handout",
      contentType: "text/html",
      title: "Day 2 handout",
    });
    await publishAndRefresh("v1", [{ material, bytes }]);
    const loader = downloader();
    await loader.makeAvailableOffline([material.id]);
    await loader.idle();
    const text = (await db.materialTexts.get(material.sha256))?.text ?? "";
    expect(text).toContain("Kyoto Convention’s guidelines");
    expect(text).not.toMatch(/alert|<|\.a\{/);
    const hits = await searchMaterials("DECLARATION kyoto");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ material: { id: "handout" }, field: "text" });
    expect(hits[0].snippet).toContain("déclaration");
  });

  it("records a moving average of the download speed per chunk", async () => {
    // Every reading of the clock is 100 ms after the one before, so each chunk took time.
    let nowMs = clock.now().getTime();
    const ticking: FakeClock = { ...clock, now: () => new Date((nowMs += 100)) };
    const { material, sha } = await oneFile();
    server.stallAfter = 2 * CHUNK;
    const loader = downloader({ clock: ticking });
    await loader.makeAvailableOffline([material.id]);
    await vi.waitFor(async () => expect((await db.blobs.get(sha))?.storedBytes).toBe(2 * CHUNK));
    expect((await db.blobs.get(sha))?.bytesPerSecond).toBeGreaterThan(0);
    await loader.cancel(sha);
  });
});
