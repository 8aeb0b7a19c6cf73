// Turns a finished tus upload into a listed attachment. Idempotent, so it is safe to repeat after a failed database
// write, on the next HEAD or PATCH, and at start-up for bytes that arrived just before the process died.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { checkAttachmentContent } from "../../shared/attachmentContent";
import type { AttachmentRefusalCode } from "../../shared/attachmentRefusalCodes";
import {
  type AttachmentUpload,
  insertAttachment,
  isAttachmentRegistered,
  listUnregisteredUploads,
  recordUploadRefusal,
} from "../db/attachments";
import type { OutriggerDatabase } from "../db/database";

export type RegistrationOutcome =
  | { state: "registered" }
  | { state: "unfinished"; offset: number }
  /** The bytes are gone (expired, or removed by hand): nothing to register. */
  | { state: "missing" }
  | { state: "refused"; code: AttachmentRefusalCode; message: string };

/** Checks a finished file before it is listed; a refusal deletes the bytes and is kept. */
export type ContentCheck = (
  upload: AttachmentUpload,
  bytes: Uint8Array,
) => { ok: true } | { ok: false; code: AttachmentRefusalCode; message: string };

export interface UploadRegistrarDeps {
  db: OutriggerDatabase;
  now: () => Date;
  uploadDir: string;
  /** Deletes an upload's bytes and its tus record. */
  removeUpload(id: string): Promise<void>;
  /** Default: the magic-number check shared with the phone. */
  checkContent?: ContentCheck;
}

const checkDeclaredType: ContentCheck = (upload, bytes) =>
  checkAttachmentContent(upload.contentType, bytes, upload.fileName);

export interface UploadRegistrar {
  /** Throws when the database cannot be written (e.g. SQLITE_BUSY): the caller answers "try again". */
  register(upload: AttachmentUpload): Promise<RegistrationOutcome>;
  /** Registers every finished upload that has no row yet; returns how many were registered. Failures are left for the next HEAD/PATCH. */
  recoverFinished(onError?: (id: string, error: unknown) => void): Promise<number>;
}

async function bytesOnDisk(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export function createUploadRegistrar({
  db,
  now,
  uploadDir,
  removeUpload,
  checkContent = checkDeclaredType,
}: UploadRegistrarDeps): UploadRegistrar {
  const register = async (upload: AttachmentUpload): Promise<RegistrationOutcome> => {
    if (await isAttachmentRegistered(db, upload.id)) return { state: "registered" };
    if (upload.refusal) return { state: "refused", ...upload.refusal };
    const path = resolve(uploadDir, upload.id);
    const offset = await bytesOnDisk(path);
    if (offset === undefined) return { state: "missing" };
    if (offset < upload.size) return { state: "unfinished", offset };
    // At most MAX_ATTACHMENT_BYTES (20 MB): read once for the content check and the hash.
    const bytes = await readFile(path);
    const verdict = checkContent(upload, bytes);
    if (!verdict.ok) {
      const refusal = { code: verdict.code, message: verdict.message };
      await recordUploadRefusal(db, upload.id, refusal);
      await removeUpload(upload.id);
      return { state: "refused", ...refusal };
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await insertAttachment(db, {
      id: upload.id,
      replyId: upload.replyId,
      invitationCode: upload.invitationCode,
      fileName: upload.fileName,
      contentType: upload.contentType,
      size: upload.size,
      sha256,
      storedPath: upload.id,
      receivedAt: now().toISOString(),
    });
    return { state: "registered" };
  };

  return {
    register,
    recoverFinished: async (onError) => {
      let registered = 0;
      for (const upload of await listUnregisteredUploads(db)) {
        try {
          const outcome = await register(upload);
          if (outcome.state === "registered") registered++;
        } catch (error) {
          onError?.(upload.id, error);
        }
      }
      return registered;
    },
  };
}
