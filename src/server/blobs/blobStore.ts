// Content-addressed file store: each file is kept once, named by its sha-256, under <dir>/<first 2 hex>/<sha256>.
// A name is only ever built from a validated lower-case hex hash, so no request can reach a path outside the store.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Big reads keep a 50 MB download close to what a plain static server manages (fewer, larger writes). */
export const BLOB_READ_CHUNK_BYTES = 512 * 1024;

/**
 * A `.incoming-*` file untouched for this long belongs to an import that was killed: a live one writes to it
 * all the time. (Live imports of this process are skipped whatever their age; this guards other processes,
 * e.g. `materials:add` run beside the server.)
 */
export const ABANDONED_INCOMING_AGE_MS = 60 * 60 * 1000;
const INCOMING_PREFIX = ".incoming-";

export interface SweptIncoming {
  removedFiles: number;
  removedBytes: number;
}

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface ByteSpan {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
}

export interface BlobStore {
  readonly dir: string;
  putFile(path: string): Promise<StoredBlob>;
  putStream(source: Readable | AsyncIterable<Uint8Array>): Promise<StoredBlob>;
  putBytes(bytes: Uint8Array): Promise<StoredBlob>;
  has(sha256: string): Promise<boolean>;
  /** The stored size in bytes, or undefined when the store does not hold it. */
  size(sha256: string): Promise<number | undefined>;
  /** A read stream of the whole blob or of one inclusive byte span. */
  open(sha256: string, span?: ByteSpan): ReadStream;
  /** True when something was removed. */
  remove(sha256: string): Promise<boolean>;
  /** Removes temporary files of imports killed part-way (older than ABANDONED_INCOMING_AGE_MS at `now`). */
  sweepAbandonedIncoming(now: Date): Promise<SweptIncoming>;
}

export class InvalidBlobIdError extends Error {
  constructor() {
    super("A blob id must be a sha-256 in lower-case hex (64 characters 0-9a-f).");
    this.name = "InvalidBlobIdError";
  }
}

export function isBlobId(value: string): boolean {
  return SHA256_HEX.test(value);
}

export function createBlobStore(dir: string): BlobStore {
  const pathOf = (sha256: string): string => {
    if (typeof sha256 !== "string" || !SHA256_HEX.test(sha256)) throw new InvalidBlobIdError();
    return join(dir, sha256.slice(0, 2), sha256);
  };

  // Temp files being written by this process: never swept, however long a slow source takes.
  const live = new Set<string>();

  async function putStream(source: Readable | AsyncIterable<Uint8Array>): Promise<StoredBlob> {
    await mkdir(dir, { recursive: true });
    // Written under a temporary name in the store itself (same file system), so the final rename is atomic:
    // a reader sees the whole file or nothing.
    const tempName = `${INCOMING_PREFIX}${randomUUID()}`;
    const temp = join(dir, tempName);
    live.add(tempName);
    const hash = createHash("sha256");
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      const readable = source instanceof Readable ? source : Readable.from(source);
      await pipeline(readable, hashing, createWriteStream(temp, { flags: "wx" }));
      const handle = await open(temp, "r+");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest("hex");
      const target = pathOf(sha256);
      if (await exists(target)) {
        // Same name means same bytes: the stored copy stays untouched.
        await unlink(temp);
      } else {
        await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
        await rename(temp, target);
        await syncDirectory(join(dir, sha256.slice(0, 2)));
      }
      return { sha256, size };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    } finally {
      live.delete(tempName);
    }
  }

  async function sweepAbandonedIncoming(now: Date): Promise<SweptIncoming> {
    const swept: SweptIncoming = { removedFiles: 0, removedBytes: 0 };
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (isNotFound(error)) return swept;
      throw error;
    }
    for (const name of names) {
      if (!name.startsWith(INCOMING_PREFIX) || live.has(name)) continue;
      const path = join(dir, name);
      try {
        const info = await stat(path);
        if (!info.isFile() || now.getTime() - info.mtimeMs < ABANDONED_INCOMING_AGE_MS) continue;
        await unlink(path);
        swept.removedFiles += 1;
        swept.removedBytes += info.size;
      } catch (error) {
        // Finished (renamed) or removed by someone else meanwhile: nothing left to sweep.
        if (!isNotFound(error)) throw error;
      }
    }
    return swept;
  }

  return {
    dir,
    putStream,
    sweepAbandonedIncoming,
    putFile: (path) => putStream(createReadStream(path, { highWaterMark: BLOB_READ_CHUNK_BYTES })),
    putBytes: (bytes) => putStream(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)])),
    has: async (sha256) => exists(pathOf(sha256)),
    size: async (sha256) => {
      try {
        const info = await stat(pathOf(sha256));
        return info.isFile() ? info.size : undefined;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    open: (sha256, span) =>
      createReadStream(pathOf(sha256), {
        highWaterMark: BLOB_READ_CHUNK_BYTES,
        ...(span ? { start: span.start, end: span.end } : {}),
      }),
    remove: async (sha256) => {
      try {
        await unlink(pathOf(sha256));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}

/** Makes the new directory entry durable; not every platform allows opening a directory, which is fine. */
async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
