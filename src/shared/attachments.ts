// Reply attachments: what a participant may attach, and how the phone uploads it (tus 1.0.0, resumable).
import * as z from "zod/mini";
import { uuidV7 } from "./reply";

/** The only file types accepted, by MIME type (the phone sends it as the `filetype` metadata). */
export const ATTACHMENT_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "text/plain",
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export function isAttachmentType(value: string): value is AttachmentType {
  return (ATTACHMENT_TYPES as readonly string[]).includes(value);
}

/** 20 MB per file. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REPLY = 5;

/** The tus endpoint; an upload lives at `${UPLOADS_PATH}/<attachmentId>`. */
export const UPLOADS_PATH = "/api/uploads";

/** The keys of the tus Upload-Metadata header the phone sends (values base64 as tus requires). */
export const UPLOAD_METADATA_KEYS = {
  replyId: "replyId",
  attachmentId: "attachmentId",
  filename: "filename",
  filetype: "filetype",
} as const;

/** File names as the phone sends them; cleaned (cleanAttachmentFileName in ./attachmentContent) before they are stored or shown. */
export const attachmentFileName = z
  .string()
  .check(z.minLength(1, "is empty"), z.maxLength(1024, "is longer than 1024 characters"));

/** The decoded Upload-Metadata of a new upload. */
export const uploadMetadata = z.object({
  replyId: uuidV7,
  /** Made on the phone with the draft; also the tus upload id, so a repeated create is the same upload. */
  attachmentId: uuidV7,
  filename: attachmentFileName,
  filetype: z.custom<AttachmentType>(
    (value) => typeof value === "string" && isAttachmentType(value),
    "is not an accepted file type",
  ),
});
export type UploadMetadata = z.infer<typeof uploadMetadata>;

/** GET /api/console/replies/:replyId/attachments: one finished upload. */
export const consoleAttachment = z.object({
  id: uuidV7,
  replyId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  receivedAt: z.string(),
  /** GET it with the console session to download the file. */
  downloadUrl: z.string(),
});
export type ConsoleAttachment = z.infer<typeof consoleAttachment>;

export const consoleAttachmentList = z.object({ attachments: z.array(consoleAttachment) });
export type ConsoleAttachmentList = z.infer<typeof consoleAttachmentList>;

/** GET /api/replies/:replyId/attachments (the reply's own invitation): what the server holds, so the phone drops a copy only once it is listed. */
export const replyAttachmentReceipt = z.object({
  id: uuidV7,
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  receivedAt: z.string(),
});
export type ReplyAttachmentReceipt = z.infer<typeof replyAttachmentReceipt>;

export const replyAttachmentList = z.object({ attachments: z.array(replyAttachmentReceipt) });
export type ReplyAttachmentList = z.infer<typeof replyAttachmentList>;

/** Where the phone reads which attachments of a reply the server holds. */
export const replyAttachmentsPath = (replyId: string): string =>
  `/api/replies/${encodeURIComponent(replyId)}/attachments`;
