// The database lease on tus uploads (db/uploadLocks.ts): one request at a time per upload across server processes,
// a waiting request asks the holder to let go, and a dead holder's lease runs out. Two handles on one database stand
// for two processes (on SQLite one process serves the file, so only the handle-to-itself cases apply there too).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutriggerDatabase } from "../../src/server/db/database";
import { createDatabaseUploadLocker, LOCK_TIMEOUT, type UploadLockTimings } from "../../src/server/db/uploadLocks";
import { ENGINES, openTwoHandles } from "./support/testDatabase";

const quick: UploadLockTimings = { leaseMs: 60_000, renewEveryMs: 20, retryEveryMs: 10, acquireTimeoutMs: 60_000 };
const live = () => new AbortController().signal;

describe.each(ENGINES)("upload locks in the database (%s)", (engine) => {
  let db: OutriggerDatabase;
  let other: OutriggerDatabase;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, other, close } = await openTwoHandles(engine));
  });
  afterAll(() => close());

  it("a second request for a held upload asks the holder to let go, and gets the upload once it has", async () => {
    const first = createDatabaseUploadLocker(db, quick).newLock("upload-a");
    let releaseAsked = 0;
    await first.lock(live(), async () => {
      releaseAsked += 1;
      await first.unlock();
    });
    const second = createDatabaseUploadLocker(other, quick).newLock("upload-a");
    await second.lock(live(), () => undefined);
    expect(releaseAsked).toBe(1);
    await second.unlock();
  });

  it("a holder that does not let go keeps the upload: the waiting request gives up with tus's lock timeout", async () => {
    const holder = createDatabaseUploadLocker(db, quick).newLock("upload-b");
    await holder.lock(live(), () => undefined);
    const waiting = createDatabaseUploadLocker(other, { ...quick, acquireTimeoutMs: 200 }).newLock("upload-b");
    await expect(waiting.lock(live(), () => undefined)).rejects.toEqual(LOCK_TIMEOUT);
    await holder.unlock();
    const after = createDatabaseUploadLocker(other, quick).newLock("upload-b");
    await after.lock(live(), () => undefined);
    await after.unlock();
  });

  it("a holder that died (no renewals) frees the upload when its lease runs out", async () => {
    const dead = createDatabaseUploadLocker(db, { ...quick, leaseMs: 300, renewEveryMs: 3_600_000 }).newLock(
      "upload-c",
    );
    await dead.lock(live(), () => undefined);
    const next = createDatabaseUploadLocker(other, quick).newLock("upload-c");
    await next.lock(live(), () => undefined);
    await next.unlock();
    await dead.unlock();
  });

  it("of two requests racing for a free upload, exactly one gets it", async () => {
    const stubborn = { ...quick, acquireTimeoutMs: 300 };
    const locks = [db, other].map((handle) => createDatabaseUploadLocker(handle, stubborn).newLock("upload-d"));
    const outcomes = await Promise.allSettled(locks.map((lock) => lock.lock(live(), () => undefined)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    await Promise.all(locks.map((lock) => lock.unlock()));
  });
});
