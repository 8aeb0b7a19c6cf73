// The outside world every sync module reaches through (database, network, clock, chance): one seam, so a test swaps it whole.
import { db as defaultDb, type OutriggerDb } from "../store/db";
import type { ConnectionInfo } from "./downloadPace";
import { resolveNetwork, systemClock, type Clock, type Network } from "./network";

export { systemClock, type Clock };

/** The part of the Web Locks API the senders use (`navigator.locks`, in windows and in workers alike). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface Platform extends Network {
  db: OutriggerDb;
  /** In [0, 1); jitter for retries. */
  random: () => number;
  /** Web Locks, or undefined where the browser has none (then only the page sends, as before). */
  locks: LockManagerLike | undefined;
  /** What the link is (cellular, Data Saver, slow); undefined where the browser does not say. */
  connection: () => ConnectionInfo | undefined;
}

const browserConnection = (): ConnectionInfo | undefined =>
  typeof navigator === "undefined" ? undefined : (navigator as { connection?: ConnectionInfo }).connection;

/** The browser's own parts, with any of them replaced (tests pass fakes; the app passes nothing). */
export function resolvePlatform(overrides: Partial<Platform> = {}): Platform {
  return {
    ...resolveNetwork(overrides),
    db: overrides.db ?? defaultDb,
    random: overrides.random ?? Math.random,
    locks: "locks" in overrides ? overrides.locks : browserLocks(),
    connection: overrides.connection ?? browserConnection,
  };
}

function browserLocks(): LockManagerLike | undefined {
  const locks = typeof navigator === "undefined" ? undefined : (navigator as { locks?: LockManagerLike }).locks;
  // Bound: the browser's request() must be called on its own LockManager.
  return locks ? { request: (name, callback) => locks.request(name, callback) } : undefined;
}
