// Group commit: the inserts of reply batches that arrive while a commit is being made are written together in the
// next one, so one commit (one fsync; on PostgreSQL also one round trip) covers them all instead of one each.
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
 * only once the rows are committed (SQLite synchronous=FULL, PostgreSQL synchronous_commit=on: synced).
 */
export function replyStore(db: OutriggerDatabase): ReplyStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = storeFor(db)));
  return store;
}

function storeFor(db: OutriggerDatabase): ReplyStore {
  if (databaseEngine(db) !== "sqlite") return statementGrouping(db);
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

/** Groups in flight at once on PostgreSQL: one fills while another commits, and the server's two cores both work. */
const POSTGRES_GROUPS_IN_FLIGHT = 2;
/** Rows per statement at most (12 parameters each; PostgreSQL takes 65,535): a bigger batch still goes alone. */
const POSTGRES_ROWS_PER_GROUP = 1000;

/**
 * PostgreSQL: each single reply used to be its own INSERT and commit, so ten phones cost ten round trips and ten WAL
 * flushes. Batches that arrive in one turn of the event loop, or while groups are being committed, are written by one
 * multi-row INSERT outside any transaction: PostgreSQL commits it before answering, so a caller is answered only
 * once its rows are durable. insertReplies() retries row by row when the database refuses one row, so such a row
 * costs only itself; any other failure reaches every batch of the group, none of whose rows was stored. The same id
 * in two waiting batches goes to different groups, so each learns truly whether it was the one that wrote it.
 */
export function statementGrouping(db: OutriggerDatabase): ReplyStore {
  let waiting: WaitingBatch[] = [];
  let inFlight = 0;
  let scheduled = false;

  const takeGroup = (): WaitingBatch[] => {
    const group: WaitingBatch[] = [];
    const later: WaitingBatch[] = [];
    const ids = new Set<string>();
    let rows = 0;
    for (const batch of waiting) {
      const fits = group.length === 0 || rows + batch.rows.length <= POSTGRES_ROWS_PER_GROUP;
      if (!fits || batch.rows.some((row) => ids.has(row.id))) later.push(batch);
      else {
        group.push(batch);
        rows += batch.rows.length;
        for (const row of batch.rows) ids.add(row.id);
      }
    }
    waiting = later;
    return group;
  };

  const insertGroup = async (group: WaitingBatch[]) => {
    inFlight++;
    try {
      const inserted = await insertReplies(
        db,
        group.flatMap((batch) => batch.rows),
      );
      for (const batch of group) {
        const own: InsertedReplies = { written: new Set(), refused: new Map() };
        for (const { id } of batch.rows) {
          if (inserted.written.has(id)) own.written.add(id);
          const reason = inserted.refused.get(id);
          if (reason !== undefined) own.refused.set(id, reason);
        }
        batch.resolve(own);
      }
    } catch (error) {
      for (const batch of group) batch.reject(error);
    } finally {
      inFlight--;
      sendWaiting();
    }
  };

  function sendWaiting(): void {
    scheduled = false;
    while (inFlight < POSTGRES_GROUPS_IN_FLIGHT && waiting.length > 0) void insertGroup(takeGroup());
  }

  return (rows) => {
    if (rows.length === 0) return Promise.resolve({ written: new Set(), refused: new Map() });
    return new Promise<InsertedReplies>((resolve, reject) => {
      waiting.push({ rows, resolve, reject });
      // The rest of this turn's requests join the same group before it is sent.
      if (!scheduled && inFlight < POSTGRES_GROUPS_IN_FLIGHT) {
        scheduled = true;
        setImmediate(sendWaiting);
      }
    });
  };
}
