// The outside world every sync module reaches through (database, network, clock, chance): one seam, so a test swaps it whole.
import { db as defaultDb, type OutriggerDb } from "../store/db";
import type { ConnectionInfo } from "./downloadPace";

/** Time and timers together, so a fake clock can move both. */
export interface Clock {
  now(): Date;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** The part of the Web Locks API the senders use (`navigator.locks`, in windows and in workers alike). */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface Platform {
  db: OutriggerDb;
  fetch: typeof fetch;
  /** Origin of our server; "" means the page's own origin. */
  baseUrl: string;
  clock: Clock;
  /** In [0, 1); jitter for retries. */
  random: () => number;
  /** Web Locks, or undefined where the browser has none (then only the page sends, as before). */
  locks: LockManagerLike | undefined;
  /** What the link is (cellular, Data Saver, slow); undefined where the browser does not say. */
  connection: () => ConnectionInfo | undefined;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const browserConnection = (): ConnectionInfo | undefined =>
  typeof navigator === "undefined" ? undefined : (navigator as { connection?: ConnectionInfo }).connection;

/** The browser's own parts, with any of them replaced (tests pass fakes; the app passes nothing). */
export function resolvePlatform(overrides: Partial<Platform> = {}): Platform {
  return {
    db: overrides.db ?? defaultDb,
    // Called through a wrapper: a bare `fetch` reference loses its `this` in some browsers.
    fetch: overrides.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    baseUrl: overrides.baseUrl ?? "",
    clock: overrides.clock ?? systemClock,
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
