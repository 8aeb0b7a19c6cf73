// Where a limit keeps its counts: in memory for the embedded SQLite file (one process serves it), in the database
// when the server runs on PostgreSQL, where several processes may share it and must count the same attempts.
import { createDatabaseAttemptLedger } from "../db/accessAttempts";
import { databaseEngine, type OutriggerDatabase } from "../db/database";
import { createMemoryAttemptLedger, type AttemptLedger } from "./attemptWindows";

export function attemptLedgerFor(db: OutriggerDatabase, windowMs: number): AttemptLedger {
  // Chosen at the first attempt, not when the app is made: an app built without a database (tests of body
  // limits) never counts anything.
  let chosen: AttemptLedger | undefined;
  const choose = () =>
    databaseEngine(db) === "postgres" ? createDatabaseAttemptLedger(db, windowMs) : createMemoryAttemptLedger(windowMs);
  return {
    reserve: (keys, now, waitSeconds) => (chosen ??= choose()).reserve(keys, now, waitSeconds),
    peek: (keys, now, waitSeconds) => (chosen ??= choose()).peek(keys, now, waitSeconds),
  };
}
