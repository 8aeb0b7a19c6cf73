// What an attachment's line says of where its file is, in the app's language (the review step and the reply's screen).
import { t } from "../../i18n/replyMessages";
import type { PhoneAttachment } from "../../store/db";

export function attachmentStateText(a: Pick<PhoneAttachment, "state" | "size" | "bytesUploaded" | "problem">): string {
  if (a.state === "uploading")
    return t("attachmentUploading", { percent: Math.round((a.bytesUploaded / Math.max(1, a.size)) * 100) });
  if (a.state === "failed")
    return a.problem ? t("attachmentFailedBecause", { problem: a.problem }) : t("attachmentFailed");
  return t(a.state === "uploaded" ? "attachmentUploaded" : "attachmentOnPhone");
}
