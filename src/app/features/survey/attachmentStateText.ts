// What an attachment's line says of where its file is, in the app's language (the review step and the reply's screen).
import { formattingLocale } from "../../i18n/language";
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

export function attachmentStateText(a: Pick<PhoneAttachment, "state" | "size" | "bytesUploaded" | "problem">): string {
  if (a.state === "uploading")
    return t("attachmentUploading", { percent: Math.round((a.bytesUploaded / Math.max(1, a.size)) * 100) });
  if (a.state === "failed")
    return a.problem ? t("attachmentFailedBecause", { problem: a.problem }) : t("attachmentFailed");
  return t(a.state === "uploaded" ? "attachmentUploaded" : "attachmentOnPhone");
}
