// Uploads attachments of sent replies with tus, so a dropped connection resumes where it stopped.
// The upload id is the attachment's own id: a retry after a lost answer continues the same upload.
import { Upload } from "tus-js-client";
import { invitationAuthorization } from "../../shared/materials";
import { db as defaultDb, type OutriggerDb, type StoredAttachment } from "../store/db";

const UPLOAD_ENDPOINT = "/api/uploads/";
const CHUNK_BYTES = 512 * 1024;

let running: Promise<void> | undefined;

/** Uploads every waiting attachment whose reply the server has acknowledged; one at a time. */
export function uploadAttachments(database: OutriggerDb = defaultDb, baseUrl = ""): Promise<void> {
  running ??= (async () => {
    try {
      const waiting = await database.attachments.where("state").anyOf("on_phone", "uploading").toArray();
      for (const attachment of waiting) {
        const entry = await database.outbox.get(attachment.replyId);
        // The reply goes first: the server accepts attachments only for a reply it holds.
        if (entry?.state !== "sent" || !attachment.file) continue;
        const ok = await uploadOne(attachment, entry.reply.invitationCode, database, baseUrl);
        if (!ok) break; // No connection: try again at the next sync.
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}

function uploadOne(attachment: StoredAttachment, invitationCode: string, database: OutriggerDb, baseUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    let lastSaved = 0;
    const upload = new Upload(attachment.file!, {
      endpoint: `${baseUrl}${UPLOAD_ENDPOINT}`,
      ...(attachment.uploadUrl ? { uploadUrl: attachment.uploadUrl } : {}),
      chunkSize: CHUNK_BYTES,
      retryDelays: [0, 1000, 3000],
      storeFingerprintForResuming: false,
      headers: { Authorization: invitationAuthorization(invitationCode) },
      metadata: { replyId: attachment.replyId, attachmentId: attachment.id, filename: attachment.name, filetype: attachment.type },
      onUploadUrlAvailable: () => {
        if (upload.url) void database.attachments.update(attachment.id, { uploadUrl: upload.url, state: "uploading" });
      },
      onProgress: (sent) => {
        if (sent - lastSaved < CHUNK_BYTES && sent < attachment.size) return;
        lastSaved = sent;
        void database.attachments.update(attachment.id, { bytesUploaded: sent, state: "uploading" });
      },
      onSuccess: () => {
        // The server has every byte: the phone's copy can go.
        void database.attachments.update(attachment.id, { state: "uploaded", bytesUploaded: attachment.size, file: undefined, problem: undefined }).then(() => resolve(true));
      },
      onError: (error) => {
        const status = (error as { originalResponse?: { getStatus(): number } }).originalResponse?.getStatus();
        // A refusal (4xx) will not change by retrying; anything else is a connection problem. 429 (too many unknown
        // invitation codes from this network, by someone else perhaps) passes with time: try again later.
        if (status && status >= 400 && status < 500 && status !== 429) {
          void database.attachments.update(attachment.id, { state: "failed", problem: "The server refused this file." }).then(() => resolve(true));
        } else resolve(false);
      },
    });
    upload.start();
  });
}
