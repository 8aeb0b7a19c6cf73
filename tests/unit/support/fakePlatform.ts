// One fake of the Platform seam for unit tests: a clock that moves only when told, timers recorded and fired by the test, fixed chance.
import type { Clock, LockManagerLike, Platform } from "../../../src/app/sync/platform";

/** A timer the code under test set: never fired by itself, so a test fires it (or moves the fake clock) when it chooses. */
export interface RecordedTimer {
  callback: () => void;
  ms: number;
  cleared: boolean;
}

export interface FakeClock extends Clock {
  /** Every timer set so far, in order; cleared ones stay, marked. */
  readonly timers: RecordedTimer[];
  /** Timers neither cleared nor fired yet. */
  pending(): RecordedTimer[];
  set(at: Date | string): void;
  /** Moves time forward and fires, in order, the pending timers that fall due. */
  advance(ms: number): void;
}

export function fakeClock(start: Date | string = "2026-11-20T08:00:00Z"): FakeClock {
  let nowMs = new Date(start).getTime();
  const timers: RecordedTimer[] = [];
  const dueAt = new Map<RecordedTimer, number>();
  const fired = new Set<RecordedTimer>();
  const pending = () => timers.filter((timer) => !timer.cleared && !fired.has(timer));
  return {
    timers,
    pending,
    now: () => new Date(nowMs),
    setTimer(callback, ms) {
      const timer: RecordedTimer = { callback, ms, cleared: false };
      timers.push(timer);
      dueAt.set(timer, nowMs + ms);
      return timer;
    },
    clearTimer(handle) {
      (handle as RecordedTimer).cleared = true;
    },
    set(at) {
      nowMs = new Date(at).getTime();
    },
    advance(ms) {
      const until = nowMs + ms;
      for (;;) {
        const next = pending()
          .filter((timer) => (dueAt.get(timer) ?? Infinity) <= until)
          .sort((a, b) => (dueAt.get(a) ?? 0) - (dueAt.get(b) ?? 0))[0];
        if (!next) break;
        nowMs = Math.max(nowMs, dueAt.get(next) ?? nowMs);
        fired.add(next);
        next.callback();
      }
      nowMs = until;
    },
  };
}

/** A platform for one test: pass the fakes the test cares about; the rest throw if used, so nothing reaches a real network by accident. */
export function fakePlatform(parts: Partial<Platform> & Pick<Platform, "db">): Platform {
  return {
    fetch: () => Promise.reject(new Error("This test gave the platform no fetch")),
    baseUrl: "https://outrigger.test",
    clock: fakeClock(),
    random: () => 0.5,
    locks: undefined,
    connection: () => undefined,
    ...parts,
  };
}

/** Web Locks as the browser grants them (exclusive, first come first served), with what happened kept for assertions. */
export interface FakeLocks extends LockManagerLike {
  /** "granted NAME", "released NAME" in order: two grants in a row without a release would be two senders at once. */
  readonly timeline: string[];
  /** Takes a lock as another sender would (an open page mid-send); the returned function lets it go. */
  hold(name: string): Promise<() => void>;
  /** Requests queued behind the holder. */
  queued(name: string): number;
}

export function fakeLocks(): FakeLocks {
  const timeline: string[] = [];
  const held = new Set<string>();
  const queues = new Map<string, Array<() => void>>();
  const acquire = (name: string): Promise<void> => {
    if (!held.has(name)) {
      held.add(name);
      timeline.push(`granted ${name}`);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      queues.set(name, [...(queues.get(name) ?? []), resolve]);
    });
  };
  const release = (name: string) => {
    timeline.push(`released ${name}`);
    const next = queues.get(name)?.shift();
    if (next) {
      timeline.push(`granted ${name}`);
      next();
    } else held.delete(name);
  };
  return {
    timeline,
    async request(name, callback) {
      await acquire(name);
      try {
        return await callback();
      } finally {
        release(name);
      }
    },
    async hold(name) {
      await acquire(name);
      return () => release(name);
    },
    queued: (name) => queues.get(name)?.length ?? 0,
  };
}
