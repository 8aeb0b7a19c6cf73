// The status line's words, derived from one SyncOverview: it never claims "sent" for something that is not.
import { formatBytes } from "../../store/byteSizes";
import type { SyncOverview } from "../../store/syncOverview";
import { t } from "../../i18n/appBarMessages";
import { formattingLocale } from "../../i18n/language";

export interface SyncSentence {
  /** What is happening with the connection and the sending. */
  text: string;
  /** Refused replies, said apart and in red. */
  attention?: string;
  tone: "ok" | "busy" | "offline" | "unknown";
}

/** "1 reply", "3 replies": the language's own rule for which form a count takes. */
const counted = (n: number, one: "replyOne" | "attachmentOne", other: "replyOther" | "attachmentOther") =>
  t(new Intl.PluralRules(formattingLocale()).select(n) === "one" ? one : other, { count: n });

/** "in 3 minutes", "in 41 seconds", "in 2 hours": rounded up, so a retry is never promised earlier than it comes. */
export function retryIn(nextAttemptAt: string | undefined, now: Date, locale?: string): string | undefined {
  if (!nextAttemptAt) return undefined;
  const seconds = Math.max(0, Math.ceil((Date.parse(nextAttemptAt) - now.getTime()) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "always", style: "long" });
  if (seconds < 60) return format.format(seconds, "second");
  if (seconds < 3600) return format.format(Math.ceil(seconds / 60), "minute");
  return format.format(Math.ceil(seconds / 3600), "hour");
}

/** " (20 Nov, 09:00)": when the last reply arrived, in the phone's zone and language; empty when unknown. */
function sentWhen(lastSentAt: string | undefined, locale?: string): string {
  if (!lastSentAt) return "";
  const at = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return ` (${at.format(new Date(lastSentAt))})`;
}

/** The browser knowing it has no network beats the last contact with the server; its "online" proves nothing. */
export function withBrowserConnection(o: SyncOverview, browserOnline: boolean): SyncOverview {
  if (browserOnline || o.status.connection === "offline") return o;
  return { ...o, status: { ...o.status, connection: "offline" } };
}

export function describeSync(o: SyncOverview, now: Date, locale: string = formattingLocale()): SyncSentence {
  const { status, unsent, sent, attachments } = o;
  const replies = counted(unsent, "replyOne", "replyOther");
  const files = counted(attachments.pending, "attachmentOne", "attachmentOther");
  const attention =
    o.needsAttention > 0
      ? t(o.needsAttention === 1 ? "needsAttentionOne" : "needsAttentionOther", { count: o.needsAttention })
      : undefined;
  const share =
    attachments.bytesTotal > 0
      ? t("uploadShare", {
          percent: Math.floor((attachments.bytesUploaded / attachments.bytesTotal) * 100),
          done: formatBytes(attachments.bytesUploaded),
          total: formatBytes(attachments.bytesTotal),
        })
      : "";
  const retry = retryIn(status.nextAttemptAt, now, locale);
  const nextTry = retry ? t("nextTry", { when: retry }) : "";

  if (status.syncing && unsent > 0) return { text: t("sendingReplies", { replies }), attention, tone: "busy" };
  if (status.connection === "online") {
    if (unsent > 0) return { text: t("onlineWaiting", { replies, nextTry }), attention, tone: "busy" };
    if (attachments.pending > 0) return { text: t("onlineSendingFiles", { files, share }), attention, tone: "busy" };
    // "Everything is sent" only when something was sent and nothing is held back or refused.
    if (sent > 0 && !attention) {
      const when = sentWhen(o.lastSentAt, locale);
      return {
        text: sent === 1 ? t("onlineYourReplySent", { when }) : t("onlineAllSent", { count: sent, when }),
        tone: "ok",
      };
    }
    return { text: t("online"), attention, tone: "ok" };
  }
  if (status.connection === "offline") {
    if (unsent > 0 || attachments.pending > 0)
      return { text: t("offlineSaved", { things: unsent > 0 ? replies : files, nextTry }), attention, tone: "offline" };
    return { text: t("offlineNothingWaiting"), attention, tone: "offline" };
  }
  if (unsent > 0) return { text: t("waitingToBeSent", { replies }), attention, tone: "unknown" };
  return { text: t("checkingConnection"), attention, tone: "unknown" };
}
