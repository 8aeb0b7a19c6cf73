// Stored replies. A reply's id is made on the phone, so inserting the same id twice is a no-op.
import type { ReplyReceipt } from "../../shared/reply";
import type { OutriggerDatabase } from "./database";
import type { NewReplyRow } from "./schema";
import { isRowRefusal } from "./storageErrors";

export interface StoredReplyFingerprint {
  contentHash: string;
  receipt: ReplyReceipt;
}

/** What is already stored for these ids, so a re-sent reply gets its original receipt back. */
export async function findStoredReplies(
  db: OutriggerDatabase,
  ids: readonly string[],
): Promise<Map<string, StoredReplyFingerprint>> {
  const found = new Map<string, StoredReplyFingerprint>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom("replies")
    .select(["id", "content_hash", "receipt_id", "received_at"])
    .where("id", "in", [...ids])
    .execute();
  for (const row of rows)
    found.set(row.id, {
      contentHash: row.content_hash,
      receipt: { receiptId: row.receipt_id, receivedAt: row.received_at },
    });
  return found;
}

export interface InsertedReplies {
  /** Ids this call actually wrote (an id already there, from a concurrent send of the same reply, is not). */
  written: Set<string>;
  /** Ids whose row the database itself refused (e.g. text it cannot store), with its reason. */
  refused: Map<string, string>;
}

/**
 * Inserts the rows in one statement, skipping ids that are already there. If the database refuses the
 * statement, each row is tried on its own, so one row it will never take costs only that row; any other
 * failure (a full disk, a lost connection) throws, and nothing is refused for good.
 */
export async function insertReplies(db: OutriggerDatabase, rows: readonly NewReplyRow[]): Promise<InsertedReplies> {
  const insert = async (batch: readonly NewReplyRow[]) => {
    const inserted = await db
      .insertInto("replies")
      .values([...batch])
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .execute();
    return inserted.map((r) => r.id);
  };
  const result: InsertedReplies = { written: new Set(), refused: new Map() };
  if (rows.length === 0) return result;
  try {
    for (const id of await insert(rows)) result.written.add(id);
    return result;
  } catch (error) {
    if (!isRowRefusal(error)) throw error;
  }
  for (const row of rows) {
    try {
      for (const id of await insert([row])) result.written.add(id);
    } catch (error) {
      if (!isRowRefusal(error)) throw error;
      result.refused.set(row.id, error instanceof Error ? error.message : String(error));
    }
  }
  return result;
}

export async function countReplies(
  db: OutriggerDatabase,
  where: { id?: string; campaignId?: string } = {},
): Promise<number> {
  let query = db.selectFrom("replies").select((eb) => eb.fn.countAll().as("n"));
  if (where.id !== undefined) query = query.where("id", "=", where.id);
  if (where.campaignId !== undefined) query = query.where("campaign_id", "=", where.campaignId);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}
