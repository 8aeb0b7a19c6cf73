// The outbox: submitted replies until the server has a receipt for them. Only acknowledged replies are ever final.
import { REPLY_BATCH_BYTES, type ApiErrorBody } from "../../shared/api";
import type { ReplyReceipt } from "../../shared/reply";
import { db, type OutboxEntry, type OutriggerDb } from "./db";

const encoder = new TextEncoder();
const byteLength = (value: unknown): number => encoder.encode(JSON.stringify(value)).byteLength;
/** `{"replies":[` … `]}` around the replies. */
const BATCH_ENVELOPE_BYTES = byteLength({ replies: [] });

/** Replies left "sending" when the app was closed mid-send go back to waiting; the server's idempotency makes the resend safe. */
export async function recoverInterruptedSends(database: OutriggerDb = db): Promise<number> {
  return database.outbox.where("state").equals("sending").modify({ state: "waiting" });
}

/**
 * Takes the oldest waiting replies that fit one request and marks them sending. A single reply larger
 * than `maxBytes` still goes alone, so the server can say why it refuses it.
 */
export async function takeBatch(
  maxCount = 100,
  maxBytes = REPLY_BATCH_BYTES,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<OutboxEntry[]> {
  return database.transaction("rw", database.outbox, async () => {
    const waiting = await database.outbox.where("state").equals("waiting").toArray();
    waiting.sort((a, b) =>
      a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    const batch: OutboxEntry[] = [];
    let bytes = BATCH_ENVELOPE_BYTES;
    for (const entry of waiting) {
      if (batch.length >= maxCount) break;
      const size = byteLength(entry.reply) + (batch.length > 0 ? 1 : 0);
      if (batch.length > 0 && bytes + size > maxBytes) break;
      bytes += size;
      batch.push({ ...entry, state: "sending", attempts: entry.attempts + 1, lastAttemptAt: now.toISOString() });
    }
    await database.outbox.bulkPut(batch);
    return batch;
  });
}

export async function markSent(id: string, receipt: ReplyReceipt, database: OutriggerDb = db): Promise<void> {
  await database.transaction("rw", database.outbox, async () => {
    const entry = await database.outbox.get(id);
    if (!entry) return;
    const { problem: _resolved, ...rest } = entry;
    await database.outbox.put({ ...rest, state: "sent", receipt });
  });
}

export async function markNeedsAttention(id: string, problem: ApiErrorBody, database: OutriggerDb = db): Promise<void> {
  await database.transaction("rw", database.outbox, async () => {
    const entry = await database.outbox.get(id);
    // A receipt is final: a later refusal (of a duplicate send) never undoes it.
    if (!entry || entry.state === "sent") return;
    await database.outbox.put({ ...entry, state: "needs_attention", problem });
  });
}

/** Back to waiting after a failed send; a reply already acknowledged stays sent. */
export async function markWaiting(ids: readonly string[], database: OutriggerDb = db): Promise<void> {
  await database.outbox
    .where("id")
    .anyOf([...ids])
    .and((entry) => entry.state === "sending")
    .modify({ state: "waiting" });
}

/** The participant's explicit choice to drop a reply the server refused; nothing else may delete an unsent reply. */
export async function discardReply(id: string, database: OutriggerDb = db): Promise<void> {
  await database.transaction("rw", database.outbox, async () => {
    const entry = await database.outbox.get(id);
    if (!entry) throw new Error(`Outbox entry ${id} not found`);
    if (entry.state !== "needs_attention")
      throw new Error(`Only a reply that needs attention can be discarded (this one is ${entry.state})`);
    await database.outbox.delete(id);
  });
}

/** The reply as a file the participant can keep or send another way ("save as file"). */
export async function exportReplyFile(
  id: string,
  database: OutriggerDb = db,
): Promise<{ filename: string; json: string }> {
  const entry = await database.outbox.get(id);
  if (!entry) throw new Error(`Outbox entry ${id} not found`);
  const { reply, state, queuedAt, attempts, lastAttemptAt, receipt, problem } = entry;
  const json = JSON.stringify({ reply, state, queuedAt, attempts, lastAttemptAt, receipt, problem }, null, 2);
  const day = reply.submittedAt.slice(0, 10);
  return { filename: `outrigger-reply-${reply.invitationCode}-${day}-${reply.id.slice(-8)}.json`, json };
}

/** Replies not yet acknowledged and not refused: waiting, or in a send that has not answered yet. */
export function countWaiting(database: OutriggerDb = db): Promise<number> {
  return database.outbox.where("state").anyOf("waiting", "sending").count();
}

export function getOutboxEntry(id: string, database: OutriggerDb = db): Promise<OutboxEntry | undefined> {
  return database.outbox.get(id);
}
