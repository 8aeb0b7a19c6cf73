// Every kind of file that is not an honest pack is refused cleanly, with its code, before anything is stored
// (or, for one bad entry inside an otherwise sound pack, that entry alone is refused).
// Kept whole past 300 lines: every case is a variation of one honest pack and its manifest builder.
import { Deflate, deflateSync, Inflate, zipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_PACK_ENTRIES, MAX_PACK_MANIFEST_BYTES, type PackManifestInput } from "../../src/shared/pack";
import { PackError, readPack, type PackErrorCode } from "../../src/shared/packs";
import {
  bytesSource,
  material,
  memoryStore,
  patternBytes,
  rawZip,
  sha256Of,
  WORKSHOP,
  type RawZipEntry,
} from "../fixtures/packSupport";

const enc = new TextEncoder();
const one = patternBytes(2000, 11);
const two = patternBytes(3000, 12);

interface Listed {
  id: string;
  path: string;
  bytes: Uint8Array;
}
const listed: Listed[] = [
  { id: "one", path: "materials/One.pdf", bytes: one },
  { id: "two", path: "materials/Two.pdf", bytes: two },
];

function manifestFor(
  files: Listed[] = listed,
  change?: (m: Record<string, unknown> & PackManifestInput) => void,
): Uint8Array {
  const materials = files.map((f) => material(f.id, f.id, `${f.id}.pdf`, f.bytes));
  const manifest = {
    format: "outrigger-pack",
    formatVersion: 1,
    createdAt: "2024-05-01T10:00:00.000Z",
    appVersion: "test",
    workshop: WORKSHOP,
    manifest: { workshopId: WORKSHOP.id, version: "v1", materials },
    entries: files.map((f, i) => ({
      materialId: f.id,
      path: f.path,
      size: f.bytes.length,
      sha256: materials[i].sha256,
    })),
  } as Record<string, unknown> & PackManifestInput;
  change?.(manifest);
  return enc.encode(JSON.stringify(manifest));
}

const honestEntries = (): RawZipEntry[] => [
  { name: "manifest.json", data: manifestFor(), method: 8 },
  ...listed.map((f) => ({ name: f.path, data: f.bytes })),
];

async function refusal(bytes: Uint8Array): Promise<{ code: PackErrorCode; message: string; stored: string[] }> {
  const store = memoryStore();
  try {
    await readPack(bytesSource(bytes), store);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    return { code: error.code, message: error.message, stored: store.calls.filter((c) => !c.startsWith("has")) };
  }
  throw new Error("the pack was accepted");
}

/** Megabytes of zeros, deflated (about 1 KB per MB), made without ever holding them whole. */
function deflatedZeros(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) deflate.push(zeros, i === megabytes - 1);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

/**
 * `bytes` deflated, preceded by empty stored blocks (5 bytes each, unpacking to nothing) until the whole is at least
 * `atLeast` bytes: a valid deflate stream whose compressed size says nothing about what it unpacks to.
 */
function paddedDeflate(bytes: Uint8Array, atLeast: number): Uint8Array {
  const deflated = deflateSync(bytes);
  const emptyBlock = [0x00, 0x00, 0x00, 0xff, 0xff]; // not final, stored, LEN 0, NLEN 0xffff
  const blocks = Math.ceil(Math.max(0, atLeast - deflated.length) / emptyBlock.length);
  const out = new Uint8Array(blocks * emptyBlock.length + deflated.length);
  for (let i = 0; i < blocks; i++) out.set(emptyBlock, i * emptyBlock.length);
  out.set(deflated, blocks * emptyBlock.length);
  return out;
}

let bomb: Uint8Array;
// 20 MB unpacked against 1,000 bytes declared is a bomb as surely as 100 MB, and deflating it costs a fifth
// (100 MB took 3–5 s on the shared test machine and broke the 10 s hook limit under load); the limit is explicit.
beforeAll(() => {
  bomb = deflatedZeros(20);
}, 30_000);

describe("hostile packs refused whole, nothing stored", () => {
  it("the honest raw zip used as the base imports", async () => {
    const result = await readPack(bytesSource(rawZip(honestEntries())), memoryStore());
    expect(result.imported).toHaveLength(2);
    expect(result.refused).toEqual([]);
  });

  const cases: Array<[string, () => Uint8Array, PackErrorCode]> = [
    ["an empty file", () => new Uint8Array(0), "not_a_zip"],
    ["random bytes", () => patternBytes(100_000, 3), "not_a_zip"],
    ["a PDF", () => enc.encode("%PDF-1.7\n" + "x".repeat(5000) + "\n%%EOF\n"), "not_a_zip"],
    ["a pack cut short (no end record)", () => rawZip(honestEntries()).subarray(0, 4000), "not_a_zip"],
    [
      "a zip without manifest.json",
      () => zipSync({ "holiday.jpg": patternBytes(1000, 1), "notes.txt": enc.encode("hello") }),
      "no_manifest",
    ],
    [
      "a manifest that is not JSON",
      () => rawZip([{ name: "manifest.json", data: enc.encode("{not json") }]),
      "bad_manifest",
    ],
    [
      "a manifest of another format",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor(listed, (m) => void (m.format = "someone-elses-pack" as never)) },
        ]),
      "bad_manifest",
    ],
    [
      "a manifest failing the schema",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor(listed, (m) => void (m.entries[0].sha256 = "not-a-hash")) },
          ...listed.map((f) => ({ name: f.path, data: f.bytes })),
        ]),
      "bad_manifest",
    ],
    [
      "a manifest whose workshop and materials disagree",
      () =>
        rawZip([{ name: "manifest.json", data: manifestFor(listed, (m) => void (m.manifest.workshopId = "other")) }]),
      "bad_manifest",
    ],
    [
      "a manifest of a newer format version",
      () => rawZip([{ name: "manifest.json", data: manifestFor(listed, (m) => void (m.formatVersion = 2 as never)) }]),
      "unsupported_version",
    ],
    [
      "../evil.txt",
      () => rawZip([...honestEntries(), { name: "../evil.txt", data: enc.encode("pwned") }]),
      "unsafe_path",
    ],
    [
      "materials/../../evil.txt",
      () => rawZip([...honestEntries(), { name: "materials/../../evil.txt", data: enc.encode("pwned") }]),
      "unsafe_path",
    ],
    ["/abs/path", () => rawZip([...honestEntries(), { name: "/abs/path", data: enc.encode("pwned") }]), "unsafe_path"],
    ["a\\b", () => rawZip([...honestEntries(), { name: "a\\b", data: enc.encode("pwned") }]), "unsafe_path"],
    [
      "C:/windows",
      () => rawZip([...honestEntries(), { name: "C:/windows/evil.dll", data: enc.encode("pwned") }]),
      "unsafe_path",
    ],
    [
      "a manifest entry with a ../ path",
      () => rawZip([{ name: "manifest.json", data: manifestFor([{ ...listed[0], path: "../One.pdf" }]) }]),
      "unsafe_path",
    ],
    [
      "a declared size that disagrees with the manifest",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor() },
          { name: listed[0].path, data: one, size: 1999, compressedSize: 1999 },
          { name: listed[1].path, data: two },
        ]),
      "size_mismatch",
    ],
    [
      "a deflated entry declaring another size than the manifest",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor() },
          { name: listed[0].path, data: one, method: 8, size: 10 },
          { name: listed[1].path, data: two },
        ]),
      "size_mismatch",
    ],
    [
      "an absurd (5 GB) size in the manifest",
      () =>
        rawZip([{ name: "manifest.json", data: manifestFor(listed, (m) => void (m.entries[0].size = 5 * 1024 ** 3)) }]),
      "too_large",
    ],
    [
      "an absurd (5 GB) material in the manifest",
      () =>
        rawZip([
          {
            name: "manifest.json",
            data: manifestFor(listed, (m) => void (m.manifest.materials[0].size = 5 * 1024 ** 3)),
          },
        ]),
      "too_large",
    ],
    ["more entries than a pack may have", () => rawZip(honestEntries(), { entryCount: 2000 }), "too_large"],
    [
      "a manifest.json declaring 2 MB",
      () => rawZip([{ name: "manifest.json", data: manifestFor(), method: 8, size: 2 * 1024 * 1024 }]),
      "too_large",
    ],
    [
      "a manifest.json whose compressed data runs past 1 MiB (empty deflate blocks before it)",
      () =>
        rawZip([
          {
            name: "manifest.json",
            stored: paddedDeflate(manifestFor(), MAX_PACK_MANIFEST_BYTES + 1),
            method: 8,
            size: manifestFor().length,
          },
          ...listed.map((f) => ({ name: f.path, data: f.bytes })),
        ]),
      "too_large",
    ],
    [
      "a manifest.json that unpacks to less than it declares",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor(), method: 8, size: manifestFor().length + 100 },
          ...listed.map((f) => ({ name: f.path, data: f.bytes })),
        ]),
      "bad_manifest",
    ],
    [
      "more signed materials than a pack may have",
      () =>
        rawZip([
          {
            name: "manifest.json",
            data: manifestFor(listed, (m) => {
              const filler = m.manifest.materials[0];
              for (let i = m.manifest.materials.length; i <= MAX_PACK_ENTRIES; i++)
                m.manifest.materials.push({ ...filler, id: `filler-${i}` });
            }),
          },
          ...listed.map((f) => ({ name: f.path, data: f.bytes })),
        ]),
      "too_large",
    ],
    [
      "README.txt listed as a material",
      () => {
        const files = [listed[0], { ...listed[1], path: "README.txt" }];
        return rawZip([
          { name: "manifest.json", data: manifestFor(files) },
          ...files.map((f) => ({ name: f.path, data: f.bytes })),
        ]);
      },
      "bad_manifest",
    ],
    [
      "one material listed under two paths",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor(listed, (m) => void (m.entries[1].materialId = "one")) },
          ...listed.map((f) => ({ name: f.path, data: f.bytes })),
        ]),
      "duplicate_entry",
    ],
    [
      "a manifest.json that is a zip bomb",
      () => rawZip([{ name: "manifest.json", stored: bomb, method: 8, size: 1000 }]),
      "zip_bomb",
    ],
    ["duplicate names", () => rawZip([...honestEntries(), { name: listed[0].path, data: one }]), "duplicate_entry"],
    [
      "names differing only in case",
      () => rawZip([...honestEntries(), { name: listed[0].path.toUpperCase(), data: one }]),
      "duplicate_entry",
    ],
    [
      "the same path twice in the manifest",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor([listed[0], { ...listed[1], path: listed[0].path }]) },
          { name: listed[0].path, data: one },
        ]),
      "duplicate_entry",
    ],
    [
      "an encrypted entry",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor() },
          { name: listed[0].path, data: one, flags: 1 },
          { name: listed[1].path, data: two },
        ]),
      "encrypted",
    ],
    [
      "an AES-encrypted entry (method 99)",
      () => rawZip([...honestEntries(), { name: "x.bin", data: one, method: 99 }]),
      "encrypted",
    ],
    [
      "bzip2 compression (method 12)",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor() },
          { name: listed[0].path, data: one, method: 12 },
          { name: listed[1].path, data: two },
        ]),
      "unsupported_compression",
    ],
    ["a zip64 end record", () => rawZip(honestEntries(), { zip64Locator: true }), "zip64_unsupported"],
    [
      "an entry with zip64 sizes",
      () => rawZip([...honestEntries(), { name: "big.bin", data: one, size: 0xffffffff }]),
      "zip64_unsupported",
    ],
    [
      "a stored entry with two sizes",
      () => rawZip([...honestEntries(), { name: "odd.bin", data: one, size: 5 }]),
      "damaged_zip",
    ],
    [
      "an entry claiming more bytes than the file has",
      () =>
        rawZip([
          { name: "manifest.json", data: manifestFor() },
          { name: listed[0].path, data: one },
          { name: listed[1].path, data: two, size: 3_000_000, compressedSize: 3_000_000 },
        ]),
      "damaged_zip",
    ],
  ];
  it.each(cases)("%s → %s", async (_label, make, code) => {
    const outcome = await refusal(make());
    expect(outcome.code).toBe(code);
    expect(outcome.message.length).toBeGreaterThan(20);
    expect(outcome.stored).toEqual([]);
  });

  it("refuses overlapping entries (one stretch of bytes counted twice)", async () => {
    const zip = rawZip(honestEntries());
    const view = new DataView(zip.buffer);
    // Point the second material's central record at the first material's local header.
    const cdOffset = view.getUint32(zip.length - 22 + 16, true);
    const offsets: number[] = [];
    for (let p = cdOffset, i = 0; i < 3; i++) {
      offsets.push(p);
      p += 46 + view.getUint16(p + 28, true);
    }
    view.setUint32(offsets[2] + 42, view.getUint32(offsets[1] + 42, true), true);
    expect((await refusal(zip)).code).toBe("damaged_zip");
  });

  it("refuses a local header that disagrees with the central directory", async () => {
    const zip = rawZip(honestEntries());
    // The first occurrence of the name is in its local header (the central directory comes last).
    const local = Buffer.from(zip).indexOf(Buffer.from(enc.encode(listed[0].path)));
    zip[local + "materials/One".length] = "X".charCodeAt(0); // "materials/OneXpdf" in the local header only
    expect((await refusal(zip)).code).toBe("damaged_zip");
  });
});

/** Entry one claims 1,999 bytes (and the zip agrees) under the signed SHA-256 of the 2,000-byte material. */
const oneMisSized = (): Uint8Array =>
  rawZip([
    { name: "manifest.json", data: manifestFor(listed, (m) => void (m.entries[0].size = one.length - 1)) },
    { name: listed[0].path, data: one.subarray(0, one.length - 1) },
    { name: listed[1].path, data: two },
  ]);

describe("one bad entry refused, the rest imported", () => {
  it("stops inflating a zip bomb early and fast, storing none of it", async () => {
    const small = new Uint8Array(1000);
    const entries: RawZipEntry[] = [
      {
        name: "manifest.json",
        data: manifestFor([...listed, { id: "bomb", path: "materials/Bomb.pdf", bytes: small }]),
      },
      { name: listed[0].path, data: one },
      { name: "materials/Bomb.pdf", stored: bomb, method: 8, size: 1000 },
      { name: listed[1].path, data: two },
    ];
    const store = memoryStore();
    let written = 0;
    const write = store.write.bind(store);
    store.write = async (sha, chunk) => {
      written += chunk.length;
      return write(sha, chunk);
    };
    // "Fast" measured as work, not wall time (which a busy machine stretches): the inflater is handed one small slice
    // of the bomb's compressed bytes, never the rest that would unpack to its 20 MB.
    const inflated = vi.spyOn(Inflate.prototype, "push");
    let result: Awaited<ReturnType<typeof readPack>>;
    let compressedBytesInflated: number;
    try {
      result = await readPack(bytesSource(rawZip(entries)), store);
      compressedBytesInflated = inflated.mock.calls.reduce((sum, [chunk]) => sum + chunk.length, 0);
    } finally {
      inflated.mockRestore();
    }
    expect(compressedBytesInflated).toBeGreaterThan(0);
    expect(compressedBytesInflated).toBeLessThan(bomb.length / 2);
    expect(result.refused).toEqual([
      expect.objectContaining({
        path: "materials/Bomb.pdf",
        code: "too_big",
        reason: expect.stringContaining("changed or damaged"),
      }),
    ]);
    expect(result.imported.map((e) => e.materialId)).toEqual(["one", "two"]);
    expect(written).toBe(one.length + two.length);
    expect(store.files.has(sha256Of(small))).toBe(false);
    expect(store.open.size).toBe(0);
  });

  it("refuses, without reading it, a file whose size differs from the signed material's even with the same hash", async () => {
    const store = memoryStore();
    const result = await readPack(bytesSource(oneMisSized()), store);
    expect(result.refused).toEqual([expect.objectContaining({ path: listed[0].path, code: "not_in_signed_manifest" })]);
    expect(result.imported.map((e) => e.materialId)).toEqual(["two"]);
    expect(store.calls).not.toContain(`begin ${sha256Of(one).slice(0, 8)}`);
  });

  it("does not count a file as already on the phone when its size differs from the signed material's", async () => {
    const result = await readPack(bytesSource(oneMisSized()), memoryStore({ [sha256Of(one)]: one }));
    expect(result.alreadyPresent).toEqual([]);
    expect(result.refused).toEqual([expect.objectContaining({ path: listed[0].path, code: "not_in_signed_manifest" })]);
  });

  it("refuses a deflated entry whose data is corrupt", async () => {
    const deflated = (await import("fflate")).deflateSync(two);
    const broken = deflated.slice(0, deflated.length - 20);
    const zip = rawZip([
      { name: "manifest.json", data: manifestFor() },
      { name: listed[0].path, data: one },
      { name: listed[1].path, stored: broken, method: 8, size: two.length },
    ]);
    const result = await readPack(bytesSource(zip), memoryStore());
    expect(result.refused).toEqual([expect.objectContaining({ path: listed[1].path, code: "damaged" })]);
    expect(result.imported.map((e) => e.materialId)).toEqual(["one"]);
  });

  it("imports deflated materials too (a pack re-zipped by another tool)", async () => {
    const zip = rawZip([
      { name: "manifest.json", data: manifestFor(), method: 8 },
      ...listed.map((f) => ({ name: f.path, data: f.bytes, method: 8 })),
    ]);
    const store = memoryStore();
    const result = await readPack(bytesSource(zip), store);
    expect(result.imported).toHaveLength(2);
    expect(Buffer.from(store.files.get(sha256Of(two)) as Uint8Array).equals(Buffer.from(two))).toBe(true);
  });

  it("ignores folders and README.txt, and refuses (never reads) files not in the manifest", async () => {
    const zip = rawZip([
      { name: "materials/" },
      ...honestEntries(),
      { name: "README.txt", data: enc.encode("hi") },
      { name: "materials/extra.exe", data: patternBytes(500, 9) },
    ]);
    const store = memoryStore();
    const result = await readPack(bytesSource(zip), store);
    expect(result.imported).toHaveLength(2);
    expect(result.refused).toEqual([
      { path: "materials/extra.exe", code: "not_listed", reason: expect.stringContaining("not in the pack's list") },
    ]);
    expect(store.files.size).toBe(2);
  });
});
