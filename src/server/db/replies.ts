// Stored replies. A reply's id is made on the phone, so inserting the same id twice is a no-op.
import type { ReplyReceipt } from "../../shared/reply";
import type { OutriggerDatabase } from "./database";
import type { NewReplyRow } from "./schema";

export interface StoredReplyFingerprint {
  contentHash: string;
  receipt: ReplyReceipt;
}

/** What is already stored for these ids, so a re-sent reply gets its original receipt back. */
export async function findStoredReplies(db: OutriggerDatabase, ids: readonly string[]): Promise<Map<string, StoredReplyFingerprint>> {
  const found = new Map<string, StoredReplyFingerprint>();
  if (ids.length === 0) return found;
  const rows = await db.selectFrom("replies").select(["id", "content_hash", "receipt_id", "received_at"]).where("id", "in", [...ids]).execute();
  for (const row of rows) found.set(row.id, { contentHash: row.content_hash, receipt: { receiptId: row.receipt_id, receivedAt: row.received_at } });
  return found;
}

/**
 * Inserts the rows in one statement, skipping ids that are already there (a concurrent send of
 * the same reply). Returns the ids this call actually wrote.
 */
export async function insertReplies(db: OutriggerDatabase, rows: readonly NewReplyRow[]): Promise<Set<string>> {
  const insert = async (batch: readonly NewReplyRow[]) => {
    const inserted = await db.insertInto("replies").values([...batch]).onConflict((oc) => oc.column("id").doNothing()).returning("id").execute();
    return inserted.map((r) => r.id);
  };
  if (rows.length === 0) return new Set();
  try {
    return new Set(await insert(rows));
  } catch (error) {
    if (rows.length === 1) throw error;
    // One bad row must not cost the others: retry each on its own; a row that still fails throws.
    const written = new Set<string>();
    for (const row of rows) for (const id of await insert([row])) written.add(id);
    return written;
  }
}

export async function countReplies(db: OutriggerDatabase, where: { id?: string; campaignId?: string } = {}): Promise<number> {
  let query = db.selectFrom("replies").select((eb) => eb.fn.countAll().as("n"));
  if (where.id !== undefined) query = query.where("id", "=", where.id);
  if (where.campaignId !== undefined) query = query.where("campaign_id", "=", where.campaignId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}
