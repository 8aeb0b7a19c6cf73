// Start-up and periodic care of the uploads folder: finished files without a row are registered, and unfinished
// uploads older than the expiry are removed (bytes, tus record and row), which also frees their place in a reply's five.
//
// Not @tus/server's cleanUpExpiredUploads(): FileStore.deleteExpired() compares the size with the offset kept in the
// upload's .json record, which is written at creation (offset 0) and never updated, so it would delete finished
// attachments too; and a FileStore with an expiration answers HEAD on a finished upload with 410 once it is old.
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { FileStore } from "@tus/file-store";
import { deleteAttachmentUpload, listUnregisteredUploads } from "../db/attachments";
import type { OutriggerDatabase } from "../db/database";
import { createUploadRegistrar } from "./uploadRegistration";

/** An upload not finished within seven days is given up: the phone starts it again from its own copy if it still has one. */
export const DEFAULT_UPLOAD_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;
/** How often a running server sweeps (at most; a shorter expiry sweeps more often). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** UPLOAD_EXPIRY_DAYS (may be fractional), else seven days. */
export function uploadExpiryFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.UPLOAD_EXPIRY_DAYS);
  return env.UPLOAD_EXPIRY_DAYS !== undefined && Number.isFinite(days) && days > 0
    ? days * 24 * 60 * 60 * 1000
    : DEFAULT_UPLOAD_EXPIRY_MS;
}

export interface UploadMaintenanceDeps {
  db: OutriggerDatabase;
  now: () => Date;
  uploadDir: string;
  log?: (line: string) => void;
}

/** Registers finished uploads whose row was never written (the process died, or the write failed and no request came back). */
export async function recoverFinishedUploads({ db, now, uploadDir, log }: UploadMaintenanceDeps): Promise<number> {
  // No folder, no uploads: do not create it (a server that never takes an upload keeps no empty folder).
  if (!existsSync(uploadDir)) return 0;
  const store = new FileStore({ directory: uploadDir });
  const registrar = createUploadRegistrar({ db, now, uploadDir, removeUpload: (id) => store.remove(id) });
  const registered = await registrar.recoverFinished((id, error) =>
    log?.(
      `Upload ${id} is complete but could not be registered yet: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  if (registered > 0) log?.(`Registered ${registered} attachment upload(s) that had finished without being recorded.`);
  return registered;
}

async function bytesOnDisk(path: string): Promise<number | undefined> {
  return stat(path).then(
    (s) => s.size,
    () => undefined,
  );
}

/** Removes unfinished uploads begun more than `expiryMs` ago; returns their ids. Finished ones are never touched. */
export async function sweepExpiredUploads(
  { db, now, uploadDir, log }: UploadMaintenanceDeps,
  expiryMs: number,
): Promise<string[]> {
  const cutoff = now().getTime() - expiryMs;
  const store = existsSync(uploadDir) ? new FileStore({ directory: uploadDir }) : undefined;
  const removed: string[] = [];
  for (const upload of await listUnregisteredUploads(db)) {
    if (upload.createdAt === undefined || Date.parse(upload.createdAt) >= cutoff) continue;
    const offset = await bytesOnDisk(join(uploadDir, upload.id));
    // Complete but unregistered is a file to recover, not to expire.
    if (offset !== undefined && offset >= upload.size) continue;
    await store?.remove(upload.id).catch(() => undefined);
    await deleteAttachmentUpload(db, upload.id);
    removed.push(upload.id);
  }
  if (removed.length > 0)
    log?.(
      `Removed ${removed.length} unfinished attachment upload(s) older than ${Math.round(expiryMs / 3_600_000)} h.`,
    );
  return removed;
}

/** Sweeps every hour (or every expiry period, if shorter) without keeping the process alive; returns a stop function. */
export function scheduleUploadSweeps(deps: UploadMaintenanceDeps, expiryMs: number): () => void {
  const timer = setInterval(
    () => {
      sweepExpiredUploads(deps, expiryMs).catch((error: unknown) =>
        deps.log?.(`Sweeping expired uploads failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
    Math.min(SWEEP_EVERY_MS, expiryMs),
  );
  timer.unref();
  return () => clearInterval(timer);
}
