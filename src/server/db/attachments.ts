// Reply attachments: the tus uploads begun (owner, per-reply count) and the finished files.
import { isAttachmentRefusalCode, type AttachmentRefusalCode } from "../../shared/attachmentRefusalCodes";
import type { OutriggerDatabase } from "./database";

/** What an upload begun and a finished attachment both say about the file. */
interface AttachmentFile {
  id: string;
  replyId: string;
  invitationCode: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface AttachmentUpload extends AttachmentFile {
  /** When the finished file was refused: why (its bytes are deleted). */
  refusal?: { code: AttachmentRefusalCode; message: string };
  createdAt?: string;
}

export interface StoredAttachment extends AttachmentFile {
  sha256: string;
  /** Relative to the uploads folder. */
  storedPath: string;
  receivedAt: string;
}

/** The columns `attachment_uploads` and `attachments` share. */
type AttachmentFileRow = {
  id: string;
  reply_id: string;
  invitation_code: string;
  file_name: string;
  content_type: string;
  size: number | string;
};

function toAttachmentFile(row: AttachmentFileRow): AttachmentFile {
  return {
    id: row.id,
    replyId: row.reply_id,
    invitationCode: row.invitation_code,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
  };
}

function attachmentFileColumns(file: AttachmentFile): AttachmentFileRow & { size: number } {
  return {
    id: file.id,
    reply_id: file.replyId,
    invitation_code: file.invitationCode,
    file_name: file.fileName,
    content_type: file.contentType,
    size: file.size,
  };
}

type AttachmentUploadRow = AttachmentFileRow & {
  created_at: string;
  refused_code: string | null;
  refused_message: string | null;
};

function toAttachmentUpload(row: AttachmentUploadRow): AttachmentUpload {
  const upload: AttachmentUpload = { ...toAttachmentFile(row), createdAt: row.created_at };
  // Only the content check records a refusal; a code this build does not know reads as that check's.
  if (row.refused_code !== null)
    upload.refusal = {
      code: isAttachmentRefusalCode(row.refused_code) ? row.refused_code : "attachment_content_mismatch",
      message: row.refused_message ?? "",
    };
  return upload;
}

export async function findAttachmentUpload(db: OutriggerDatabase, id: string): Promise<AttachmentUpload | undefined> {
  const row = await db.selectFrom("attachment_uploads").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toAttachmentUpload(row);
}

/** Uploads begun but neither registered as an attachment nor refused: finished ones need registering, old unfinished ones expire. */
export async function listUnregisteredUploads(db: OutriggerDatabase): Promise<AttachmentUpload[]> {
  const rows = await db
    .selectFrom("attachment_uploads")
    .leftJoin("attachments", "attachments.id", "attachment_uploads.id")
    .selectAll("attachment_uploads")
    .where("attachments.id", "is", null)
    .where("attachment_uploads.refused_code", "is", null)
    .orderBy("attachment_uploads.created_at")
    .execute();
  return rows.map(toAttachmentUpload);
}

/** Keeps why a finished file was refused, so a later HEAD or PATCH answers the same refusal. */
export async function recordUploadRefusal(
  db: OutriggerDatabase,
  id: string,
  refusal: { code: AttachmentRefusalCode; message: string },
): Promise<void> {
  await db
    .updateTable("attachment_uploads")
    .set({ refused_code: refusal.code, refused_message: refusal.message })
    .where("id", "=", id)
    .execute();
}

/** Forgets an expired unfinished upload (its bytes are removed by the caller), which frees its place in the reply's five. */
export async function deleteAttachmentUpload(db: OutriggerDatabase, id: string): Promise<void> {
  await db.deleteFrom("attachment_uploads").where("id", "=", id).execute();
}

export async function isAttachmentRegistered(db: OutriggerDatabase, id: string): Promise<boolean> {
  const row = await db.selectFrom("attachments").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

/** Uploads begun for this reply (finished or not), other than `exceptId`. */
export async function countAttachmentUploads(
  db: OutriggerDatabase,
  replyId: string,
  exceptId?: string,
): Promise<number> {
  let query = db
    .selectFrom("attachment_uploads")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("reply_id", "=", replyId);
  if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Records a begun upload; a second create of the same id keeps the first row. */
export async function insertAttachmentUpload(
  db: OutriggerDatabase,
  upload: AttachmentUpload,
  createdAt: Date,
): Promise<void> {
  await db
    .insertInto("attachment_uploads")
    .values({ ...attachmentFileColumns(upload), created_at: createdAt.toISOString() })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** Records a finished file; finishing the same id again is a no-op. */
export async function insertAttachment(db: OutriggerDatabase, attachment: StoredAttachment): Promise<void> {
  await db
    .insertInto("attachments")
    .values({
      ...attachmentFileColumns(attachment),
      sha256: attachment.sha256,
      stored_path: attachment.storedPath,
      received_at: attachment.receivedAt,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

type AttachmentRow = AttachmentFileRow & {
  sha256: string;
  stored_path: string;
  received_at: string;
};

function toAttachment(row: AttachmentRow): StoredAttachment {
  return {
    ...toAttachmentFile(row),
    sha256: row.sha256,
    storedPath: row.stored_path,
    receivedAt: row.received_at,
  };
}

export async function findAttachment(db: OutriggerDatabase, id: string): Promise<StoredAttachment | undefined> {
  const row = await db.selectFrom("attachments").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toAttachment(row);
}

export async function listReplyAttachments(db: OutriggerDatabase, replyId: string): Promise<StoredAttachment[]> {
  const rows = await db
    .selectFrom("attachments")
    .selectAll()
    .where("reply_id", "=", replyId)
    .orderBy("received_at")
    .orderBy("id")
    .execute();
  return rows.map(toAttachment);
}

/** The invitation a reply was sent with; undefined when no reply has this id. */
export async function findReplyInvitationCode(db: OutriggerDatabase, replyId: string): Promise<string | undefined> {
  const row = await db.selectFrom("replies").select("invitation_code").where("id", "=", replyId).executeTakeFirst();
  return row?.invitation_code;
}

/** Every finished attachment of a campaign's replies, with who sent it, newest first. */
export async function listCampaignAttachments(
  db: OutriggerDatabase,
  campaignId: string,
): Promise<Array<StoredAttachment & { participantName: string | null }>> {
  const rows = await db
    .selectFrom("attachments")
    .innerJoin("replies", "replies.id", "attachments.reply_id")
    .leftJoin("invitations", "invitations.code", "attachments.invitation_code")
    .selectAll("attachments")
    .select("invitations.participant_name as participant_name")
    .where("replies.campaign_id", "=", campaignId)
    .orderBy("attachments.received_at", "desc")
    .execute();
  return rows.map((row) => ({ ...toAttachment(row), participantName: row.participant_name ?? null }));
}
