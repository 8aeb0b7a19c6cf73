// One honest picture of what is saved, waiting and sent, read from the phone's tables for the status line.
import { db, type OutriggerDb } from "./db";
import { readSyncStatus, type SyncStatus } from "./syncStatus";

export interface SyncOverview {
  status: SyncStatus;
  /** Replies queued but not yet acknowledged (waiting or in a send that has not answered). */
  unsent: number;
  needsAttention: number;
  sent: number;
  /** When the server received the latest of the sent replies (its receipt), for "sent (when)". */
  lastSentAt?: string;
  /** Attachments of submitted replies whose bytes the server does not have in full yet. */
  attachments: { pending: number; bytesUploaded: number; bytesTotal: number };
}

export async function loadSyncOverview(database: OutriggerDb = db): Promise<SyncOverview> {
  return database.transaction("r", [database.meta, database.outbox, database.attachments], async () => {
    const entries = await database.outbox.toArray();
    const submitted = new Set(entries.map((e) => e.id));
    const pending = (await database.attachments.where("state").anyOf("on_phone", "uploading").toArray()).filter((a) =>
      submitted.has(a.replyId),
    );
    return {
      status: await readSyncStatus(database),
      unsent: entries.filter((e) => e.state === "waiting" || e.state === "sending").length,
      needsAttention: entries.filter((e) => e.state === "needs_attention").length,
      sent: entries.filter((e) => e.state === "sent").length,
      lastSentAt: entries
        .map((e) => (e.state === "sent" ? e.receipt?.receivedAt : undefined))
        .filter((at): at is string => at !== undefined)
        .sort()
        .at(-1),
      attachments: {
        pending: pending.length,
        bytesUploaded: pending.reduce((sum, a) => sum + Math.min(a.bytesUploaded, a.size), 0),
        bytesTotal: pending.reduce((sum, a) => sum + a.size, 0),
      },
    };
  });
}
