// The two checks behind GET /api/health: does the database answer a trivial query in time, and how much disk is free.
import { statfs } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { sql } from "kysely";
import type { OutriggerDatabase } from "../db/database";

/** True when `select 1` comes back within `timeoutMs`; false when it fails or hangs (a pool waiting on a dead host). */
export async function databaseAnswers(db: OutriggerDatabase, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => (timer = setTimeout(() => done(false), timeoutMs)));
  const query = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Free bytes for this server on the disk of `dir`; a folder not made yet is measured on the nearest one that exists. */
export async function freeDiskBytes(dir: string): Promise<number | null> {
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      const stats = await statfs(at);
      return stats.bavail * stats.bsize;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || dirname(at) === at) return null;
    }
  }
}
