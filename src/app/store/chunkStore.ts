// Where a downloading file's bytes and progress live: a small adapter over the blobs and blobChunks tables, so the downloader never touches Dexie.
import { db as defaultDb, type BlobChunk, type BlobState, type OutriggerDb, type MaterialFile } from "./db";
import { chunkRange, deleteBlobIfUnused, deleteChunks, offlineTables } from "./offlineChoices";

/** The file's row was removed (cancelled or no longer chosen) while its bytes were arriving. */
export class FileRemovedError extends Error {}

/** The row fields that move with each appended chunk. */
export interface ChunkProgress {
  storedBytes: number;
  chunkCount: number;
  /** Omitted: the speed stays as stored. */
  bytesPerSecond?: number;
  updatedAt: string;
}

/**
 * A file's stored bytes, as contiguous chunks from offset 0, and the row that tracks them.
 *
 * Contract: every method that changes more than one record does so in one transaction, so a
 * crash leaves either the old or the new state, never chunks that disagree with the row. Methods
 * reject with the browser's own error when storage fails (a `QuotaExceededError`, possibly wrapped
 * by Dexie as `inner`); `append` also rejects with `FileRemovedError`. A missing row is not an
 * error for the other methods: they do nothing.
 */
export interface ChunkStore {
  file(sha256: string): Promise<MaterialFile | undefined>;
  /** The file's chunks in index order. */
  chunks(sha256: string): Promise<BlobChunk[]>;
  setState(sha256: string, state: BlobState, at: string): Promise<void>;
  /** Atomic: the chunk and the row's new progress are stored together, or neither is. */
  append(chunk: BlobChunk, progress: ChunkProgress): Promise<void>;
  /** Atomic: drops every chunk and sets the row's progress back to 0, so the file starts again. */
  clear(sha256: string, at: string): Promise<void>;
  /** Atomic: drops every chunk and marks the file failed with a problem the participant reads. */
  fail(sha256: string, problem: string, at: string): Promise<void>;
  /** Atomic: marks the file complete and frees the earlier versions its choices kept readable meanwhile. */
  complete(sha256: string, at: string): Promise<void>;
  /** Atomic: a file still to fetch becomes paused (complete, failed and paused ones stay as they are). */
  pause(sha256: string, at: string): Promise<void>;
  /** Atomic: a paused or failed file goes back in the queue, its problem forgotten. */
  requeue(sha256: string, at: string): Promise<void>;
  /** Files left queued, downloading or verifying, oldest change first. */
  unfinished(): Promise<MaterialFile[]>;
}

/** The row without its speed: a speed is shown only while bytes are arriving. */
function withoutSpeed(row: MaterialFile): MaterialFile {
  const { bytesPerSecond: _speed, ...rest } = row;
  return rest;
}

export function createDexieChunkStore(database: OutriggerDb = defaultDb): ChunkStore {
  const fileTables = [database.blobs, database.blobChunks];
  return {
    file: (sha256) => database.blobs.get(sha256),

    async chunks(sha256) {
      const [lower, upper] = chunkRange(sha256);
      return database.blobChunks.where("[sha256+index]").between(lower, upper, true, true).toArray();
    },

    async setState(sha256, state, at) {
      await database.blobs.update(sha256, { state, updatedAt: at });
    },

    async append(chunk, progress) {
      await database.transaction("rw", fileTables, async () => {
        if (!(await database.blobs.get(chunk.sha256))) throw new FileRemovedError("the file was removed");
        await database.blobChunks.add(chunk);
        await database.blobs.update(chunk.sha256, progress);
      });
    },

    async clear(sha256, at) {
      await database.transaction("rw", fileTables, async () => {
        await deleteChunks(sha256, database);
        await database.blobs.update(sha256, { storedBytes: 0, chunkCount: 0, updatedAt: at });
      });
    },

    async fail(sha256, problem, at) {
      await database.transaction("rw", fileTables, async () => {
        const row = await database.blobs.get(sha256);
        if (!row) return;
        await deleteChunks(sha256, database);
        await database.blobs.put({
          ...withoutSpeed(row),
          storedBytes: 0,
          chunkCount: 0,
          state: "failed",
          problem,
          updatedAt: at,
        });
      });
    },

    async complete(sha256, at) {
      await database.transaction("rw", offlineTables(database), async () => {
        const row = await database.blobs.get(sha256);
        if (!row) return;
        const { problem: _problem, ...rest } = withoutSpeed(row);
        await database.blobs.put({ ...rest, state: "complete", updatedAt: at, completedAt: at });
        // The update is on the phone: the version it replaces can go.
        for (const choice of await database.offlineChoices.where("sha256").equals(sha256).toArray()) {
          if (!choice.previousSha256) continue;
          const { previousSha256, ...kept } = choice;
          await database.offlineChoices.put(kept);
          await deleteBlobIfUnused(previousSha256, database);
        }
      });
    },

    async pause(sha256, at) {
      await database.transaction("rw", database.blobs, async () => {
        const row = await database.blobs.get(sha256);
        if (!row || row.state === "complete" || row.state === "failed" || row.state === "paused") return;
        await database.blobs.put({ ...withoutSpeed(row), state: "paused", updatedAt: at });
      });
    },

    async requeue(sha256, at) {
      await database.transaction("rw", database.blobs, async () => {
        const row = await database.blobs.get(sha256);
        if (!row || (row.state !== "paused" && row.state !== "failed")) return;
        const { problem: _problem, ...rest } = row;
        await database.blobs.put({ ...rest, state: "queued", updatedAt: at });
      });
    },

    async unfinished() {
      const rows = await database.blobs.where("state").anyOf("queued", "downloading", "verifying").toArray();
      return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
    },
  };
}
