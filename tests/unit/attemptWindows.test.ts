// The in-memory attempt ledger and the sliding-window wait on their own: what a window keeps, what peeking counts,
// what taking back and forgetting remove, and the whole seconds a refused attempt is told to wait.
import { describe, expect, it } from "vitest";
import {
  createMemoryAttemptLedger,
  secondsUntilBelowLimit,
  SWEEP_ABOVE_KEYS,
  type RecentAttempts,
} from "../../src/server/auth/attemptWindows";

const WINDOW_MS = 60_000;
const t0 = Date.parse("2024-03-01T09:00:00.000Z");

/** A waitSeconds that never refuses and writes down what it saw of `key`. */
const recording = (key: string, seen: (readonly number[])[]) => (recent: RecentAttempts) => {
  seen.push([...recent(key)]);
  return 0;
};

const countOf = async (ledger: ReturnType<typeof createMemoryAttemptLedger>, key: string, now: number) => {
  const seen: (readonly number[])[] = [];
  await ledger.peek([key], now, recording(key, seen));
  return seen[0];
};

describe("memory attempt ledger", () => {
  it("counts a reserved attempt under every key, and keeps it until exactly one window has passed", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    expect((await ledger.reserve(["a", "b"], t0, () => 0)).allowed).toBe(true);
    expect(await countOf(ledger, "a", t0)).toEqual([t0]);
    expect(await countOf(ledger, "b", t0 + WINDOW_MS - 1)).toEqual([t0]);
    expect(await countOf(ledger, "b", t0 + WINDOW_MS)).toEqual([]);
    expect(await countOf(ledger, "c", t0)).toEqual([]);
  });

  it("shows a key's attempts oldest first, and a refused reservation counts nothing", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    await ledger.reserve(["k"], t0, () => 0);
    await ledger.reserve(["k"], t0 + 5, () => 0);
    expect(await ledger.reserve(["k"], t0 + 10, () => 7)).toEqual({ allowed: false, retryAfterSeconds: 7 });
    expect(await countOf(ledger, "k", t0 + 10)).toEqual([t0, t0 + 5]);
  });

  it("peeking answers the wait its callback gives and counts nothing", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    expect(await ledger.peek(["k"], t0, () => 42)).toBe(42);
    for (let i = 0; i < 5; i++) await ledger.peek(["k"], t0, () => 0);
    expect(await countOf(ledger, "k", t0)).toEqual([]);
  });

  it("taking back removes this attempt only, under the keys named, and leaves earlier ones counted", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    await ledger.reserve(["a", "b"], t0, () => 0);
    const second = await ledger.reserve(["a", "b"], t0 + 1, () => 0);
    if (!second.allowed) throw new Error("expected the second attempt to be allowed");
    await second.takeBack(["a", "never-counted"]);
    expect(await countOf(ledger, "a", t0 + 1)).toEqual([t0]);
    expect(await countOf(ledger, "b", t0 + 1)).toEqual([t0, t0 + 1]);
  });

  it("taking back one of two attempts made in the same millisecond leaves the other counted", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    await ledger.reserve(["k"], t0, () => 0);
    const second = await ledger.reserve(["k"], t0, () => 0);
    if (!second.allowed) throw new Error("expected the second attempt to be allowed");
    await second.takeBack(["k"]);
    expect(await countOf(ledger, "k", t0)).toEqual([t0]);
  });

  it("taking back the last attempt of a key, or one whose attempts have expired, leaves nothing counted", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    const only = await ledger.reserve(["k"], t0, () => 0);
    if (!only.allowed) throw new Error("expected the attempt to be allowed");
    await only.takeBack(["k"]);
    await only.takeBack(["k"]);
    expect(await countOf(ledger, "k", t0)).toEqual([]);
    expect((await ledger.reserve(["k"], t0 + 1, () => 0)).allowed).toBe(true);
    expect(await countOf(ledger, "k", t0 + 1)).toEqual([t0 + 1]);
  });

  it("taking back an attempt that is no longer counted removes none of the others", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    await ledger.reserve(["k"], t0, () => 0);
    const second = await ledger.reserve(["k"], t0 + 1, () => 0);
    if (!second.allowed) throw new Error("expected the second attempt to be allowed");
    await second.takeBack(["k"]);
    await second.takeBack(["k"]);
    expect(await countOf(ledger, "k", t0 + 1)).toEqual([t0]);
    expect(ledger.trackedKeys()).toBe(1);
  });

  it("a key whose attempts are all taken back or expired is no longer held", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    const only = await ledger.reserve(["taken", "expiring"], t0, () => 0);
    if (!only.allowed) throw new Error("expected the attempt to be allowed");
    await only.takeBack(["taken"]);
    expect(ledger.trackedKeys()).toBe(1);
    await countOf(ledger, "expiring", t0 + WINDOW_MS);
    expect(ledger.trackedKeys()).toBe(0);
  });

  it(`past ${SWEEP_ABOVE_KEYS} keys held, a reservation sweeps every expired key, so guessing cannot grow memory without end`, async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    for (let i = 0; i < SWEEP_ABOVE_KEYS; i++) await ledger.reserve([`guess-${i}`], t0, () => 0);
    // At the limit itself nothing is swept yet.
    await ledger.reserve(["fresh"], t0 + WINDOW_MS, () => 0);
    expect(ledger.trackedKeys()).toBe(SWEEP_ABOVE_KEYS + 1);
    await ledger.reserve(["fresher"], t0 + WINDOW_MS, () => 0);
    expect(ledger.trackedKeys()).toBe(2);
    expect(await countOf(ledger, "fresh", t0 + WINDOW_MS)).toEqual([t0 + WINDOW_MS]);
  });

  it("forgetting a key removes all its attempts and no other key's", async () => {
    const ledger = createMemoryAttemptLedger(WINDOW_MS);
    await ledger.reserve(["a", "b"], t0, () => 0);
    const last = await ledger.reserve(["a", "b"], t0 + 1, () => 0);
    if (!last.allowed) throw new Error("expected the attempt to be allowed");
    await last.forget("a");
    expect(await countOf(ledger, "a", t0 + 1)).toEqual([]);
    expect(await countOf(ledger, "b", t0 + 1)).toEqual([t0, t0 + 1]);
  });
});

describe("secondsUntilBelowLimit", () => {
  it("is 0 below the limit and waits for the attempt whose leaving brings the count below it", () => {
    expect(secondsUntilBelowLimit([t0, t0 + 1000], 3, WINDOW_MS, t0 + 2000)).toBe(0);
    // Limit 2 of [t0, t0+1 s, t0+2 s]: the count drops below 2 when t0+1 s leaves the window.
    expect(secondsUntilBelowLimit([t0, t0 + 1000, t0 + 2000], 2, WINDOW_MS, t0 + 3000)).toBe(58);
  });

  it("rounds a part second up, and never answers less than 1 second at the limit", () => {
    expect(secondsUntilBelowLimit([t0], 1, WINDOW_MS, t0 + 500)).toBe(60);
    expect(secondsUntilBelowLimit([t0], 1, WINDOW_MS, t0 + WINDOW_MS - 1)).toBe(1);
    expect(secondsUntilBelowLimit([t0], 1, WINDOW_MS, t0 + WINDOW_MS)).toBe(1);
  });
});
