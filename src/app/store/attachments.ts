// Files attached to a reply, kept on the phone with the draft until the server has them.
import { v7 as uuidv7 } from "uuid";
import { checkAttachmentContent, cleanAttachmentFileName } from "../../shared/attachmentContent";
import { isAttachmentType, MAX_ATTACHMENTS_PER_REPLY, MAX_ATTACHMENT_BYTES } from "../../shared/attachments";
import { db as defaultDb, type OutriggerDb, type PhoneAttachment } from "./db";

const MB = 1024 * 1024;
/** Enough for every binary signature; plain text is checked whole (valid UTF-8 throughout). */
const SIGNATURE_BYTES = 64;

/** Why a file was not let onto the phone, as data: the screen words it in the participant's language. */
export type AttachmentRefusal =
  | { kind: "type"; name: string }
  | { kind: "size"; name: string; megabytes: number; limitMegabytes: number }
  | { kind: "count"; max: number }
  | { kind: "content"; name: string };
export type AddAttachmentResult = { ok: true } | { ok: false; refusal: AttachmentRefusal };

export async function addAttachment(
  replyId: string,
  file: File,
  database: OutriggerDb = defaultDb,
): Promise<AddAttachmentResult> {
  if (!isAttachmentType(file.type)) return { ok: false, refusal: { kind: "type", name: file.name } };
  if (file.size > MAX_ATTACHMENT_BYTES)
    return {
      ok: false,
      refusal: { kind: "size", name: file.name, megabytes: file.size / MB, limitMegabytes: MAX_ATTACHMENT_BYTES / MB },
    };
  if ((await database.attachments.where("replyId").equals(replyId).count()) >= MAX_ATTACHMENTS_PER_REPLY)
    return { ok: false, refusal: { kind: "count", max: MAX_ATTACHMENTS_PER_REPLY } };
  // The same check the server makes when the upload completes: refused here, the participant can pick the right file now.
  const head = new Uint8Array(await (file.type === "text/plain" ? file : file.slice(0, SIGNATURE_BYTES)).arrayBuffer());
  const verdict = checkAttachmentContent(file.type, head, file.name);
  if (!verdict.ok) return { ok: false, refusal: { kind: "content", name: file.name } };
  await database.attachments.add({
    id: uuidv7(),
    replyId,
    name: cleanAttachmentFileName(file.name, file.type),
    type: file.type,
    size: file.size,
    file,
    state: "on_phone",
    bytesUploaded: 0,
    addedAt: new Date().toISOString(),
  });
  return { ok: true };
}

/** Only before the reply is sent: afterwards the file belongs to what the organiser receives. */
export async function removeAttachment(id: string, database: OutriggerDb = defaultDb): Promise<void> {
  const attachment = await database.attachments.get(id);
  if (!attachment || attachment.state !== "on_phone") return;
  await database.attachments.delete(id);
}

/** Attachments waiting to go up (or part-way), oldest first. */
export function listAttachmentsToUpload(database: OutriggerDb = defaultDb): Promise<PhoneAttachment[]> {
  return database.attachments.where("state").anyOf("on_phone", "uploading").sortBy("addedAt");
}

export async function markAttachmentUploading(
  id: string,
  change: { uploadUrl?: string; bytesUploaded?: number },
  database: OutriggerDb = defaultDb,
): Promise<void> {
  await database.attachments.update(id, { ...change, state: "uploading" });
}

/** The server lists the file for its reply: only now may the phone's copy go. */
export async function markAttachmentReceived(id: string, database: OutriggerDb = defaultDb): Promise<void> {
  const attachment = await database.attachments.get(id);
  if (!attachment) return;
  await database.attachments.update(id, {
    state: "uploaded",
    bytesUploaded: attachment.size,
    file: undefined,
    problem: undefined,
    problemCode: undefined,
  });
}

/** Refused for good (type, size, content): the file stays on the phone with the server's reason and its code. */
export async function markAttachmentRefused(
  id: string,
  refusal: { message: string; code?: string },
  database: OutriggerDb = defaultDb,
): Promise<void> {
  await database.attachments.update(id, { state: "failed", problem: refusal.message, problemCode: refusal.code });
}

/** A reply's attachments in the order they were added (the picker's list). */
export function listReplyAttachments(replyId: string, database: OutriggerDb = defaultDb): Promise<PhoneAttachment[]> {
  return database.attachments.where("replyId").equals(replyId).sortBy("addedAt");
}
