// Group commit for the embedded SQLite: the inserts of reply batches that arrive while a commit is being made are
// written together in the next transaction, so one fsync covers them all instead of one fsync each.
import { databaseEngine, sqliteFileOf, type OutriggerDatabase } from "./database";
import { threadCommitting } from "./replyCommitThread";
import { insertReplies, type InsertedReplies } from "./replies";
import type { NewReplyRow } from "./schema";

export type ReplyStore = (rows: readonly NewReplyRow[]) => Promise<InsertedReplies>;

interface WaitingBatch {
  rows: readonly NewReplyRow[];
  resolve: (inserted: InsertedReplies) => void;
  reject: (error: unknown) => void;
}

const stores = new WeakMap<OutriggerDatabase, ReplyStore>();

/**
 * How this database stores reply rows; each caller gets exactly what insertReplies() would have answered it, and
 * only once the rows are committed (synchronous=FULL: synced). PostgreSQL already combines the WAL flushes of
 * concurrent commits itself, and its pool runs them in parallel, so there each batch commits on its own.
 */
export function replyStore(db: OutriggerDatabase): ReplyStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = storeFor(db)));
  return store;
}

function storeFor(db: OutriggerDatabase): ReplyStore {
  if (databaseEngine(db) !== "sqlite") return (rows) => insertReplies(db, rows);
  // A database opened by createDatabase() commits on a worker thread; another handle (a test's, with plugins) on this one.
  const file = sqliteFileOf(db);
  return file !== undefined ? threadCommitting(file) : groupCommitting(db);
}

/**
 * better-sqlite3 commits synchronously, so requests that arrive during a commit wait in the socket buffers; they are
 * read in the next turn of the event loop, queue their rows here, and the queue is committed once that turn is done
 * (setImmediate). Each batch keeps its own statement, so a row SQLite refuses costs only that row (a failed statement
 * is undone alone; the transaction goes on). Any other failure rolls the whole group back and every batch in it
 * gets the error: nothing of theirs was stored, as when each failed alone.
 */
export function groupCommitting(db: OutriggerDatabase): ReplyStore {
  let waiting: WaitingBatch[] = [];
  let scheduled = false;
  let committing = false;

  const commitWaiting = async () => {
    scheduled = false;
    committing = true;
    const group = waiting;
    waiting = [];
    try {
      const inserted = await db.transaction().execute(async (tx) => {
        const each: InsertedReplies[] = [];
        for (const batch of group) each.push(await insertReplies(tx, batch.rows));
        return each;
      });
      group.forEach((batch, i) => batch.resolve(inserted[i]));
    } catch (error) {
      for (const batch of group) batch.reject(error);
    } finally {
      committing = false;
      scheduleCommit();
    }
  };

  function scheduleCommit(): void {
    if (scheduled || committing || waiting.length === 0) return;
    scheduled = true;
    setImmediate(() => void commitWaiting());
  }

  return (rows) => {
    if (rows.length === 0) return Promise.resolve({ written: new Set(), refused: new Map() });
    return new Promise<InsertedReplies>((resolve, reject) => {
      waiting.push({ rows, resolve, reject });
      scheduleCommit();
    });
  };
}
