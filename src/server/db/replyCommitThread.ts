// Group commit on a thread of its own: better-sqlite3 syncs the WAL inside COMMIT and blocks its thread meanwhile,
// so reply inserts run on a worker with their own connection and the main thread keeps reading requests during the fsync.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { InsertedReplies } from "./replies";
import type { NewReplyRow } from "./schema";

/** Columns of a reply row, in the order the worker binds them. */
const COLUMNS = [
  "id",
  "campaign_id",
  "invitation_code",
  "questionnaire_id",
  "questionnaire_version",
  "answers",
  "started_at",
  "submitted_at",
  "app_version",
  "content_hash",
  "receipt_id",
  "received_at",
] as const;

/** A worker with nothing to do for this long ends; the next batch starts another (tests open many databases). */
const IDLE_MS = 2000;

/**
 * The worker's code, plain CommonJS run with eval so the bundled server needs no second file. Same pragmas as
 * createDatabase(). Each row is its own statement in the group's transaction: a row SQLite refuses (constraint,
 * too big, type) is undone alone and reported; any other error rolls the whole group back and is reported for all.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const SQLite = require(workerData.betterSqlite);
const db = new SQLite(workerData.file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
const columns = workerData.columns;
const insert = db.prepare("insert into replies (" + columns.map((c) => '"' + c + '"').join(", ") + ") values (" + columns.map(() => "?").join(", ") + ") on conflict (id) do nothing");
const isRowRefusal = (code) => typeof code === "string" && (code.startsWith("SQLITE_CONSTRAINT") || code === "SQLITE_TOOBIG" || code === "SQLITE_MISMATCH");
parentPort.on("message", ({ group, batches }) => {
  try {
    db.exec("begin immediate");
    const results = batches.map((rows) => {
      const written = [], refused = [];
      for (const row of rows) {
        try {
          if (insert.run(columns.map((c) => row[c] === undefined ? null : row[c])).changes > 0) written.push(row.id);
        } catch (error) {
          if (!isRowRefusal(error && error.code)) throw error;
          refused.push([row.id, error.message]);
        }
      }
      return { written, refused };
    });
    db.exec("commit");
    parentPort.postMessage({ group, results });
  } catch (error) {
    if (db.inTransaction) db.exec("rollback");
    parentPort.postMessage({ group, error: { message: String(error && error.message), code: error && error.code, name: error && error.name } });
  }
});
`;

interface Waiting {
  rows: readonly NewReplyRow[];
  resolve: (inserted: InsertedReplies) => void;
  reject: (error: unknown) => void;
}

type WorkerAnswer =
  | { group: number; results: { written: string[]; refused: [string, string][] }[] }
  | { group: number; error: { message: string; code?: string; name?: string } };

/** Stores reply rows in the SQLite file `file` through the worker; each caller is answered once its rows are committed. */
export function threadCommitting(file: string): (rows: readonly NewReplyRow[]) => Promise<InsertedReplies> {
  const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");
  let worker: Worker | undefined;
  let waiting: Waiting[] = [];
  let inFlight: { group: number; batches: Waiting[] } | undefined;
  let groups = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const failAll = (batches: Waiting[], error: unknown) => batches.forEach((b) => b.reject(error));

  function started(): Worker {
    if (worker) return worker;
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, betterSqlite, columns: COLUMNS } });
    // Never keeps the process alive on its own; a killed process loses only what was not yet acknowledged.
    w.unref();
    w.on("message", (answer: WorkerAnswer) => {
      const done = inFlight;
      inFlight = undefined;
      if (!done || done.group !== answer.group) return;
      if ("error" in answer)
        failAll(
          done.batches,
          Object.assign(new Error(answer.error.message), {
            code: answer.error.code,
            name: answer.error.name ?? "Error",
          }),
        );
      else
        done.batches.forEach((b, i) =>
          b.resolve({ written: new Set(answer.results[i].written), refused: new Map(answer.results[i].refused) }),
        );
      sendWaiting();
    });
    w.on("error", (error) => {
      worker = undefined;
      if (inFlight) failAll(inFlight.batches, error);
      inFlight = undefined;
      sendWaiting();
    });
    w.on("exit", () => {
      if (worker === w) worker = undefined;
    });
    return (worker = w);
  }

  function sendWaiting(): void {
    if (inFlight || waiting.length === 0) {
      if (!inFlight && worker && !idleTimer) idleTimer = setTimeout(stopWhenIdle, IDLE_MS).unref();
      return;
    }
    clearTimeout(idleTimer);
    idleTimer = undefined;
    const batches = waiting;
    waiting = [];
    inFlight = { group: ++groups, batches };
    started().postMessage({ group: inFlight.group, batches: batches.map((b) => b.rows) });
  }

  function stopWhenIdle(): void {
    idleTimer = undefined;
    if (inFlight || waiting.length > 0 || !worker) return;
    void worker.terminate();
    worker = undefined;
  }

  return (rows) => {
    if (rows.length === 0) return Promise.resolve({ written: new Set(), refused: new Map() });
    return new Promise<InsertedReplies>((resolve, reject) => {
      waiting.push({ rows, resolve, reject });
      // The rest of this turn's requests join the same group before it is sent.
      if (waiting.length === 1) setImmediate(sendWaiting);
    });
  };
}
