// When the loop runs, apart from what a run does: each test drives fake runs and reads a compact timeline.
import { describe, expect, it } from "vitest";
import { createSyncLoop, type LoopVerdict } from "../../src/app/sync/syncLoop";
import { fakeClock } from "./support/fakePlatform";

/** A loop whose runs end when the test says, each with the verdict the test gives. */
function harness(waitingAfter = 1) {
  const clock = fakeClock();
  const timeline: string[] = [];
  const pendingRuns: Array<(verdict: LoopVerdict) => void> = [];
  let runs = 0;
  const loop = createSyncLoop({
    clock,
    random: () => 1,
    countWaiting: async () => waitingAfter,
    onRetryScheduled: () => timeline.push("background sync asked"),
    run: (scheduleRetry) => {
      runs += 1;
      timeline.push(`run ${runs}`);
      return new Promise((resolve) =>
        pendingRuns.push((verdict) => {
          const delay = scheduleRetry(verdict);
          if (delay !== undefined) timeline.push(`retry in ${delay}`);
          resolve(verdict);
        }),
      );
    },
  });
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  const endRun = async (verdict: LoopVerdict) => {
    pendingRuns.shift()?.(verdict);
    await settle();
  };
  return { clock, loop, timeline, endRun, settle };
}

describe("the sync loop", () => {
  it("a sync asked for during a run shares its promise and runs once more afterwards while replies wait", async () => {
    const { loop, timeline, endRun } = harness(1);
    const first = loop.syncNow("a");
    expect(loop.syncNow("b")).toBe(first);
    void loop.syncNow("c");
    await endRun({ retry: false, waiting: 0 });
    await endRun({ retry: false, waiting: 0 });
    await first;
    expect(timeline).toEqual(["run 1", "run 2"]);
  });

  it("a sync asked for during a run is dropped when nothing waits afterwards, or when the run wants a retry", async () => {
    const idle = harness(0);
    const first = idle.loop.syncNow("a");
    void idle.loop.syncNow("b");
    await idle.endRun({ retry: false, waiting: 0 });
    await first;
    expect(idle.timeline).toEqual(["run 1"]);

    const failing = harness(1);
    const attempt = failing.loop.syncNow("a");
    void failing.loop.syncNow("b");
    await failing.endRun({ retry: true, waiting: 1 });
    await attempt;
    expect(failing.timeline).toEqual(["run 1", "background sync asked", "retry in 2000"]);
  });

  it("retries back off while they fail, fire on the clock, and start again from the base delay after a success", async () => {
    const { clock, loop, timeline, endRun, settle } = harness();
    void loop.syncNow("a");
    await endRun({ retry: true, waiting: 1 });
    clock.advance(2000);
    await settle();
    await endRun({ retry: true, waiting: 1 });
    clock.advance(4000);
    await settle();
    await endRun({ retry: false, waiting: 0 });
    void loop.syncNow("b");
    await endRun({ retry: true, waiting: 1 });
    expect(timeline).toEqual([
      "run 1",
      "background sync asked",
      "retry in 2000",
      "run 2",
      "background sync asked",
      "retry in 4000",
      "run 3",
      "run 4",
      "background sync asked",
      "retry in 2000",
    ]);
  });

  it("never retries sooner than the server asked (Retry-After), and backs off as usual when it asked for less", async () => {
    const { clock, loop, timeline, endRun, settle } = harness();
    void loop.syncNow("a");
    await endRun({ retry: true, waiting: 1, retryAfterMs: 120_000 });
    clock.advance(119_999);
    await settle();
    expect(timeline).toEqual(["run 1", "background sync asked", "retry in 120000"]);
    clock.advance(1);
    await settle();
    await endRun({ retry: true, waiting: 1, retryAfterMs: 500 });
    expect(timeline.slice(3)).toEqual(["run 2", "background sync asked", "retry in 4000"]);
  });

  it("a sync asked for while a retry is pending clears that retry timer", async () => {
    const { clock, loop, endRun } = harness();
    void loop.syncNow("a");
    await endRun({ retry: true, waiting: 1 });
    expect(clock.pending().map((t) => t.ms)).toEqual([2000]);
    void loop.syncNow("online");
    expect(clock.pending()).toEqual([]);
    await endRun({ retry: false, waiting: 0 });
  });

  it("once halted no retry is scheduled and the pending one is cleared, until resumed", async () => {
    const { clock, loop, timeline, endRun } = harness();
    void loop.syncNow("a");
    await endRun({ retry: true, waiting: 1 });
    loop.halt();
    expect(clock.pending()).toEqual([]);
    void loop.syncNow("b");
    await endRun({ retry: true, waiting: 1 });
    expect(clock.pending()).toEqual([]);
    loop.resume();
    void loop.syncNow("c");
    await endRun({ retry: true, waiting: 1 });
    expect(timeline).toEqual([
      "run 1",
      "background sync asked",
      "retry in 2000",
      "run 2",
      "run 3",
      "background sync asked",
      "retry in 4000",
    ]);
  });
});
