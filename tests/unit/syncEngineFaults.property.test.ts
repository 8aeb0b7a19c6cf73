// Property: whatever the network and the server do between syncs, every queued reply ends stored once and marked sent.
import "fake-indexeddb/auto";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES } from "../../src/shared/api";
import { canonicalJson } from "../../src/shared/canonicalJson";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { createSyncEngine, type SyncEngine } from "../../src/app/sync/syncEngine";
import { fakeClock, fakePlatform, type FakeClock, type RecordedTimer } from "./support/fakePlatform";
import { createFakeServer, type FakeServer, type Mode } from "./support/fakeServer";
import { COMPLETING_ANSWERS, invitation, resetDb } from "./support/fixtures";

const NOW = new Date("2023-06-10T10:00:00Z");
const REQUEST_TIMEOUT_MS = 1000;
/** FAULT_RUNS=1000 for a longer search; the default keeps `npm test` quick. FAULT_SEED replays a failure's printed seed. */
const NUM_RUNS = Number(process.env.FAULT_RUNS ?? 50);
const SEED = process.env.FAULT_SEED === undefined ? {} : { seed: Number(process.env.FAULT_SEED) };

/** What the server (or the network before it) does during one sync attempt. */
type Behaviour =
  | { kind: "mode"; mode: Exclude<Mode, "restart"> }
  /** A body larger than `fitting` replies is refused with 413. */
  | { kind: "too-large"; fitting: number }
  /** Answers 200 but leaves out the replies whose mask bit is set (in the order they wait). */
  | { kind: "partial"; omit: boolean[] }
  /** The server process dies during the POST after storing this many replies of the batch. */
  | { kind: "server-restart"; storedBeforeDeath: number }
  /** The app is closed while its POST hangs (entries stay "sending") and opened again with a new engine. */
  | { kind: "phone-restart" };

interface Step {
  queue: number;
  behaviour: Behaviour;
}

const behaviourArb: fc.Arbitrary<Behaviour> = fc.oneof(
  fc
    .constantFrom<Exclude<Mode, "restart">>(
      "up",
      "down",
      "lose-response",
      "error-500",
      "disk-full",
      "rate-limited",
      "hang",
    )
    .map((mode): Behaviour => ({ kind: "mode", mode })),
  fc.integer({ min: 1, max: 3 }).map((fitting): Behaviour => ({ kind: "too-large", fitting })),
  fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }).map((omit): Behaviour => ({ kind: "partial", omit })),
  fc.integer({ min: 0, max: 4 }).map((storedBeforeDeath): Behaviour => ({ kind: "server-restart", storedBeforeDeath })),
  fc.constant<Behaviour>({ kind: "phone-restart" }),
);
const scheduleArb = fc.array(fc.record({ queue: fc.integer({ min: 0, max: 2 }), behaviour: behaviourArb }), {
  minLength: 1,
  maxLength: 8,
});

let server: FakeServer;
/** Never moves by itself: now() stays NOW, and the test fires the timers it chooses. */
let clock: FakeClock;
let timers: RecordedTimer[];
let replyCount: number;
/** Across all runs, for the printed summary. */
const tally = { schedules: 0, steps: 0, replies: 0, posts: 0 };

beforeEach(() => {
  clock = fakeClock(NOW);
  timers = clock.timers;
});

function newEngine(): SyncEngine {
  return createSyncEngine({
    ...fakePlatform({ db, fetch: server.fetch, baseUrl: "https://outrigger.test", clock, random: () => 1 }),
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    watchOutbox: false,
    requestBackgroundSync: async () => undefined,
  });
}

/** Each reply on its own invitation: one draft per invitation. */
async function queueReply(): Promise<string> {
  replyCount += 1;
  const code = `PROP-${String(replyCount).padStart(3, "0")}`;
  await saveInvitation(invitation({ code }));
  const draft = await findOrStartDraft(code);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, NOW);
  if (!result.ok) throw new Error("fixture reply is invalid");
  return result.entry.id;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs one sync; a request left hanging is ended by firing the engine's own request timeout (bounded). */
async function syncAndTimeOut(engine: SyncEngine): Promise<void> {
  let settled = false;
  const running = engine.syncNow("property").finally(() => {
    settled = true;
  });
  for (let turn = 0; turn < 10_000 && !settled; turn++) {
    const timeout = timers.find((t) => t.ms === REQUEST_TIMEOUT_MS && !t.cleared);
    if (timeout) {
      timeout.cleared = true;
      timeout.callback();
    }
    await nextTurn();
  }
  if (!settled) throw new Error("a sync did not end within 10,000 turns");
  await running;
}

/** Starts a sync that hangs on the server and never waits for it: the app was closed mid-send. */
async function syncAndAbandon(engine: SyncEngine): Promise<void> {
  void engine.syncNow("closed mid-send");
  const postsBefore = server.posts.length;
  for (let turn = 0; turn < 200 && server.posts.length === postsBefore; turn++) await nextTurn();
  // The closed app's timers die with it.
  for (const timer of timers) timer.cleared = true;
}

async function batchBytes(count: number): Promise<number> {
  const replies = (await db.outbox.toArray()).map((entry) => entry.reply);
  const largest = Math.max(...replies.map((reply) => new TextEncoder().encode(JSON.stringify(reply)).byteLength));
  return new TextEncoder().encode(JSON.stringify({ replies: [] })).byteLength + count * (largest + 1);
}

/** No entry may say "sent" unless the server holds that reply with that very receipt. */
async function expectEverySentReplyStored(): Promise<void> {
  for (const entry of await db.outbox.toArray()) {
    if (entry.state === "sent") expect(entry.receipt).toEqual(server.stored.get(entry.id));
    expect(entry.state).not.toBe("needs_attention");
  }
}

async function runSchedule(schedule: Step[]): Promise<void> {
  await resetDb();
  server = createFakeServer();
  clock = fakeClock(NOW);
  timers = clock.timers;
  replyCount = 0;
  const queued: string[] = [];
  let engine = newEngine();
  for (const { queue, behaviour } of schedule) {
    for (let i = 0; i < queue; i++) queued.push(await queueReply());
    server.mode = "up";
    server.maxBatchBytes = MAX_BATCH_BYTES;
    server.omitFromResults = new Set();
    if (behaviour.kind === "mode") server.mode = behaviour.mode;
    if (behaviour.kind === "too-large") server.maxBatchBytes = await batchBytes(behaviour.fitting);
    if (behaviour.kind === "partial") {
      const waiting = await db.outbox.where("state").equals("waiting").sortBy("queuedAt");
      server.omitFromResults = new Set(
        waiting.filter((_entry, i) => behaviour.omit[i % behaviour.omit.length]).map((entry) => entry.id),
      );
    }
    if (behaviour.kind === "server-restart") {
      server.mode = "restart";
      server.restartAfterStoring = behaviour.storedBeforeDeath;
    }
    if (behaviour.kind === "phone-restart") {
      server.mode = "hang";
      await syncAndAbandon(engine);
      engine = newEngine();
    } else {
      await syncAndTimeOut(engine);
    }
    await expectEverySentReplyStored();
  }
  // The schedule is over: the server is up and answers everything; the phone keeps trying (bounded).
  server.mode = "up";
  server.maxBatchBytes = MAX_BATCH_BYTES;
  server.omitFromResults = new Set();
  for (
    let attempt = 0;
    attempt < 5 && (await db.outbox.where("state").anyOf("waiting", "sending").count()) > 0;
    attempt++
  ) {
    await syncAndTimeOut(engine);
  }

  const entries = await db.outbox.toArray();
  expect(entries.map((e) => e.id).sort()).toEqual([...queued].sort());
  for (const entry of entries) {
    expect(entry.state).toBe("sent");
    expect(entry.receipt).toEqual(server.stored.get(entry.id));
    expect(server.storedContent.get(entry.id)).toBe(canonicalJson(entry.reply));
  }
  expect([...server.storeEvents].sort()).toEqual([...queued].sort());
  expect(server.stored.size).toBe(queued.length);
  tally.schedules += 1;
  tally.steps += schedule.length;
  tally.replies += queued.length;
  tally.posts += server.posts.length;
}

describe("sync engine under generated faults (fast-check)", () => {
  it(
    "every queued reply ends stored on the server exactly once and sent on the phone with its receipt, whatever the server did meanwhile",
    async () => {
      await fc.assert(fc.asyncProperty(scheduleArb, runSchedule), { numRuns: NUM_RUNS, ...SEED });
      console.log(
        `sync engine under faults: ${tally.schedules} schedules, ${tally.steps} scheduled sync attempts, ${tally.replies} replies, ${tally.posts} POSTs; every reply stored once and sent`,
      );
    },
    30_000 + NUM_RUNS * 200,
  );
});
