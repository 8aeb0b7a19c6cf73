// The attempt ledger of the sign-in and invitation-guess limits kept in the database, so every server process on one
// PostgreSQL database counts the same attempts. A reservation is one transaction that first takes a transaction-level
// advisory lock per key (in sorted order, so two reservations never wait on each other in a circle): two processes
// deciding on the same key take turns, and neither can slip under a limit while the other is counting.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { AttemptLedger } from "../auth/attemptWindows";
import { databaseEngine, type OutriggerDatabase } from "./database";

export function createDatabaseAttemptLedger(db: OutriggerDatabase, windowMs: number): AttemptLedger {
  const postgres = databaseEngine(db) === "postgres";
  return {
    // One read, no lock and no commit: it waits for no reservation, and a reservation deciding meanwhile only adds a count.
    async peek(keys, now, waitSeconds) {
      const rows = await db
        .selectFrom("access_attempts")
        .select(["attempt_key", "attempted_at_ms"])
        .where("attempt_key", "in", [...new Set(keys)])
        .where("attempted_at_ms", ">", now - windowMs)
        .orderBy("attempted_at_ms")
        .execute();
      return waitSeconds((key) => rows.filter((r) => r.attempt_key === key).map((r) => Number(r.attempted_at_ms)));
    },
    async reserve(keys, now, waitSeconds) {
      const sortedKeys = [...new Set(keys)].sort();
      const counted = await db.transaction().execute(async (tx) => {
        // SQLite runs one transaction at a time on its one connection: the transaction alone is the turn.
        if (postgres)
          for (const key of sortedKeys)
            await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
        await tx
          .deleteFrom("access_attempts")
          .where("attempt_key", "in", sortedKeys)
          .where("attempted_at_ms", "<=", now - windowMs)
          .execute();
        const rows = await tx
          .selectFrom("access_attempts")
          .select(["attempt_key", "attempted_at_ms"])
          .where("attempt_key", "in", sortedKeys)
          .orderBy("attempted_at_ms")
          .execute();
        const wait = waitSeconds((key) =>
          rows.filter((r) => r.attempt_key === key).map((r) => Number(r.attempted_at_ms)),
        );
        if (wait > 0) return { wait };
        const ids = new Map(sortedKeys.map((key) => [key, randomUUID()]));
        await tx
          .insertInto("access_attempts")
          .values(sortedKeys.map((key) => ({ id: ids.get(key)!, attempt_key: key, attempted_at_ms: now })))
          .execute();
        return { wait: 0, ids };
      });
      if (counted.wait > 0 || !counted.ids) return { allowed: false, retryAfterSeconds: counted.wait };
      const ids = counted.ids;
      return {
        allowed: true,
        async takeBack(taken) {
          const takenIds = taken.flatMap((key) => (ids.has(key) ? [ids.get(key)!] : []));
          if (takenIds.length > 0) await db.deleteFrom("access_attempts").where("id", "in", takenIds).execute();
        },
        async forget(key) {
          await db.deleteFrom("access_attempts").where("attempt_key", "=", key).execute();
        },
      };
    },
  };
}
