// Reading a zip from its central directory, with random access: nothing is trusted until checked, nothing
// is inflated past the size it declares, and no entry is ever held whole in memory.
import { Inflate } from "fflate";
import { MAX_PACK_ENTRIES } from "../pack";
import { abortReason, refuse } from "./errors";
import { isSafeZipPath } from "./paths";

/** Random access to the pack file: File.slice().arrayBuffer() in a browser, a file handle in Node. */
export interface PackSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  /** Uncompressed size as the central directory declares it. */
  size: number;
  crc32: number;
  localHeaderOffset: number;
  isDirectory: boolean;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  centralDirectoryOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
/** Room for every entry a pack may have, plus a README and a few folders added by other zip tools. */
export const MAX_ZIP_ENTRIES = MAX_PACK_ENTRIES + 16;
const MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024;
const ZIP32_MAX = 0xffffffff;

const u16 = (b: Uint8Array, at: number): number => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** Reads exactly `length` bytes, or refuses the pack as damaged. */
export async function readExactly(source: PackSource, offset: number, length: number): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > source.size)
    throw refuse("damaged_zip", "a part of the file lies beyond its end");
  const bytes = length === 0 ? new Uint8Array(0) : await source.read(offset, length);
  if (bytes.length !== length) throw refuse("damaged_zip", "the file ended early");
  return bytes;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** Finds and checks the central directory; refuses whatever is not a plain (non-zip64, single-disk) zip of pack size. */
export async function readZipDirectory(source: PackSource): Promise<ZipDirectory> {
  if (source.size < EOCD_BYTES) throw refuse("not_a_zip");
  if (source.size > ZIP32_MAX) throw refuse("zip64_unsupported", "the file is over 4 GB");
  const tailLength = Math.min(source.size, EOCD_BYTES + MAX_COMMENT_BYTES);
  const tailStart = source.size - tailLength;
  const tail = await readExactly(source, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (u32(tail, i) === EOCD_SIGNATURE && i + EOCD_BYTES + u16(tail, i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw refuse("not_a_zip");
  const eocdOffset = tailStart + at;
  if (at >= 20 && u32(tail, at - 20) === ZIP64_LOCATOR_SIGNATURE) throw refuse("zip64_unsupported");
  const disk = u16(tail, at + 4);
  const cdDisk = u16(tail, at + 6);
  const entriesOnDisk = u16(tail, at + 8);
  const entryCount = u16(tail, at + 10);
  const cdSize = u32(tail, at + 12);
  const cdOffset = u32(tail, at + 16);
  if (entryCount === 0xffff || entriesOnDisk === 0xffff || cdSize === ZIP32_MAX || cdOffset === ZIP32_MAX)
    throw refuse("zip64_unsupported");
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount)
    throw refuse("damaged_zip", "split across several files");
  if (entryCount > MAX_ZIP_ENTRIES) throw refuse("too_large", `${entryCount} entries`);
  if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES) throw refuse("too_large", "the list of contents is too long");
  if (cdOffset + cdSize > eocdOffset) throw refuse("damaged_zip", "the list of contents lies outside the file");

  const cd = await readExactly(source, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = 0;
  for (let n = 0; n < entryCount; n++) {
    if (p + 46 > cd.length || u32(cd, p) !== CENTRAL_SIGNATURE)
      throw refuse("damaged_zip", "the list of contents is cut short");
    const flags = u16(cd, p + 8);
    const method = u16(cd, p + 10);
    const crc32 = u32(cd, p + 16);
    const compressedSize = u32(cd, p + 20);
    const size = u32(cd, p + 24);
    const nameLength = u16(cd, p + 28);
    const extraLength = u16(cd, p + 30);
    const commentLength = u16(cd, p + 32);
    const localHeaderOffset = u32(cd, p + 42);
    if (p + 46 + nameLength + extraLength + commentLength > cd.length)
      throw refuse("damaged_zip", "the list of contents is cut short");
    const name = utf8.decode(cd.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;

    if (compressedSize === ZIP32_MAX || size === ZIP32_MAX || localHeaderOffset === ZIP32_MAX)
      throw refuse("zip64_unsupported", name);
    if (!isSafeZipPath(name)) throw refuse("unsafe_path", JSON.stringify(name).slice(0, 120));
    // Bit 0: encrypted; bit 6: strong encryption; method 99: AES.
    if (flags & 0x41 || method === 99) throw refuse("encrypted", name);
    if (method !== 0 && method !== 8) throw refuse("unsupported_compression", `${name}: method ${method}`);
    if (method === 0 && compressedSize !== size)
      throw refuse("damaged_zip", `${name}: stored with two different sizes`);
    const key = name.normalize("NFC").toLowerCase();
    if (names.has(key)) throw refuse("duplicate_entry", name);
    names.add(key);
    if (localHeaderOffset + 30 + nameLength + compressedSize > cdOffset)
      throw refuse("damaged_zip", `${name} lies outside the file`);
    entries.push({
      name,
      method,
      flags,
      compressedSize,
      size,
      crc32,
      localHeaderOffset,
      isDirectory: name.endsWith("/"),
    });
  }
  // Entries may not overlap: one stretch of bytes counted twice is how the nastiest zip bombs work.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1];
    const minimumEnd =
      previous.localHeaderOffset + 30 + new TextEncoder().encode(previous.name).length + previous.compressedSize;
    if (byOffset[i].localHeaderOffset < minimumEnd)
      throw refuse("damaged_zip", `${previous.name} and ${byOffset[i].name} overlap`);
  }
  return { entries, centralDirectoryOffset: cdOffset };
}

/** Where an entry's data starts, after checking its local header agrees with the central directory. */
export async function entryDataOffset(source: PackSource, directory: ZipDirectory, entry: ZipEntry): Promise<number> {
  const nameBytes = new TextEncoder().encode(entry.name);
  const header = await readExactly(source, entry.localHeaderOffset, 30 + nameBytes.length);
  if (u32(header, 0) !== LOCAL_SIGNATURE) throw refuse("damaged_zip", `${entry.name}: no local header`);
  const method = u16(header, 8);
  const nameLength = u16(header, 26);
  const extraLength = u16(header, 28);
  if (method !== entry.method || nameLength !== nameBytes.length || !nameBytes.every((b, i) => header[30 + i] === b)) {
    throw refuse("damaged_zip", `${entry.name}: its two headers disagree`);
  }
  const dataOffset = entry.localHeaderOffset + 30 + nameLength + extraLength;
  if (dataOffset + entry.compressedSize > directory.centralDirectoryOffset)
    throw refuse("damaged_zip", `${entry.name} lies outside the file`);
  return dataOffset;
}

/** Raised while reading one entry: it is refused, the others carry on. */
export class EntryDataError extends Error {
  constructor(
    readonly kind: "too_big" | "corrupt",
    message: string,
  ) {
    super(message);
    this.name = "EntryDataError";
  }
}

export interface EntryReadOptions {
  /** Stop (EntryDataError "too_big") as soon as the output would exceed this many bytes. */
  maxBytes: number;
  /** Bytes read from the source at a time. */
  chunkBytes?: number;
  signal?: AbortSignal;
  /** Called with the compressed bytes read from the source. */
  onRead?(bytes: number): void;
}

export const DEFAULT_READ_CHUNK_BYTES = 512 * 1024;
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so one slice can never
 * produce more than ~8 MB, whatever the zip claims; the limit is checked after every slice.
 */
const INFLATE_SLICE_BYTES = 8 * 1024;

/** An entry's uncompressed bytes, in chunks, never more than `maxBytes` in all. */
export async function* readEntryData(
  source: PackSource,
  entry: ZipEntry,
  dataOffset: number,
  options: EntryReadOptions,
): AsyncGenerator<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_READ_CHUNK_BYTES;
  const { maxBytes, signal } = options;
  if (entry.method === 0) {
    if (entry.compressedSize > maxBytes) throw new EntryDataError("too_big", `declares ${entry.compressedSize} bytes`);
    for (let done = 0; done < entry.compressedSize;) {
      if (signal?.aborted) throw abortReason(signal);
      const length = Math.min(chunkBytes, entry.compressedSize - done);
      const chunk = await readExactly(source, dataOffset + done, length);
      done += length;
      options.onRead?.(length);
      yield chunk;
    }
    return;
  }

  let out: Uint8Array[] = [];
  let produced = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (chunk.length > 0) out.push(chunk);
    produced += chunk.length;
    if (final) ended = true;
  });
  const push = (slice: Uint8Array, final: boolean): void => {
    try {
      inflater.push(slice, final);
    } catch (error) {
      throw new EntryDataError(
        "corrupt",
        `cannot be unpacked: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (produced > maxBytes) throw new EntryDataError("too_big", `unpacks to more than ${maxBytes} bytes`);
  };
  for (let done = 0; done < entry.compressedSize && !ended;) {
    if (signal?.aborted) throw abortReason(signal);
    const length = Math.min(chunkBytes, entry.compressedSize - done);
    const chunk = await readExactly(source, dataOffset + done, length);
    done += length;
    options.onRead?.(length);
    for (let at = 0; at < chunk.length && !ended; at += INFLATE_SLICE_BYTES) {
      push(chunk.subarray(at, at + INFLATE_SLICE_BYTES), false);
      if (out.length > 0) {
        const ready = out;
        out = [];
        for (const piece of ready) yield piece;
      }
    }
  }
  if (!ended) push(new Uint8Array(0), true);
  for (const piece of out) yield piece;
}
