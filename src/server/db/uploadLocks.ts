// Which request may work on a tus upload right now, decided in the database so several server processes on one
// PostgreSQL respect each other (tus's own locker lives in one process's memory). A lock is a lease row: taken
// when free or expired, renewed while the request runs, and released at its end. A request that finds the upload
// taken asks the holder to let go (tus's "request release": a phone that reconnects ends its own stale PATCH);
// the holder sees the request at its next renewal. A process that dies leaves a lease that expires on its own.
import { randomUUID } from "node:crypto";
import type { ServerOptions } from "@tus/server";
import type { OutriggerDatabase } from "./database";

type Locker = Extract<ServerOptions["locker"], { newLock: unknown }>;
type Lock = ReturnType<Locker["newLock"]>;

export interface UploadLockTimings {
  /** How long a lease lasts without renewal (a dead holder frees the upload after this). */
  leaseMs: number;
  /** How often a holder renews its lease and looks for a release request. */
  renewEveryMs: number;
  /** How often a waiting request tries again. */
  retryEveryMs: number;
  /** How long a request waits for the upload before giving up (tus answers it with an error; the phone retries). */
  acquireTimeoutMs: number;
}

export const UPLOAD_LOCK_TIMINGS: UploadLockTimings = {
  leaseMs: 15_000,
  renewEveryMs: 500,
  retryEveryMs: 200,
  acquireTimeoutMs: 30_000,
};

/** What tus answers a request that could not get the upload in time (its own wording for this case). */
export const LOCK_TIMEOUT = { status_code: 500, body: "failed to acquire lock before timeout\n" };

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

export function createDatabaseUploadLocker(
  db: OutriggerDatabase,
  timings: UploadLockTimings = UPLOAD_LOCK_TIMINGS,
  clock: () => number = Date.now,
): Locker {
  const newLock = (uploadId: string): Lock => {
    const holder = randomUUID();
    let renewal: NodeJS.Timeout | undefined;

    /** Takes the lease if it is free or expired; true when this request now holds it. */
    const tryTake = async (): Promise<boolean> => {
      const now = clock();
      const lease = { holder, expires_at_ms: now + timings.leaseMs, release_requested: 0 };
      const row = await db
        .insertInto("upload_locks")
        .values({ upload_id: uploadId, ...lease })
        .onConflict((conflict) =>
          conflict.column("upload_id").doUpdateSet(lease).where("upload_locks.expires_at_ms", "<", now),
        )
        .returning("holder")
        .executeTakeFirst();
      return row?.holder === holder;
    };

    const askHolderToRelease = async () => {
      await db.updateTable("upload_locks").set({ release_requested: 1 }).where("upload_id", "=", uploadId).execute();
    };

    /** Renews the lease; calls requestRelease once when another request asked for the upload or the lease was lost. */
    const keepRenewing = (requestRelease: () => Promise<void> | void) => {
      let released = false;
      renewal = setInterval(() => {
        void db
          .updateTable("upload_locks")
          .set({ expires_at_ms: clock() + timings.leaseMs })
          .where("upload_id", "=", uploadId)
          .where("holder", "=", holder)
          .returning("release_requested")
          .executeTakeFirst()
          .then(async (row) => {
            if (released || (row !== undefined && Number(row.release_requested) === 0)) return;
            released = true;
            await requestRelease();
          })
          // A failed renewal is tried again at the next tick; the lease outlives a few of them.
          .catch(() => undefined);
      }, timings.renewEveryMs);
      renewal.unref();
    };

    return {
      async lock(stopSignal, requestRelease) {
        const deadline = clock() + timings.acquireTimeoutMs;
        let asked = false;
        while (!(await tryTake())) {
          if (stopSignal.aborted || clock() >= deadline) throw LOCK_TIMEOUT;
          if (!asked) {
            await askHolderToRelease();
            asked = true;
          }
          await pause(timings.retryEveryMs, stopSignal);
        }
        keepRenewing(requestRelease);
      },
      async unlock() {
        clearInterval(renewal);
        await db.deleteFrom("upload_locks").where("upload_id", "=", uploadId).where("holder", "=", holder).execute();
      },
    };
  };
  return { newLock };
}
