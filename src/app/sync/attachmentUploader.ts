// Uploads attachments of sent replies with tus, so a dropped connection resumes where it stopped.
// The upload id is the attachment's own id: a retry after a lost answer continues the same upload.
// The phone's copy is dropped only when the server lists the file for its reply (GET /api/replies/:id/attachments):
// "every byte arrived" is not enough, since the server may have failed to record it.
import { Upload } from "tus-js-client";
import { replyAttachmentList, replyAttachmentsPath, type ReplyAttachmentReceipt } from "../../shared/attachments";
import { apiError } from "../../shared/api";
import { invitationAuthorization } from "../../shared/materials";
import {
  listAttachmentsToUpload,
  markAttachmentReceived,
  markAttachmentRefused,
  markAttachmentUploading,
} from "../store/attachments";
import type { OutriggerDb, PhoneAttachment } from "../store/db";
import { getOutboxEntry } from "../store/outbox";
import { createApiClient, parseWith } from "./apiClient";
import { resolvePlatform, type Platform } from "./platform";

const UPLOAD_ENDPOINT = "/api/uploads/";
const CHUNK_BYTES = 512 * 1024;
const REFUSED_DEFAULT = "The server refused this file.";

/** A refusal's `code` is one of src/shared/attachmentRefusalCodes.ts when the server sent one (older servers: none). */
export type SendOutcome =
  { kind: "complete" } | { kind: "unreachable" } | { kind: "refused"; message: string; code?: string };

export interface SendProgress {
  onUploadUrl(url: string): void;
  onProgress(bytesSent: number): void;
}

/** How files reach the server; tests pass their own. */
export interface AttachmentTransport {
  send(attachment: PhoneAttachment, file: Blob, invitationCode: string, progress: SendProgress): Promise<SendOutcome>;
  /** What the server holds for the reply; undefined when it could not be asked. */
  listHeld(replyId: string, invitationCode: string): Promise<ReplyAttachmentReceipt[] | undefined>;
}

export interface TusTransportOptions {
  /** tus-js-client's waits between retries of one request (ms). */
  retryDelays?: number[];
  /** What tus-js-client reads the file from: the Blob itself in a browser (Node's tus-js-client needs a Buffer). */
  fileSource?: (file: Blob) => Promise<Blob | Buffer>;
}

/** The code and sentence of a JSON error `{ error: { code, message } }` the server sent; a HEAD answer has no body. */
function refusalOf(status: number, body: string | undefined): { message: string; code?: string } {
  if (!body)
    return status === 422
      ? { message: "The server found that this file is not what its type says, and refused it." }
      : { message: REFUSED_DEFAULT };
  try {
    const parsed = apiError.safeParse(JSON.parse(body));
    return parsed.success
      ? { message: parsed.data.error.message, code: parsed.data.error.code }
      : { message: REFUSED_DEFAULT };
  } catch {
    return { message: body.trim() || REFUSED_DEFAULT };
  }
}

export function tusTransport(deps: Partial<Platform> = {}, options: TusTransportOptions = {}): AttachmentTransport {
  const platform = resolvePlatform(deps);
  const { baseUrl } = platform;
  const api = createApiClient(platform);
  return {
    send: async (attachment, file, invitationCode, progress) => {
      const source = options.fileSource ? await options.fileSource(file) : file;
      return new Promise<SendOutcome>((resolve) => {
        const upload = new Upload(source, {
          endpoint: `${baseUrl}${UPLOAD_ENDPOINT}`,
          ...(attachment.uploadUrl ? { uploadUrl: attachment.uploadUrl } : {}),
          chunkSize: CHUNK_BYTES,
          retryDelays: options.retryDelays ?? [0, 1000, 3000],
          storeFingerprintForResuming: false,
          headers: { Authorization: invitationAuthorization(invitationCode) },
          metadata: {
            replyId: attachment.replyId,
            attachmentId: attachment.id,
            filename: attachment.name,
            filetype: attachment.type,
          },
          onUploadUrlAvailable: () => {
            if (upload.url) progress.onUploadUrl(upload.url);
          },
          onProgress: (sent) => progress.onProgress(sent),
          onSuccess: () => resolve({ kind: "complete" }),
          onError: (error) => {
            const response =
              (error as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse ??
              undefined;
            const status = response?.getStatus();
            // A refusal (4xx) will not change by retrying; anything else (no answer, 5xx) is tried again later,
            // and so is 429 (too many unknown invitation codes from this network, perhaps by someone else).
            if (status && status >= 400 && status < 500 && status !== 429)
              resolve({ kind: "refused", ...refusalOf(status, response?.getBody()) });
            else resolve({ kind: "unreachable" });
          },
        });
        upload.start();
      });
    },
    listHeld: async (replyId, invitationCode) => {
      const result = await api.get(replyAttachmentsPath(replyId), parseWith(replyAttachmentList), {
        Authorization: invitationAuthorization(invitationCode),
      });
      return result.ok ? result.body.attachments : undefined;
    },
  };
}

let running: Promise<void> | undefined;

/** `transport` defaults to tus against the platform's server; tests pass their own. */
export type UploaderDeps = Partial<Platform> & { transport?: AttachmentTransport };

/** Uploads every waiting attachment whose reply the server has acknowledged; one at a time. */
export function uploadAttachments(deps: UploaderDeps = {}): Promise<void> {
  const database = resolvePlatform(deps).db;
  const transport = deps.transport ?? tusTransport(deps);
  running ??= (async () => {
    try {
      for (const attachment of await listAttachmentsToUpload(database)) {
        const entry = await getOutboxEntry(attachment.replyId, database);
        // The reply goes first: the server accepts attachments only for a reply it holds.
        if (entry?.state !== "sent" || !attachment.file) continue;
        const ok = await uploadOne(attachment, attachment.file, entry.reply.invitationCode, database, transport);
        if (!ok) break; // No connection, or not yet recorded: try again at the next sync.
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** False when the next sync should try again. */
async function uploadOne(
  attachment: PhoneAttachment,
  file: Blob,
  invitationCode: string,
  database: OutriggerDb,
  transport: AttachmentTransport,
): Promise<boolean> {
  let lastSaved = 0;
  const outcome = await transport.send(attachment, file, invitationCode, {
    onUploadUrl: (url) => void markAttachmentUploading(attachment.id, { uploadUrl: url }, database),
    onProgress: (sent) => {
      if (sent - lastSaved < CHUNK_BYTES && sent < attachment.size) return;
      lastSaved = sent;
      void markAttachmentUploading(attachment.id, { bytesUploaded: sent }, database);
    },
  });
  if (outcome.kind === "refused") {
    await markAttachmentRefused(attachment.id, { message: outcome.message, code: outcome.code }, database);
    return true;
  }
  if (outcome.kind === "unreachable") return false;
  const held = await transport.listHeld(attachment.replyId, invitationCode);
  if (!held?.some((receipt) => receipt.id === attachment.id && receipt.size === attachment.size)) return false;
  await markAttachmentReceived(attachment.id, database);
  return true;
}
