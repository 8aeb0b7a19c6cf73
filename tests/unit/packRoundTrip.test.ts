// Pack round trip: written in order with readable paths, opened by an ordinary unzip, imported with the same bytes and hashes.
import { unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Material } from "../../src/shared/materials";
import { PACK_MANIFEST_PATH, type PackManifest } from "../../src/shared/pack";
import {
  packPaths,
  PackError,
  readableFileName,
  readPack,
  readZipDirectory,
  unicodePathExtra,
  writePack,
  type PackFileInput,
  type PackInput,
} from "../../src/shared/packs";
import {
  bytesSource,
  chunksOf,
  makeKeyPair,
  material,
  memorySink,
  memoryStore,
  patternBytes,
  sha256Of,
  WORKSHOP,
  type TestKey,
} from "../fixtures/packSupport";

const glance = patternBytes(300_000, 1);
const risk = patternBytes(123_457, 2);
const video = patternBytes(1_000_000, 3);
const annexA = patternBytes(10_000, 4);
const annexB = patternBytes(10_001, 5);
const notShared = patternBytes(5_000, 6);

const materials: Material[] = [
  material("glance", "RKC at a glance", "rkc-glance.pdf", glance),
  material("risk", 'Session 2: Risk / management? <draft> "final"', "risk.PDF", risk),
  material("walk", "Border walk-through", "walk.mp4", video, { kind: "video" }),
  material("annex-a", "Annex", "annex.pdf", annexA),
  material("annex-b", "annex", "annex-b.pdf", annexB),
  material("later", "Not in this pack", "later.pdf", notShared),
];
const bytesOf: Record<string, Uint8Array> = {
  glance,
  risk,
  walk: video,
  "annex-a": annexA,
  "annex-b": annexB,
  later: notShared,
};
const serverManifest = { workshopId: WORKSHOP.id, version: "v7", materials };
const shared = materials.filter((m) => m.id !== "later");

const files = (list: Material[] = shared, chunk = 64 * 1024): PackFileInput[] =>
  list.map((m) => ({ material: m, read: () => chunksOf(bytesOf[m.id], chunk) }));

/** toEqual walks typed arrays element by element (seconds per megabyte); compare as Buffers instead. */
function expectSameBytes(actual: Uint8Array | undefined, expected: Uint8Array): void {
  expect(actual).toBeDefined();
  expect(Buffer.from(actual as Uint8Array).equals(Buffer.from(expected))).toBe(true);
}

let key: TestKey;
beforeAll(async () => {
  key = await makeKeyPair();
});

async function makePack(overrides: Partial<PackInput> = {}): Promise<{ bytes: Uint8Array; manifest: PackManifest }> {
  const sink = memorySink();
  const { manifest, packBytes } = await writePack(
    {
      workshop: WORKSHOP,
      manifest: serverManifest,
      signature: await key.sign(serverManifest),
      appVersion: "0.1.0-test",
      createdAt: new Date("2024-05-01T10:00:00Z"),
      files: files(),
      ...overrides,
    },
    sink,
  );
  expect(sink.closed).toBe(true);
  const bytes = sink.bytes();
  expect(bytes.length).toBe(packBytes);
  return { bytes, manifest };
}

/** Rewrites a pack through fflate with the manifest changed: for cases writePack rightly refuses to make. */
function repack(
  bytes: Uint8Array,
  change: (manifest: PackManifest, files: Record<string, Uint8Array>) => void,
): Uint8Array {
  const all = unzipSync(bytes);
  const manifest = JSON.parse(new TextDecoder().decode(all[PACK_MANIFEST_PATH])) as PackManifest;
  const rest: Record<string, Uint8Array> = { ...all };
  delete rest[PACK_MANIFEST_PATH];
  change(manifest, rest);
  return zipSync({ [PACK_MANIFEST_PATH]: new TextEncoder().encode(JSON.stringify(manifest)), ...rest }, { level: 0 });
}

async function dataOffsetOf(bytes: Uint8Array, name: string): Promise<number> {
  const dir = await readZipDirectory(bytesSource(bytes));
  const entry = dir.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`${name} not in zip`);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return (
    entry.localHeaderOffset +
    30 +
    view.getUint16(entry.localHeaderOffset + 26, true) +
    view.getUint16(entry.localHeaderOffset + 28, true)
  );
}

describe("pack round trip", () => {
  it("writes manifest.json first, then README.txt, then each file under a readable, unique path", async () => {
    const { bytes, manifest } = await makePack();
    const dir = await readZipDirectory(bytesSource(bytes));
    const byOffset = [...dir.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset).map((e) => e.name);
    expect(byOffset).toEqual([
      "manifest.json",
      "README.txt",
      "materials/RKC at a glance.pdf",
      "materials/Session 2 Risk management draft final.pdf",
      "materials/Border walk-through.mp4",
      "materials/Annex.pdf",
      "materials/annex (2).pdf",
    ]);
    // The first bytes of the file are manifest.json's local header.
    expect(new TextDecoder().decode(bytes.subarray(30, 30 + "manifest.json".length))).toBe("manifest.json");
    // Files are stored, not deflated; the manifest and README are deflated.
    expect(Object.fromEntries(dir.entries.map((e) => [e.name, e.method]))).toMatchObject({
      "manifest.json": 8,
      "README.txt": 8,
      "materials/RKC at a glance.pdf": 0,
    });
    expect(manifest.entries.map((e) => [e.materialId, e.size, e.sha256])).toEqual(
      shared.map((m) => [m.id, m.size, m.sha256]),
    );
    expect(manifest.manifest.materials).toHaveLength(materials.length);
  });

  it("opens with an ordinary unzip: the files under their names, a manifest and a README", async () => {
    const { bytes } = await makePack();
    const all = unzipSync(bytes);
    expectSameBytes(all["materials/RKC at a glance.pdf"], glance);
    expectSameBytes(all["materials/Border walk-through.mp4"], video);
    expectSameBytes(all["materials/annex (2).pdf"], annexB);
    const readme = new TextDecoder().decode(all["README.txt"]);
    expect(readme).toContain("Open the files in the materials folder with any viewer");
    expect(readme).toContain("Outrigger app can import");
    const manifest = JSON.parse(new TextDecoder().decode(all["manifest.json"])) as PackManifest;
    expect(manifest).toMatchObject({ format: "outrigger-pack", formatVersion: 1, workshop: { id: WORKSHOP.id } });
  });

  it("imports every file with the same bytes and hashes, verified with the organiser's key", async () => {
    const { bytes } = await makePack();
    const store = memoryStore();
    const progress: number[] = [];
    const result = await readPack(bytesSource(bytes), store, {
      signingKey: key.signingKey,
      onProgress: (done, total) => (expect(total).toBe(bytes.length), progress.push(done)),
    });
    // Signed as packs were before workshops were signed too (payload 1): still verified, for the materials.
    expect(result.verification).toEqual({
      status: "verified",
      issuer: "Outrigger test server",
      keyId: "test-key-1",
      covers: "materials",
    });
    expect(result.refused).toEqual([]);
    expect(result.imported.map((e) => e.materialId)).toEqual(shared.map((m) => m.id));
    for (const m of shared) {
      expectSameBytes(store.files.get(m.sha256), bytesOf[m.id]);
      expect(sha256Of(store.files.get(m.sha256) as Uint8Array)).toBe(m.sha256);
    }
    expect(store.open.size).toBe(0);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("skips files already on the phone without reading them", async () => {
    const { bytes } = await makePack();
    const store = memoryStore({ [shared[2].sha256]: video });
    const source = bytesSource(bytes);
    const result = await readPack(source, store, { signingKey: key.signingKey });
    expect(result.alreadyPresent.map((e) => e.materialId)).toEqual(["walk"]);
    expect(result.imported).toHaveLength(4);
    expect(store.calls).not.toContain(`begin ${shared[2].sha256.slice(0, 8)}`);
    // A second import finds everything present and reads only the directory, headers and manifest.
    const again = bytesSource(bytes);
    const second = await readPack(again, store, { signingKey: key.signingKey });
    expect(second.imported).toEqual([]);
    expect(second.alreadyPresent).toHaveLength(5);
    expect(again.reads).toBeLessThan(12);
  });

  it("writes in bounded pieces even when a file arrives as one big chunk", async () => {
    const big = patternBytes(3 * 1024 * 1024 + 5, 9);
    const m = material("big", "Big", "big.mp4", big);
    const sink = memorySink();
    const manifest = { workshopId: WORKSHOP.id, version: "v1", materials: [m] };
    await writePack(
      {
        workshop: WORKSHOP,
        manifest,
        appVersion: "t",
        files: [{ material: m, read: () => chunksOf(big, big.length) }],
      },
      sink,
    );
    expect(Math.max(...sink.chunkSizes)).toBeLessThanOrEqual(1024 * 1024);
    expectSameBytes(unzipSync(sink.bytes())["materials/Big.mp4"], big);
  });
});

describe("pack signature", () => {
  it("is not verified without a signature, without a cached key, or with another key", async () => {
    const unsigned = await makePack({ signature: undefined });
    const other = await makeKeyPair("other-key", "Someone else");
    const sameIdOtherKey = await makeKeyPair("test-key-1", "Impostor");
    const signed = await makePack();
    const cases: Array<[Uint8Array, object, string]> = [
      [unsigned.bytes, { signingKey: key.signingKey }, "no_signature"],
      [signed.bytes, {}, "no_key_cached"],
      [signed.bytes, { signingKey: other.signingKey }, "unknown_key"],
      [signed.bytes, { signingKey: sameIdOtherKey.signingKey }, "bad_signature"],
    ];
    for (const [bytes, options, reason] of cases) {
      const result = await readPack(bytesSource(bytes), memoryStore(), options);
      expect(result.verification).toEqual({ status: "not_verified", reason });
      // Not verified is shown plainly, but files that pass their own hash still import.
      expect(result.imported).toHaveLength(5);
    }
  });

  it("is not verified when the signed list was changed after signing", async () => {
    const { bytes } = await makePack();
    const tampered = repack(bytes, (manifest) => {
      manifest.manifest.materials[0].title = "RKC at a glance (edited)";
    });
    const result = await readPack(bytesSource(tampered), memoryStore(), { signingKey: key.signingKey });
    expect(result.verification).toEqual({ status: "not_verified", reason: "bad_signature" });
  });

  it("refuses an entry that does not match the signed manifest, even when its own hash is right", async () => {
    const { bytes } = await makePack();
    const swapped = patternBytes(4242, 77);
    const tampered = repack(bytes, (manifest, rest) => {
      const entry = manifest.entries.find((e) => e.materialId === "risk");
      if (!entry) throw new Error("no entry");
      rest[entry.path] = swapped;
      entry.size = swapped.length;
      entry.sha256 = sha256Of(swapped);
    });
    const store = memoryStore();
    const result = await readPack(bytesSource(tampered), store, { signingKey: key.signingKey });
    expect(result.verification.status).toBe("verified");
    expect(result.refused).toEqual([
      expect.objectContaining({
        code: "not_in_signed_manifest",
        path: "materials/Session 2 Risk management draft final.pdf",
      }),
    ]);
    expect(result.imported).toHaveLength(4);
    expect(store.files.has(sha256Of(swapped))).toBe(false);
  });

  it("refuses a file swapped, with its own hash, for another of exactly the same size: the signed hash tells, not the size", async () => {
    const { bytes } = await makePack();
    const tampered = repack(bytes, (manifest, rest) => {
      const entry = manifest.entries.find((e) => e.materialId === "risk");
      if (!entry) throw new Error("no entry");
      const swapped = patternBytes(entry.size, 78);
      rest[entry.path] = swapped;
      entry.sha256 = sha256Of(swapped);
    });
    const store = memoryStore();
    const result = await readPack(bytesSource(tampered), store, { signingKey: key.signingKey });
    expect(result.verification.status).toBe("verified");
    expect(result.refused).toEqual([
      expect.objectContaining({
        code: "not_in_signed_manifest",
        path: "materials/Session 2 Risk management draft final.pdf",
      }),
    ]);
    expect(result.imported.map((e) => e.materialId)).toEqual(["glance", "walk", "annex-a", "annex-b"]);
    expect(store.files.has(sha256Of(patternBytes(risk.length, 78)))).toBe(false);
  });
});

describe("damaged files", () => {
  it("refuses a file with one flipped byte and imports the rest", async () => {
    const { bytes } = await makePack();
    const at = await dataOffsetOf(bytes, "materials/Border walk-through.mp4");
    const damaged = bytes.slice();
    damaged[at + 500_000] ^= 0x01;
    const store = memoryStore();
    const result = await readPack(bytesSource(damaged), store, { signingKey: key.signingKey });
    expect(result.verification.status).toBe("verified");
    expect(result.refused).toEqual([
      {
        entry: expect.objectContaining({ materialId: "walk" }),
        path: "materials/Border walk-through.mp4",
        code: "damaged",
        reason: expect.stringMatching(/^This file was changed or damaged on the way \(/),
      },
    ]);
    expect(result.imported.map((e) => e.materialId)).toEqual(["glance", "risk", "annex-a", "annex-b"]);
    expect(store.files.has(shared[2].sha256)).toBe(false);
    expect(store.calls).toContain(`discard ${shared[2].sha256.slice(0, 8)}`);
    expect(store.open.size).toBe(0);
  });

  it("refuses a file swapped for other bytes of exactly the same size in a validly re-zipped pack: only the hash can tell", async () => {
    const { bytes, manifest } = await makePack();
    const entry = manifest.entries.find((e) => e.materialId === "risk");
    if (!entry) throw new Error("no entry");
    const swapped = patternBytes(entry.size, 99);
    expect(swapped.length).toBe(entry.size);
    expect(sha256Of(swapped)).not.toBe(entry.sha256);
    // fflate writes a correct CRC-32 and size for the new bytes: nothing in the zip itself is wrong.
    const tampered = repack(bytes, (_manifest, rest) => {
      rest[entry.path] = swapped;
    });
    const store = memoryStore();
    const result = await readPack(bytesSource(tampered), store, { signingKey: key.signingKey });
    expect(result.verification.status).toBe("verified");
    expect(result.refused).toEqual([
      {
        entry: expect.objectContaining({ materialId: "risk" }),
        path: entry.path,
        code: "damaged",
        reason: expect.stringContaining("SHA-256"),
      },
    ]);
    expect(result.imported.map((e) => e.materialId)).toEqual(["glance", "walk", "annex-a", "annex-b"]);
    expect(store.files.has(entry.sha256)).toBe(false);
    expect(store.open.size).toBe(0);
  });

  it("refuses a file listed in the manifest but missing from the zip", async () => {
    const { bytes } = await makePack();
    const cut = repack(bytes, (_manifest, rest) => {
      delete rest["materials/Annex.pdf"];
    });
    const result = await readPack(bytesSource(cut), memoryStore(), { signingKey: key.signingKey });
    expect(result.refused).toEqual([expect.objectContaining({ code: "missing", path: "materials/Annex.pdf" })]);
    expect(result.imported).toHaveLength(4);
  });

  it("never exports a file whose bytes do not match its material", async () => {
    const bad = video.slice();
    bad[10] ^= 0xff;
    const walk = shared[2];
    for (const [bytes, pattern] of [
      [bad, /does not match its checksum \(SHA-256/],
      [video.subarray(0, 999_999), /999999 bytes instead of 1000000/],
      [patternBytes(1_000_001, 3), /more than 1000000 bytes/],
    ] as const) {
      const sink = memorySink();
      const attempt = writePack(
        {
          workshop: WORKSHOP,
          manifest: serverManifest,
          appVersion: "t",
          files: [...files([shared[0]]), { material: walk, read: () => chunksOf(bytes) }],
        },
        sink,
      );
      await expect(attempt).rejects.toThrow(pattern);
      await expect(attempt).rejects.toMatchObject({ code: "source_damaged" });
      expect(sink.aborted).toBe(true);
      expect(sink.closed).toBe(false);
    }
  });

  it("refuses to export a material that is not in the manifest, naming the problem and the material for the screen", async () => {
    const stray = material("stray", "Stray", "stray.pdf", annexA);
    await expect(
      writePack(
        {
          workshop: WORKSHOP,
          manifest: serverManifest,
          appVersion: "t",
          files: [{ material: stray, read: () => chunksOf(annexA) }],
        },
        memorySink(),
      ),
    ).rejects.toMatchObject({ code: "bad_input", problem: "not_in_manifest", values: { title: "Stray" } });
  });
});

describe("pack progress and cancelling", () => {
  it("reports export progress up to the total of the files", async () => {
    const seen: Array<[number, number]> = [];
    await writePack({ workshop: WORKSHOP, manifest: serverManifest, appVersion: "t", files: files() }, memorySink(), {
      onProgress: (done, total) => seen.push([done, total]),
    });
    const total = shared.reduce((s, m) => s + m.size, 0);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([, t]) => t === total)).toBe(true);
  });

  it("stops an export when cancelled and aborts the sink", async () => {
    const controller = new AbortController();
    const sink = memorySink();
    const attempt = writePack({ workshop: WORKSHOP, manifest: serverManifest, appVersion: "t", files: files() }, sink, {
      signal: controller.signal,
      onProgress: (done) => done > 100_000 && controller.abort(new Error("cancelled by the trainer")),
    });
    await expect(attempt).rejects.toThrow("cancelled by the trainer");
    expect(sink.aborted).toBe(true);
  });

  it("stops an import when cancelled, leaving nothing half-stored", async () => {
    const { bytes } = await makePack();
    const controller = new AbortController();
    const store = memoryStore();
    const attempt = readPack(bytesSource(bytes), store, {
      chunkBytes: 64 * 1024,
      signal: controller.signal,
      onProgress: (done) => done > bytes.length / 2 && controller.abort(new Error("cancelled")),
    });
    await expect(attempt).rejects.toThrow("cancelled");
    expect(store.open.size).toBe(0);
  });
});

describe("pack file names", () => {
  it("keeps titles readable and safe on every file system", () => {
    expect(readableFileName("RKC at a glance", "x.pdf")).toBe("RKC at a glance.pdf");
    expect(readableFileName("Guide.pdf", "guide.PDF")).toBe("Guide.pdf");
    expect(readableFileName('a/b\\c:d*e?f"g<h>i|j', "f.docx")).toBe("a b c d e f g h i j.docx");
    expect(readableFileName("tabs\tand\nnew  lines\u0000", "f.pdf")).toBe("tabs and new lines.pdf");
    expect(readableFileName("../../etc/passwd", "x.txt")).toBe("etc passwd.txt");
    expect(readableFileName("invoice\u202Efdp.exe", "x.pdf")).toBe("invoice fdp.exe.pdf");
    expect(readableFileName("???", "Useful name.pdf")).toBe("Useful name.pdf");
    expect(readableFileName("***", "???")).toBe("file");
    expect(readableFileName("CON", "con.txt")).toBe("_CON.txt");
    const long = readableFileName("x".repeat(500), "f.pdf");
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith("x.pdf")).toBe(true);
    expect(readableFileName("Ấn phẩm — tiếng Việt", "f.pdf")).toBe("Ấn phẩm — tiếng Việt.pdf");
  });

  it("de-duplicates without regard to case", () => {
    expect(
      packPaths([
        { title: "Slides", fileName: "a.pdf" },
        { title: "slides", fileName: "b.pdf" },
        { title: "SLIDES", fileName: "c.pdf" },
        { title: "Slides", fileName: "d.pptx" },
        { title: "README", fileName: "r.txt" },
      ]),
    ).toEqual([
      "materials/Slides.pdf",
      "materials/slides (2).pdf",
      "materials/SLIDES (3).pdf",
      "materials/Slides.pptx",
      "materials/README.txt",
    ]);
  });

  it("gives non-ASCII names the Unicode Path extra field too, and they round-trip", async () => {
    expect(unicodePathExtra("materials/Plain.pdf")).toBeUndefined();
    const field = unicodePathExtra("materials/Ấn phẩm.pdf")?.[0x7075];
    expect(field?.[0]).toBe(1);
    expect(new TextDecoder().decode(field?.subarray(5))).toBe("materials/Ấn phẩm.pdf");
    const m = material("vi", "Ấn phẩm — tiếng Việt", "an-pham.pdf", annexA);
    const manifest = { workshopId: WORKSHOP.id, version: "v1", materials: [m] };
    const sink = memorySink();
    await writePack(
      { workshop: WORKSHOP, manifest, appVersion: "t", files: [{ material: m, read: () => chunksOf(annexA) }] },
      sink,
    );
    expect(Object.keys(unzipSync(sink.bytes()))).toContain("materials/Ấn phẩm — tiếng Việt.pdf");
    const result = await readPack(bytesSource(sink.bytes()), memoryStore());
    expect(result.imported.map((e) => e.path)).toEqual(["materials/Ấn phẩm — tiếng Việt.pdf"]);
  });

  it("is a PackError with a code", () => {
    const error = new PackError("not_a_zip", "x");
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("not_a_zip");
  });
});
