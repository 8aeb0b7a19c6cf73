// One try at one file, from its stored bytes to verified: the hash state kept across tries, the SHA-256 check, and the rule that a second damaged answer is final.
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { OutriggerDb, MaterialFile } from "../store/db";
import { indexHandoutText } from "../store/library";
import { workshopsKeeping } from "../store/offlineChoices";
import type { Outcome } from "./downloadQueue";
import { transferFile, isQuotaError, type Progress, type TransferControl, type TransferSetup } from "./fileTransfer";
import { invitationCodeForWorkshop } from "./materialsManifest";

export const DOWNLOAD_PROBLEMS = {
  quota:
    "This phone ran out of storage space, so the file was not kept. Remove other materials or free some space, then try again.",
  corrupt:
    "This file arrived damaged twice, so it was not kept. Try again later; if it keeps happening, tell the organiser.",
  not_allowed: "Your invitation no longer opens this workshop's materials, so the file cannot be downloaded.",
  gone: "This file is no longer on the server. Update the workshop's list of materials and try again.",
  no_invitation: "This phone has no invitation for this workshop any more, so the file cannot be downloaded.",
  unexpected: "Something went wrong while saving this file. Try again.",
} as const;

export interface FileDownloadSetup extends TransferSetup {
  /** Where the invitation codes and the chosen materials are read. */
  db: OutriggerDb;
  /** Bytes were stored: the link works. */
  onProgress(): void;
  /** Bytes of the file arrived (stored or not yet): how far it is, for a smooth progress bar. */
  onBytes?(sha: string, bytes: number): void;
}

export interface FileDownloads {
  /** One try at the file; rejects only when storage fails in a way it cannot record. */
  download(sha: string, control: TransferControl): Promise<Outcome>;
  /** Records an unexpected error on the file, so the participant sees it; never rejects. */
  recordCrash(sha: string, error: unknown): Promise<Outcome>;
  /** Forgets what this session knew of the file: its hash state and a first damaged answer. */
  forget(sha: string): void;
  /** The participant asked again: a file damaged once gets its second chance back. */
  trustAgain(sha: string): void;
}

export function createFileDownloads(setup: FileDownloadSetup): FileDownloads {
  const { store, clock, db: database } = setup;
  const now = () => clock.now().toISOString();
  /** Hash state of the bytes stored so far, so a resume in the same session need not re-read them. */
  const hashers = new Map<string, Progress>();
  /** Files whose bytes failed the hash once in this session: the next failure is final. */
  const corrupted = new Set<string>();

  async function fail(sha: string, problem: string): Promise<void> {
    hashers.delete(sha);
    await store.fail(sha, problem, now());
  }

  /** No half state after running out of space: the file's bytes go, it is marked failed, and the queue stops. */
  async function outOfSpace(sha: string): Promise<Outcome> {
    await fail(sha, DOWNLOAD_PROBLEMS.quota);
    return "quota";
  }

  /** Drops a file's bytes so it starts again from 0. */
  async function dropBytes(sha: string): Promise<Progress> {
    hashers.delete(sha);
    await store.clear(sha, now());
    return { hasher: sha256.create(), storedBytes: 0, chunkCount: 0 };
  }

  /** The hash state of the stored bytes: kept from this session, or re-read from the chunks (after a restart). */
  async function restoreProgress(row: MaterialFile): Promise<Progress> {
    const kept = hashers.get(row.sha256);
    if (kept && kept.storedBytes === row.storedBytes && kept.chunkCount === row.chunkCount) return kept;
    const progress: Progress = { hasher: sha256.create(), storedBytes: 0, chunkCount: 0 };
    for (const chunk of await store.chunks(row.sha256)) {
      if (chunk.index !== progress.chunkCount || chunk.offset !== progress.storedBytes) return dropBytes(row.sha256);
      const bytes = new Uint8Array(await chunk.data.arrayBuffer());
      progress.hasher.update(bytes);
      progress.storedBytes += bytes.byteLength;
      progress.chunkCount += 1;
    }
    if (
      progress.storedBytes !== row.storedBytes ||
      progress.chunkCount !== row.chunkCount ||
      progress.storedBytes > row.size
    )
      return dropBytes(row.sha256);
    hashers.set(row.sha256, progress);
    return progress;
  }

  async function invitationFor(sha: string): Promise<string | undefined> {
    for (const workshopId of await workshopsKeeping(sha, database)) {
      const code = await invitationCodeForWorkshop(workshopId, database);
      if (code) return code;
    }
    return undefined;
  }

  /** The hash decides: only bytes whose SHA-256 is the file's name become "complete". */
  async function verify(sha: string, row: MaterialFile, progress: Progress): Promise<Outcome> {
    await store.setState(sha, "verifying", now());
    hashers.delete(sha);
    const digest = bytesToHex(progress.hasher.digest());
    if (progress.storedBytes !== row.size || digest !== sha) return corrupt(sha);
    corrupted.delete(sha);
    await store.complete(sha, now());
    await indexHandoutText(sha, database);
    return "complete";
  }

  async function corrupt(sha: string): Promise<Outcome> {
    if (corrupted.has(sha)) {
      corrupted.delete(sha);
      await fail(sha, DOWNLOAD_PROBLEMS.corrupt);
      return "failed";
    }
    corrupted.add(sha);
    await dropBytes(sha);
    await store.setState(sha, "queued", now());
    return "again";
  }

  async function download(sha: string, control: TransferControl): Promise<Outcome> {
    const row = await store.file(sha);
    if (!row) return "stopped";
    if (row.state === "complete") return "complete";
    if (row.state === "paused" || row.state === "failed") return "stopped";
    const progress = await restoreProgress(row);
    if (progress.storedBytes >= row.size) return verify(sha, row, progress);
    const invitationCode = await invitationFor(sha);
    if (!invitationCode) {
      await fail(sha, DOWNLOAD_PROBLEMS.no_invitation);
      return "failed";
    }
    await store.setState(sha, "downloading", now());
    // The request starting counts as activity: "waiting for connection" shows only if nothing then arrives.
    setup.onBytes?.(sha, progress.storedBytes);

    const result = await transferFile(setup, {
      control,
      row,
      invitationCode,
      progress,
      startOver: () => dropBytes(sha),
      stored(progress) {
        hashers.set(sha, progress);
        setup.onProgress();
      },
      received: (bytes) => setup.onBytes?.(sha, bytes),
    });
    switch (result.outcome) {
      case "received":
        return verify(sha, row, result.progress);
      case "corrupt":
        return corrupt(sha);
      case "quota":
        return outOfSpace(sha);
      case "not_allowed":
      case "gone":
        await fail(sha, DOWNLOAD_PROBLEMS[result.outcome]);
        return "failed";
      default:
        return result.outcome;
    }
  }

  async function recordCrash(sha: string, error: unknown): Promise<Outcome> {
    try {
      if (isQuotaError(error)) return await outOfSpace(sha);
      await fail(sha, DOWNLOAD_PROBLEMS.unexpected);
    } catch {
      // The database itself is unusable; nothing more to record.
    }
    return "failed";
  }

  return {
    download,
    recordCrash,
    forget(sha) {
      hashers.delete(sha);
      corrupted.delete(sha);
    },
    trustAgain(sha) {
      corrupted.delete(sha);
    },
  };
}
