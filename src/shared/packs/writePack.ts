// Writing a pack: one ordinary zip streamed chunk by chunk to a sink, so a 300 MB pack never sits in memory.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from "fflate";
import type { Workshop } from "../directory";
import type { Material } from "../materials";
import * as pack from "../pack";
import type { ManifestSignature } from "../signing";
import { abortReason, PackExportError } from "./errors";
import { PACK_README_PATH, packPaths } from "./paths";

/** Where the zip goes: an OPFS writable, a Blob collector, a Node file. Each write is awaited before more is read. */
export interface PackSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Called instead of `close` when the pack cannot be finished (FileSystemWritableFileStream has it). */
  abort?(reason?: unknown): Promise<void>;
}

export interface PackFileInput {
  material: Material;
  /** The file's bytes, in chunks of any size; read once. */
  read(): AsyncIterable<Uint8Array>;
}

export interface PackInput {
  workshop: Workshop;
  /** The server's manifest as signed: every material of the workshop. */
  manifest: { workshopId: string; version: string; materials: readonly Material[]; workshop?: Workshop };
  signature?: ManifestSignature;
  appVersion: string;
  /** Defaults to now. */
  createdAt?: Date;
  /** The files to put in the pack; each material must be in `manifest.materials`. */
  files: readonly PackFileInput[];
}

export interface WritePackOptions {
  /** Material bytes written so far and in all (manifest and README not counted); called at least once at the end. */
  onProgress?(bytesWritten: number, totalBytes: number): void;
  signal?: AbortSignal;
}

export interface WritePackResult {
  manifest: pack.PackManifest;
  /** Size of the zip written to the sink. */
  packBytes: number;
}

/** A zip without zip64 cannot hold more; the central directory and headers need some room too. */
const MAX_ZIP_BYTES = 0xffffffff - 16 * 1024 * 1024;
const DOS_EPOCH = Date.UTC(1980, 0, 2);
const DOS_END = Date.UTC(2099, 11, 30);

const zipTime = (iso: string | Date): number => {
  const t = typeof iso === "string" ? Date.parse(iso) : iso.getTime();
  return Number.isFinite(t) ? Math.min(DOS_END, Math.max(DOS_EPOCH, t)) : Date.now();
};

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * For a non-ASCII name, the Info-ZIP Unicode Path extra field (0x7075) beside the UTF-8 flag fflate sets:
 * unzip tools that ignore the flag (Info-ZIP unzip 6, older Windows) read the name from it instead.
 */
export function unicodePathExtra(name: string): Record<number, Uint8Array> | undefined {
  if (/^[\x20-\x7e]*$/.test(name)) return undefined;
  const utf8 = new TextEncoder().encode(name);
  const field = new Uint8Array(5 + utf8.length);
  field[0] = 1;
  new DataView(field.buffer).setUint32(1, crc32(utf8), true);
  field.set(utf8, 5);
  return { 0x7075: field };
}

/** Split at most this many bytes per push, so one huge chunk from `read()` is still written piecewise. */
const MAX_PUSH_BYTES = 1024 * 1024;

export function packReadme(
  input: PackInput,
  entries: readonly pack.PackEntry[],
  materials: ReadonlyMap<string, Material>,
): string {
  const lines = [
    `${input.workshop.title}`,
    "",
    "Training materials shared with the Outrigger app.",
    "",
    "Open the files in the materials folder with any viewer (PDF reader, video player...).",
    "The Outrigger app can import this whole file (Share and train > Import a pack) and check that it is",
    "genuine and complete: every file's SHA-256 is listed in manifest.json" +
      (input.signature ? `, and the list is signed by ${input.signature.issuer}.` : "."),
    "",
    "Files:",
    ...entries.map(
      (e) => `  ${e.path.slice(e.path.indexOf("/") + 1)}  (${materials.get(e.materialId)?.title ?? e.materialId})`,
    ),
    "",
  ];
  return lines.join("\r\n");
}

const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw abortReason(signal);
};

/**
 * Streams a pack (manifest.json first, then README.txt, then every file stored uncompressed under materials/)
 * to `sink`. Each file is hashed while written: one that does not match its material's size and SHA-256 stops
 * the pack with a PackError("source_damaged"), so a damaged copy is never passed on as genuine.
 */
export async function writePack(
  input: PackInput,
  sink: PackSink,
  options: WritePackOptions = {},
): Promise<WritePackResult> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const materials = new Map(input.manifest.materials.map((m) => [m.id, m]));
  if (input.files.length > pack.MAX_PACK_ENTRIES)
    throw new PackExportError("too_large", "too_many_files", { max: pack.MAX_PACK_ENTRIES });
  const seen = new Set<string>();
  for (const { material } of input.files) {
    const listed = materials.get(material.id);
    if (!listed || listed.sha256 !== material.sha256 || listed.size !== material.size) {
      throw new PackExportError("bad_input", "not_in_manifest", { title: material.title });
    }
    if (seen.has(material.id)) throw new PackExportError("bad_input", "chosen_twice", { title: material.title });
    seen.add(material.id);
    if (material.size > pack.MAX_PACK_ENTRY_BYTES)
      throw new PackExportError("too_large", "file_too_big", { title: material.title });
  }
  const totalBytes = input.files.reduce((sum, f) => sum + f.material.size, 0);
  if (totalBytes > MAX_ZIP_BYTES) throw new PackExportError("too_large", "total_too_big");

  const paths = packPaths(input.files.map((f) => f.material));
  const entries: pack.PackEntry[] = input.files.map((f, i) => ({
    materialId: f.material.id,
    path: paths[i],
    size: f.material.size,
    sha256: f.material.sha256,
  }));
  const createdAt = input.createdAt ?? new Date();
  const candidate = {
    format: pack.PACK_FORMAT,
    formatVersion: pack.PACK_FORMAT_VERSION,
    createdAt: createdAt.toISOString(),
    appVersion: input.appVersion,
    workshop: input.workshop,
    manifest: {
      workshopId: input.manifest.workshopId,
      version: input.manifest.version,
      materials: [...input.manifest.materials],
      ...(input.manifest.workshop ? { workshop: input.manifest.workshop } : {}),
    },
    ...(input.signature ? { signature: input.signature } : {}),
    entries,
  };
  const checked = pack.packManifest.safeParse(candidate);
  if (!checked.success)
    throw new PackExportError("bad_input", "invalid_manifest", {
      detail: checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  const manifest = checked.data;
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  if (manifestBytes.length > pack.MAX_PACK_MANIFEST_BYTES) throw new PackExportError("too_large", "manifest_too_long");

  // fflate calls back synchronously; its chunks wait here until the sink has taken the previous ones.
  const queue: Uint8Array[] = [];
  let zipError: Error | undefined;
  let finished = false;
  let packBytes = 0;
  const zip = new Zip((error, chunk, final) => {
    if (error) zipError ??= error;
    else if (chunk) queue.push(chunk);
    if (final) finished = true;
  });
  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      if (zipError) throw zipError;
      const chunk = queue.shift() as Uint8Array;
      await sink.write(chunk);
      packBytes += chunk.length;
    }
    if (zipError) throw zipError;
  };
  const addWhole = async (
    file: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void },
    bytes: Uint8Array,
    mtime: number,
  ): Promise<void> => {
    file.mtime = mtime;
    zip.add(file);
    file.push(bytes, true);
    await drain();
  };

  let written = 0;
  try {
    const packTime = zipTime(createdAt);
    await addWhole(new ZipDeflate(pack.PACK_MANIFEST_PATH, { level: 6 }), manifestBytes, packTime);
    await addWhole(
      new ZipDeflate(PACK_README_PATH, { level: 6 }),
      new TextEncoder().encode(packReadme(input, entries, materials)),
      packTime,
    );
    onProgress?.(0, totalBytes);

    for (const [i, { material, read }] of input.files.entries()) {
      throwIfAborted(signal);
      const file = new ZipPassThrough(entries[i].path);
      file.mtime = zipTime(material.updatedAt);
      const extra = unicodePathExtra(entries[i].path);
      if (extra) file.extra = extra;
      zip.add(file);
      const hasher = sha256.create();
      let size = 0;
      const damaged = (detail: string) =>
        new PackExportError("source_damaged", "source_damaged", { title: material.title, detail });
      for await (const piece of read()) {
        for (let at = 0; at < piece.length; at += MAX_PUSH_BYTES) {
          throwIfAborted(signal);
          const chunk = piece.length <= MAX_PUSH_BYTES ? piece : piece.subarray(at, at + MAX_PUSH_BYTES);
          size += chunk.length;
          if (size > material.size) throw damaged(`more than ${material.size} bytes`);
          hasher.update(chunk);
          file.push(chunk);
          await drain();
          written += chunk.length;
          onProgress?.(written, totalBytes);
        }
      }
      if (size !== material.size) throw damaged(`${size} bytes instead of ${material.size}`);
      const digest = bytesToHex(hasher.digest());
      if (digest !== material.sha256)
        throw damaged(`SHA-256 ${digest.slice(0, 12)}… instead of ${material.sha256.slice(0, 12)}…`);
      file.push(new Uint8Array(0), true);
      await drain();
    }
    zip.end();
    await drain();
    if (!finished) throw new Error("The zip was not finished.");
    await sink.close();
  } catch (error) {
    zip.terminate();
    await sink.abort?.(error).catch(() => undefined);
    throw error;
  }
  onProgress?.(totalBytes, totalBytes);
  return { manifest, packBytes };
}
