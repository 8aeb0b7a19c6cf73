// When to fetch which file: one at a time in order, a backoff retry after a cut connection, and a halt after running out of space.
import { backoffDelay } from "./backoff";
import type { Clock } from "./platform";

/**
 * What became of one try at a file, as far as the queue cares:
 * complete, failed, stopped: the file leaves the queue;
 * again: try the same file at once (its bytes were dropped);
 * network: wait a backoff, then try it again (the `online` event cuts the wait short);
 * quota: the file leaves the queue and nothing more is fetched until the participant acts.
 */
export type Outcome = "complete" | "failed" | "stopped" | "network" | "quota" | "again";

export interface DownloadQueueOptions {
  clock: Clock;
  random: () => number;
  /** Base of the backoff between retries after a cut connection. */
  retryDelayMs: number;
  /** Subscribes to the browser's `online` event; returns an unsubscribe. */
  onOnline: (callback: () => void) => () => void;
  /** One try at the file; must not reject. */
  work: (sha256: string) => Promise<Outcome>;
}

export interface DownloadQueue {
  /** Adds a file at the end unless it is already waiting. */
  enqueue(sha256: string): void;
  /** Takes a file out; if it was the one waiting for a retry, the rest may go now. */
  dequeue(sha256: string): void;
  /** Starts working if there is work and nothing stops it. */
  kick(): void;
  /** Lifts the halt after running out of space (the participant acted), then kicks. */
  restart(): void;
  /** Bytes arrived: the link works, so the next retry starts from the shortest delay. */
  progressed(): void;
  /** Resolves when nothing is downloading: the queue is empty, halted, or waiting to retry. */
  idle(): Promise<void>;
  /** Stops listening for `online`, drops the retry and the waiting files. */
  dispose(): void;
}

export function createDownloadQueue({
  clock,
  random,
  retryDelayMs,
  onOnline,
  work,
}: DownloadQueueOptions): DownloadQueue {
  let queue: string[] = [];
  let running: Promise<void> | undefined;
  /** Set after running out of space: nothing more is fetched until the participant acts. */
  let halted = false;
  let retryTimer: unknown;
  let attempt = 0;
  let idleWaiters: Array<() => void> = [];

  const isIdle = () => running === undefined && (queue.length === 0 || halted || retryTimer !== undefined);
  const settleIdle = () => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const cancelRetry = () => {
    if (retryTimer !== undefined) clock.clearTimer(retryTimer);
    retryTimer = undefined;
  };

  const unsubscribeOnline = onOnline(() => {
    if (retryTimer === undefined) return;
    cancelRetry();
    attempt = 0;
    kick();
  });

  function kick(): void {
    if (running || halted || retryTimer !== undefined || queue.length === 0) {
      settleIdle();
      return;
    }
    running = run().finally(() => {
      running = undefined;
      settleIdle();
    });
  }

  async function run(): Promise<void> {
    while (!halted && queue.length > 0) {
      const sha = queue[0];
      const outcome = await work(sha);
      if (outcome === "again") continue;
      if (outcome === "network") {
        // The file may have been taken out meanwhile (paused, cancelled): then the rest go on.
        if (queue[0] !== sha) continue;
        const delay = backoffDelay(attempt, { baseMs: retryDelayMs, random });
        attempt += 1;
        retryTimer = clock.setTimer(() => {
          retryTimer = undefined;
          kick();
        }, delay);
        return;
      }
      queue = queue.filter((s) => s !== sha);
      if (outcome === "complete") attempt = 0;
      if (outcome === "quota") halted = true;
    }
  }

  return {
    enqueue(sha) {
      if (!queue.includes(sha)) queue.push(sha);
    },
    dequeue(sha) {
      const wasHead = queue[0] === sha;
      queue = queue.filter((s) => s !== sha);
      if (wasHead && retryTimer !== undefined) {
        cancelRetry();
        kick();
      }
    },
    kick,
    restart() {
      halted = false;
      kick();
    },
    progressed() {
      attempt = 0;
    },
    idle() {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    dispose() {
      unsubscribeOnline();
      cancelRetry();
      queue = [];
    },
  };
}
