// What an attachment's line says of where its file is, in the app's language (the review step and the reply's screen),
// and why the picker or the server refused a file: the server's refusal by its code, as the picker words its own.
import { isAttachmentRefusalCode, type AttachmentRefusalCode } from "../../../shared/attachmentRefusalCodes";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_REPLY } from "../../../shared/attachments";
import { currentLanguage, formattingLocale } from "../../i18n/language";
import { t } from "../../i18n/replyMessages";
import type { AttachmentRefusal } from "../../store/attachments";
import type { PhoneAttachment } from "../../store/db";

/** Why the picker did not take a file, in the app's language. */
export function attachmentRefusalText(refusal: AttachmentRefusal): string {
  switch (refusal.kind) {
    case "type":
      return t("attachmentRefusedType", { name: refusal.name });
    case "size":
      return t("attachmentRefusedSize", {
        name: refusal.name,
        size: new Intl.NumberFormat(formattingLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
          refusal.megabytes,
        ),
        limit: refusal.limitMegabytes,
      });
    case "count":
      return t("attachmentRefusedCount", { max: refusal.max });
    case "content":
      return t("attachmentRefusedContent", { name: refusal.name });
  }
}

type AttachmentLine = Pick<PhoneAttachment, "name" | "state" | "size" | "bytesUploaded" | "problem" | "problemCode">;

const MB = 1024 * 1024;

/** Each code the server refuses an uploaded file with, worded; the compiler refuses a code added without one. */
export const SERVER_REFUSAL_TEXT: Record<AttachmentRefusalCode, (a: AttachmentLine) => string> = {
  attachment_content_mismatch: (a) => attachmentRefusalText({ kind: "content", name: a.name }),
  attachment_type_refused: (a) => attachmentRefusalText({ kind: "type", name: a.name }),
  attachment_too_large: (a) =>
    attachmentRefusalText({
      kind: "size",
      name: a.name,
      megabytes: a.size / MB,
      limitMegabytes: MAX_ATTACHMENT_BYTES / MB,
    }),
  too_many_attachments: () => attachmentRefusalText({ kind: "count", max: MAX_ATTACHMENTS_PER_REPLY }),
  reply_not_received: () => t("attachmentRefusedNoReply"),
  reply_not_yours: () => t("attachmentRefusedNotYours"),
  unknown_invitation: () => t("attachmentRefusedInvitation"),
};

/**
 * Why the server refused a file. English keeps the server's own sentence, which names the specifics (what the file
 * really is); a code the phone does not know (a newer server), or none (an older one), keeps it in every language.
 */
function serverRefusalText(a: AttachmentLine): string | undefined {
  const code = a.problemCode;
  if (!a.problem || currentLanguage() === "en" || !code || !isAttachmentRefusalCode(code)) return a.problem;
  return SERVER_REFUSAL_TEXT[code](a);
}

export function attachmentStateText(a: AttachmentLine): string {
  if (a.state === "uploading")
    return t("attachmentUploading", { percent: Math.round((a.bytesUploaded / Math.max(1, a.size)) * 100) });
  if (a.state === "failed") {
    const problem = serverRefusalText(a);
    return problem ? t("attachmentFailedBecause", { problem }) : t("attachmentFailed");
  }
  return t(a.state === "uploaded" ? "attachmentUploaded" : "attachmentOnPhone");
}
