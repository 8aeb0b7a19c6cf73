// Leftover temporary files of killed imports are swept from the blob store; live imports and stored blobs never are.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ABANDONED_INCOMING_AGE_MS, createBlobStore } from "../../src/server/blobs/blobStore";

const HOUR_MS = 60 * 60 * 1000;

describe("sweeping abandoned .incoming-* files from the blob store", () => {
  let dir: string;
  const now = new Date();
  const ageFile = (path: string, ageMs: number) => {
    const at = new Date(now.getTime() - ageMs);
    utimesSync(path, at, at);
  };
  const incomingNames = () =>
    readdirSync(dir)
      .filter((n) => n.startsWith(".incoming-"))
      .sort();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "outrigger-sweep-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("removes only temporary files older than the threshold, and leaves stored blobs alone", async () => {
    const store = createBlobStore(dir);
    const stored = await store.putBytes(new TextEncoder().encode("a stored material"));
    ageFile(join(dir, stored.sha256.slice(0, 2), stored.sha256), 10 * HOUR_MS);
    writeFileSync(join(dir, ".incoming-killed-yesterday"), "x".repeat(1000));
    ageFile(join(dir, ".incoming-killed-yesterday"), 24 * HOUR_MS);
    writeFileSync(join(dir, ".incoming-killed-earlier"), "y");
    ageFile(join(dir, ".incoming-killed-earlier"), ABANDONED_INCOMING_AGE_MS + 1000);
    writeFileSync(join(dir, ".incoming-just-now"), "z");
    ageFile(join(dir, ".incoming-just-now"), 5 * 60 * 1000);
    writeFileSync(join(dir, "not-incoming"), "keep");
    ageFile(join(dir, "not-incoming"), 24 * HOUR_MS);

    const swept = await store.sweepAbandonedIncoming(now);

    expect(swept).toEqual({ removedFiles: 2, removedBytes: 1001 });
    expect(incomingNames()).toEqual([".incoming-just-now"]);
    expect(readdirSync(dir)).toContain("not-incoming");
    expect(await store.has(stored.sha256)).toBe(true);
  });

  it("never removes the temporary file of an import still running in this process, however old its mtime", async () => {
    const store = createBlobStore(dir);
    const source = new PassThrough();
    const importing = store.putStream(source);
    source.write(Buffer.from("first half of a slow upload"));
    // Wait until the temp file exists, then make it look abandoned. Bounded by time, not by a count of event-loop
    // turns: on a busy machine the file system takes longer than 200 turns to create the file.
    let live: string[] = [];
    for (const deadline = Date.now() + 10_000; live.length === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      live = incomingNames();
    }
    expect(live).toHaveLength(1);
    ageFile(join(dir, live[0]), 24 * HOUR_MS);

    expect(await store.sweepAbandonedIncoming(now)).toEqual({ removedFiles: 0, removedBytes: 0 });
    expect(incomingNames()).toEqual(live);

    source.end(Buffer.from(" and the rest"));
    const result = await importing;
    expect(result.size).toBe("first half of a slow upload and the rest".length);
    expect(incomingNames()).toEqual([]);
  });

  it("is harmless when the store folder does not exist yet", async () => {
    const store = createBlobStore(join(dir, "not-made-yet"));
    expect(await store.sweepAbandonedIncoming(now)).toEqual({ removedFiles: 0, removedBytes: 0 });
    mkdirSync(join(dir, "not-made-yet"));
  });
});
