// The download queue on its own: one file at a time in order, backoff retries after a cut connection, the online shortcut, the halt after running out of space.
import { describe, expect, it } from "vitest";
import { createDownloadQueue, type Outcome } from "../../src/app/sync/downloadQueue";
import { fakeClock } from "./support/fakePlatform";

const RETRY_MS = 1000;

/** A queue whose work answers from a script per file ("complete" once the script runs out), with every try recorded. */
function scriptedQueue(script: Record<string, Outcome[]> = {}) {
  const clock = fakeClock();
  const tries: string[] = [];
  const onlineListeners = new Set<() => void>();
  /** Runs during a try, before it answers: lets a test act while a file is downloading. */
  const during: Record<string, () => void> = {};
  const queue = createDownloadQueue({
    clock,
    random: () => 1,
    retryDelayMs: RETRY_MS,
    onOnline: (callback) => {
      onlineListeners.add(callback);
      return () => onlineListeners.delete(callback);
    },
    work: async (sha) => {
      tries.push(sha);
      during[sha]?.();
      delete during[sha];
      await Promise.resolve();
      return script[sha]?.shift() ?? "complete";
    },
  });
  const goOnline = () => {
    for (const listener of onlineListeners) listener();
  };
  const retryTimers = () => clock.pending();
  const fireRetry = () => {
    const [timer] = clock.pending();
    if (!timer) throw new Error("no retry waiting");
    clock.advance(timer.ms);
  };
  return { clock, tries, queue, goOnline, onlineListeners, retryTimers, fireRetry, during };
}

describe("download queue", () => {
  it("tries files one at a time in the order they came, a file enqueued twice once", async () => {
    const { queue, tries } = scriptedQueue();
    queue.enqueue("a");
    queue.enqueue("b");
    queue.enqueue("a");
    queue.enqueue("c");
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a", "b", "c"]);
  });

  it("a file whose bytes were dropped is tried again at once, without a timer", async () => {
    const { queue, tries, retryTimers } = scriptedQueue({ a: ["again", "again"] });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a", "a", "a", "b"]);
    expect(retryTimers()).toHaveLength(0);
  });

  it("a failed or stopped file leaves the queue and the next one goes", async () => {
    const { queue, tries } = scriptedQueue({ a: ["failed"], b: ["stopped"] });
    for (const sha of ["a", "b", "c"]) queue.enqueue(sha);
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a", "b", "c"]);
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a", "b", "c"]);
  });

  it("a cut connection waits a backoff that doubles with each cut, and the wait counts as idle", async () => {
    const { queue, tries, retryTimers, fireRetry } = scriptedQueue({ a: ["network", "network", "network"] });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a"]);
    expect(retryTimers().map((t) => t.ms)).toEqual([RETRY_MS]);
    // A kick while waiting does not jump the wait.
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a"]);

    fireRetry();
    await queue.idle();
    expect(retryTimers().map((t) => t.ms)).toEqual([2 * RETRY_MS]);
    fireRetry();
    await queue.idle();
    expect(retryTimers().map((t) => t.ms)).toEqual([4 * RETRY_MS]);
    fireRetry();
    await queue.idle();
    expect(tries).toEqual(["a", "a", "a", "a", "b"]);
    expect(retryTimers()).toHaveLength(0);
  });

  it("a completed file sets the backoff back to the shortest; a failed one does not", async () => {
    const { queue, retryTimers, fireRetry } = scriptedQueue({
      a: ["network"],
      b: ["network", "failed"],
      c: ["network"],
    });
    for (const sha of ["a", "b", "c"]) queue.enqueue(sha);
    queue.kick();
    await queue.idle();
    fireRetry(); // a completes
    await queue.idle();
    expect(retryTimers().map((t) => t.ms)).toEqual([RETRY_MS]);
    fireRetry(); // b fails
    await queue.idle();
    expect(retryTimers().map((t) => t.ms)).toEqual([2 * RETRY_MS]);
  });

  it("bytes arriving set the backoff back to the shortest", async () => {
    const { queue, retryTimers, fireRetry } = scriptedQueue({ a: ["network", "network"] });
    queue.enqueue("a");
    queue.kick();
    await queue.idle();
    fireRetry();
    queue.progressed();
    await queue.idle();
    expect(retryTimers().map((t) => t.ms)).toEqual([RETRY_MS]);
  });

  it("the online event ends the wait at once and starts the backoff again from the shortest", async () => {
    const { queue, tries, retryTimers, goOnline, clock } = scriptedQueue({ a: ["network", "network", "network"] });
    queue.enqueue("a");
    queue.kick();
    await queue.idle();
    goOnline();
    await queue.idle();
    expect(tries).toEqual(["a", "a"]);
    expect(clock.timers.map((t) => [t.ms, t.cleared])).toEqual([
      [RETRY_MS, true],
      [RETRY_MS, false],
    ]);
    goOnline();
    await queue.idle();
    expect(retryTimers().map((t) => t.ms)).toEqual([RETRY_MS]);
  });

  it("the online event with no retry waiting changes nothing, not even the backoff", async () => {
    const { queue, tries, retryTimers, fireRetry, goOnline, during } = scriptedQueue({
      a: ["network", "failed"],
      b: ["network"],
    });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.kick();
    await queue.idle();
    fireRetry();
    // While b downloads nothing waits: the event must not reset the backoff a's cut set.
    during.b = goOnline;
    await queue.idle();
    expect(tries).toEqual(["a", "a", "b"]);
    expect(retryTimers().map((t) => t.ms)).toEqual([2 * RETRY_MS]);
  });

  it("a file taken out while its try was cut leaves no retry: the rest go on", async () => {
    const { queue, tries, retryTimers, during } = scriptedQueue({ a: ["network"] });
    queue.enqueue("a");
    queue.enqueue("b");
    during.a = () => queue.dequeue("a");
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a", "b"]);
    expect(retryTimers()).toHaveLength(0);
  });

  it("taking out the file that waits for a retry ends the wait for the others; taking out another keeps it", async () => {
    const { queue, tries, retryTimers, clock } = scriptedQueue({ a: ["network"] });
    for (const sha of ["a", "b", "c"]) queue.enqueue(sha);
    queue.kick();
    await queue.idle();
    queue.dequeue("b");
    await queue.idle();
    expect(retryTimers()).toHaveLength(1);
    expect(tries).toEqual(["a"]);
    queue.dequeue("a");
    await queue.idle();
    expect(clock.timers[0].cleared).toBe(true);
    expect(tries).toEqual(["a", "c"]);
  });

  it("running out of space halts the queue until restart; the file that ran out leaves it", async () => {
    const { queue, tries } = scriptedQueue({ a: ["quota"] });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a"]);
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a"]);
    queue.restart();
    await queue.idle();
    expect(tries).toEqual(["a", "b"]);
  });

  it("idle waits for the running try and resolves every waiter", async () => {
    let finish: (outcome: Outcome) => void = () => undefined;
    const clock = fakeClock();
    const queue = createDownloadQueue({
      clock,
      random: () => 1,
      retryDelayMs: RETRY_MS,
      onOnline: () => () => undefined,
      work: () => new Promise<Outcome>((resolve) => (finish = resolve)),
    });
    queue.enqueue("a");
    queue.kick();
    const settled: string[] = [];
    void queue.idle().then(() => settled.push("first"));
    void queue.idle().then(() => settled.push("second"));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toEqual([]);
    finish("complete");
    await queue.idle();
    expect(settled).toEqual(["first", "second"]);
  });

  it("dispose stops listening for online, drops the retry and the waiting files", async () => {
    const { queue, tries, clock, onlineListeners } = scriptedQueue({ a: ["network"] });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.kick();
    await queue.idle();
    queue.dispose();
    expect(onlineListeners.size).toBe(0);
    expect(clock.timers[0].cleared).toBe(true);
    queue.kick();
    await queue.idle();
    expect(tries).toEqual(["a"]);
  });
});
