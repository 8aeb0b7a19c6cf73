// The status line's words, derived from one SyncOverview: it never claims "sent" for something that is not.
import { formatBytes } from "../../store/byteSizes";
import type { SyncOverview } from "../../store/syncOverview";

export interface SyncSentence {
  /** What is happening with the connection and the sending. */
  text: string;
  /** Refused replies, said apart and in red. */
  attention?: string;
  tone: "ok" | "busy" | "offline" | "unknown";
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

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

export function describeSync(o: SyncOverview, now: Date, locale?: string): SyncSentence {
  const { status, unsent, sent, attachments } = o;
  const replies = plural(unsent, "reply", "replies");
  const files = plural(attachments.pending, "attachment", "attachments");
  const attention =
    o.needsAttention > 0
      ? `${o.needsAttention === 1 ? "1 reply needs" : `${o.needsAttention} replies need`} your attention.`
      : undefined;
  const uploadShare =
    attachments.bytesTotal > 0
      ? ` ${Math.floor((attachments.bytesUploaded / attachments.bytesTotal) * 100)}% (${formatBytes(attachments.bytesUploaded)} of ${formatBytes(attachments.bytesTotal)})`
      : "";
  const retry = retryIn(status.nextAttemptAt, now, locale);
  const nextTry = retry ? ` Next try ${retry}.` : "";

  if (status.syncing && unsent > 0) return { text: `Sending ${replies}…`, attention, tone: "busy" };
  if (status.connection === "online") {
    if (unsent > 0) return { text: `Connected — ${replies} waiting to be sent.${nextTry}`, attention, tone: "busy" };
    if (attachments.pending > 0)
      return { text: `Connected — sending ${files}:${uploadShare}.`, attention, tone: "busy" };
    // "Everything is sent" only when something was sent and nothing is held back or refused.
    if (sent > 0 && !attention)
      return {
        text: `Connected — ${sent === 1 ? "your reply is" : `all ${sent} replies are`} sent${sentWhen(o.lastSentAt, locale)}.`,
        tone: "ok",
      };
    return { text: "Connected.", attention, tone: "ok" };
  }
  if (status.connection === "offline") {
    if (unsent > 0)
      return {
        text: `Offline — ${replies} saved on this phone, to be sent when a connection is found.${nextTry}`,
        attention,
        tone: "offline",
      };
    if (attachments.pending > 0)
      return {
        text: `Offline — ${files} saved on this phone, to be sent when a connection is found.${nextTry}`,
        attention,
        tone: "offline",
      };
    return { text: "Offline — you can keep working; everything is saved on this phone.", attention, tone: "offline" };
  }
  if (unsent > 0) return { text: `${replies} waiting to be sent.`, attention, tone: "unknown" };
  return { text: "Checking the connection…", attention, tone: "unknown" };
}
