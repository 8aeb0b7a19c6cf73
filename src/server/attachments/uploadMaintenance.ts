// Start-up and periodic care of the uploads folder: finished files without a row are registered.
import { existsSync } from "node:fs";
import { FileStore } from "@tus/file-store";
import type { OutriggerDatabase } from "../db/database";
import { createUploadRegistrar } from "./uploadRegistration";

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
  const registered = await registrar.recoverFinished((id, error) => log?.(`Upload ${id} is complete but could not be registered yet: ${error instanceof Error ? error.message : String(error)}`));
  if (registered > 0) log?.(`Registered ${registered} attachment upload(s) that had finished without being recorded.`);
  return registered;
}
