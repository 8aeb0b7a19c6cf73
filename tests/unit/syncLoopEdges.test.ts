// The sync loop at its edges: a failure with nothing waiting, a halt during a run, a retry timer that already fired.
import { describe, expect, it } from "vitest";
import { createSyncLoop, type LoopVerdict } from "../../src/app/sync/syncLoop";
import { fakeClock } from "./support/fakePlatform";

/** Each run ends with the next verdict of `verdicts` once the test calls `endRun`; `delays` lists every retry set. */
function loopWith(waitingAfterRun: () => number) {
  const clock = fakeClock();
  const delays: Array<number | undefined> = [];
  const endings: Array<(verdict: LoopVerdict) => void> = [];
  let runs = 0;
  let backgroundSyncAsked = 0;
  const loop = createSyncLoop({
    clock,
    random: () => 1,
    countWaiting: async () => waitingAfterRun(),
    onRetryScheduled: () => (backgroundSyncAsked += 1),
    run: (scheduleRetry) => {
      runs += 1;
      return new Promise((resolve) =>
        endings.push((verdict) => {
          delays.push(scheduleRetry(verdict));
          resolve(verdict);
        }),
      );
    },
  });
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  const endRun = async (verdict: LoopVerdict) => {
    endings.shift()?.(verdict);
    await settle();
  };
  return { clock, loop, delays, endRun, settle, runs: () => runs, backgroundSyncAsked: () => backgroundSyncAsked };
}

describe("the sync loop at its edges", () => {
  it("a run that wants a retry but leaves nothing waiting sets no timer and does not start the backoff over", async () => {
    const { clock, loop, delays, endRun, settle, backgroundSyncAsked } = loopWith(() => 1);
    void loop.syncNow("first");
    await endRun({ retry: true, waiting: 1 });
    clock.advance(2000);
    await settle();
    await endRun({ retry: true, waiting: 0 });
    expect(clock.pending()).toEqual([]);
    expect(backgroundSyncAsked()).toBe(1);
    void loop.syncNow("a new reply");
    await endRun({ retry: true, waiting: 1 });
    // The third failure in a row waits longer than the second did, not the base delay again.
    expect(delays).toEqual([2000, undefined, 4000]);
  });

  it("a halt during a run drops the rerun asked for meanwhile", async () => {
    const { loop, endRun, runs } = loopWith(() => 1);
    const running = loop.syncNow("first");
    void loop.syncNow("asked mid-run");
    loop.halt();
    await endRun({ retry: false, waiting: 1 });
    await running;
    expect(runs()).toBe(1);
  });

  it("a sync asked for after the retry timer fired starts a new run rather than riding on a finished one", async () => {
    const { clock, loop, endRun, settle, runs } = loopWith(() => 0);
    void loop.syncNow("first");
    await endRun({ retry: true, waiting: 1 });
    clock.advance(2000);
    await settle();
    await endRun({ retry: false, waiting: 0 });
    expect(runs()).toBe(2);
    const later = loop.syncNow("later");
    expect(runs()).toBe(3);
    await endRun({ retry: false, waiting: 0 });
    await later;
    expect(clock.pending()).toEqual([]);
  });

  it("a rerun asked for mid-run happens when replies wait, even if the run's own verdict saw none", async () => {
    const { loop, endRun, runs } = loopWith(() => 1);
    const running = loop.syncNow("first");
    void loop.syncNow("a relayed reply arrived");
    await endRun({ retry: false, waiting: 0 });
    expect(runs()).toBe(2);
    await endRun({ retry: false, waiting: 0 });
    await running;
    expect(runs()).toBe(2);
  });
});
