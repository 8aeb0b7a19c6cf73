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
 * Inserts the rows in one transaction, skipping ids that are already there (a concurrent send of
 * the same reply). Returns the ids this call actually wrote.
 */
export async function insertReplies(db: OutriggerDatabase, rows: readonly NewReplyRow[]): Promise<Set<string>> {
  const written = new Set<string>();
  if (rows.length === 0) return written;
  const insertOne = async (tx: OutriggerDatabase, row: NewReplyRow) => {
    const inserted = await tx.insertInto("replies").values(row).onConflict((oc) => oc.column("id").doNothing()).returning("id").executeTakeFirst();
    if (inserted) written.add(inserted.id);
  };
  if (rows.length === 1) {
    await insertOne(db, rows[0]);
    return written;
  }
  try {
    await db.transaction().execute(async (tx) => {
      for (const row of rows) await insertOne(tx, row);
    });
  } catch {
    // One bad row must not cost the others: retry each on its own; a row that still fails throws.
    written.clear();
    for (const row of rows) await insertOne(db, row);
  }
  return written;
}

export async function countReplies(db: OutriggerDatabase, where: { id?: string; campaignId?: string } = {}): Promise<number> {
  let query = db.selectFrom("replies").select((eb) => eb.fn.countAll().as("n"));
  if (where.id !== undefined) query = query.where("id", "=", where.id);
  if (where.campaignId !== undefined) query = query.where("campaign_id", "=", where.campaignId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}
