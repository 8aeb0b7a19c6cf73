// Server processes sharing one PostgreSQL database start one at a time: migrating, adding first-start data and
// sweeping shared folders are each safe alone, but two processes doing them at once would both find the database
// empty and both seed it. A transaction-level advisory lock, held by one idle connection while the start-up work
// runs on the others, is the turn; it ends with the transaction, also when a process dies mid-start.
import { sql } from "kysely";
import { databaseEngine, type OutriggerDatabase } from "./database";

const STARTUP_LOCK_NAME = "outrigger:server-start";

export async function oneStartAtATime<T>(db: OutriggerDatabase, work: () => Promise<T>): Promise<T> {
  // An SQLite file is served by one process (its own file lock refuses a second writer's overlap anyway).
  if (databaseEngine(db) !== "postgres") return work();
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${STARTUP_LOCK_NAME}, 0))`.execute(tx);
    return work();
  });
}
