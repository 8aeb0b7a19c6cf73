// The sync engine: sends the outbox once per reply, backs off with jitter, judges the connection, resumes after a restart.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { readSyncStatus } from "../../src/app/store/syncStatus";
import { createSyncEngine, type SyncEngineDeps } from "../../src/app/sync/syncEngine";
import { fakeClock, fakePlatform, type FakeClock, type RecordedTimer } from "./support/fakePlatform";
import { createFakeServer, type FakeServer } from "./support/fakeServer";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

const NOW = new Date("2023-06-10T10:00:00Z");
let server: FakeServer;
let clock: FakeClock;
/** Every timer the engine set on the fake clock (which never moves by itself, so now() stays NOW). */
let timers: RecordedTimer[];

beforeEach(async () => {
  await resetDb();
  server = createFakeServer();
  clock = fakeClock(NOW);
  timers = clock.timers;
});

function engine(overrides: SyncEngineDeps = {}) {
  return createSyncEngine({
    ...fakePlatform({ db, fetch: server.fetch, baseUrl: "https://outrigger.test", clock, random: () => 1 }),
    requestTimeoutMs: 1000,
    watchOutbox: false,
    requestBackgroundSync: async () => undefined,
    ...overrides,
  });
}

/** Retry timers the engine scheduled (request timeouts are 1000 ms and cleared once the request ends). */
const pendingRetries = () => timers.filter((t) => !t.cleared && t.ms !== 1000);

async function queueReply(code = INVITATION_CODE): Promise<string> {
  await saveInvitation(invitation({ code }));
  const draft = await findOrStartDraft(code);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, NOW);
  if (!result.ok) throw new Error("fixture reply is invalid");
  return result.entry.id;
}

describe("sync engine", () => {
  it("sends a waiting reply and keeps it as sent with the server's receipt", async () => {
    const id = await queueReply();
    await engine().syncNow("test");
    expect(await db.outbox.get(id)).toMatchObject({ state: "sent", receipt: server.stored.get(id) });
    expect(await readSyncStatus()).toMatchObject({
      connection: "online",
      syncing: false,
      lastContactAt: NOW.toISOString(),
      lastSyncAt: NOW.toISOString(),
    });
    expect(pendingRetries()).toHaveLength(0);
  });

  it("when the network is down the reply waits and a retry is scheduled with growing backoff", async () => {
    const id = await queueReply();
    server.mode = "down";
    const sync = engine();
    await sync.syncNow("test");
    expect(await db.outbox.get(id)).toMatchObject({ state: "waiting", attempts: 1 });
    expect(pendingRetries().map((t) => t.ms)).toEqual([2000]);
    const status = await readSyncStatus();
    expect(status).toMatchObject({
      connection: "offline",
      syncing: false,
      nextAttemptAt: new Date(NOW.getTime() + 2000).toISOString(),
    });

    const first = pendingRetries()[0];
    first.cleared = true;
    first.callback();
    await sync.syncNow("await the retry");
    expect(pendingRetries().map((t) => t.ms)).toEqual([4000]);

    server.mode = "up";
    const second = pendingRetries()[0];
    second.cleared = true;
    second.callback();
    await sync.syncNow("await the retry");
    expect((await db.outbox.get(id))?.state).toBe("sent");
    expect(pendingRetries()).toHaveLength(0);
    expect((await readSyncStatus()).nextAttemptAt).toBeUndefined();
  });

  it("after a success the backoff starts again from the base delay", async () => {
    await queueReply();
    server.mode = "down";
    const sync = engine();
    await sync.syncNow("fail 1");
    await sync.syncNow("fail 2");
    server.mode = "up";
    await sync.syncNow("success");
    await queueReply("DEMO-FJ2");
    server.mode = "down";
    timers.splice(0);
    await sync.syncNow("fail again");
    expect(pendingRetries().map((t) => t.ms)).toEqual([2000]);
  });

  it("a reply re-sent after a lost response is stored once and ends sent", async () => {
    const id = await queueReply();
    server.mode = "lose-response";
    const sync = engine();
    await sync.syncNow("first try");
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect(server.stored.size).toBe(1);

    server.mode = "up";
    await sync.syncNow("retry");
    expect(server.posts).toEqual([[id], [id]]);
    expect(server.stored.size).toBe(1);
    expect(await db.outbox.get(id)).toMatchObject({ state: "sent", receipt: server.stored.get(id) });
  });

  it("a response that never arrives times out and the reply waits for a retry", async () => {
    const id = await queueReply();
    const neverAnswers: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const sync = engine({ fetch: neverAnswers });
    const running = sync.syncNow("stalls");
    // Let the engine reach the request, then fire its timeout.
    while (!timers.some((t) => t.ms === 1000 && !t.cleared)) await new Promise((r) => setImmediate(r));
    timers.find((t) => t.ms === 1000 && !t.cleared)!.callback();
    await running;
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect(await readSyncStatus()).toMatchObject({
      connection: "offline",
      lastProblem: "The server took too long to answer.",
    });
    expect(pendingRetries()).toHaveLength(1);
  });

  it("a refused reply needs attention with the server's field details, and the others are still sent", async () => {
    const refused = await queueReply();
    const accepted = await queueReply("DEMO-FJ2");
    server.rejectIds.add(refused);
    await engine().syncNow("test");
    const entry = await db.outbox.get(refused);
    expect(entry?.state).toBe("needs_attention");
    expect(entry?.problem?.details).toEqual([
      { path: "answers.email", code: "invalid_email", message: "Not an e-mail address" },
    ]);
    expect((await db.outbox.get(accepted))?.state).toBe("sent");
    expect(pendingRetries()).toHaveLength(0);
  });

  it("a batch refused as too large is sent again one reply per request", async () => {
    const a = await queueReply();
    const b = await queueReply("DEMO-FJ2");
    const single = JSON.stringify({ replies: [(await db.outbox.get(a))?.reply] });
    server.maxBatchBytes = new TextEncoder().encode(single).byteLength + 16;
    await engine().syncNow("test");
    expect(server.posts).toHaveLength(3);
    expect(server.posts[0]).toHaveLength(2);
    expect(server.posts.slice(1).every((p) => p.length === 1)).toBe(true);
    expect((await db.outbox.get(a))?.state).toBe("sent");
    expect((await db.outbox.get(b))?.state).toBe("sent");
  });

  it("a single reply refused as too large needs attention instead of being retried forever", async () => {
    const id = await queueReply();
    server.maxBatchBytes = 100;
    await engine().syncNow("test");
    expect(await db.outbox.get(id)).toMatchObject({ state: "needs_attention", problem: { code: "payload_too_large" } });
    expect(pendingRetries()).toHaveLength(0);
  });

  it("a server error keeps replies waiting, counts as contact, and schedules a retry", async () => {
    const id = await queueReply();
    server.mode = "error-500";
    await engine().syncNow("test");
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    const status = await readSyncStatus();
    expect(status.connection).toBe("online");
    expect(status.lastProblem).toContain("Database is busy");
    expect(pendingRetries()).toHaveLength(1);
  });

  it("a full disk on the server (507) keeps the reply waiting and retries later with growing backoff", async () => {
    const id = await queueReply();
    server.mode = "disk-full";
    const sync = engine();
    await sync.syncNow("test");
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect((await readSyncStatus()).lastProblem).toContain("disk is full");
    expect(pendingRetries().map((t) => t.ms)).toEqual([2000]);
    const first = pendingRetries()[0];
    first.cleared = true;
    first.callback();
    await sync.syncNow("await the retry");
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect(pendingRetries().map((t) => t.ms)).toEqual([4000]);
    server.mode = "up";
    const second = pendingRetries()[0];
    second.cleared = true;
    second.callback();
    await sync.syncNow("await the retry");
    expect(await db.outbox.get(id)).toMatchObject({ state: "sent", receipt: server.stored.get(id) });
  });

  it("a reply the server answers with a conflict needs attention with the server's reason and is never marked sent", async () => {
    const id = await queueReply();
    // Another reply with this id (other content) reached the server first.
    server.stored.set(id, { receiptId: "rcpt-other", receivedAt: "2023-06-09T08:00:00.000Z" });
    server.storedContent.set(id, "another reply's content");
    await engine().syncNow("test");
    const entry = await db.outbox.get(id);
    expect(entry).toMatchObject({ state: "needs_attention", problem: { code: "reply_conflict" } });
    expect(entry?.receipt).toBeUndefined();
    expect(pendingRetries()).toHaveLength(0);
  });

  it("a reply the server left out of its results goes back to waiting and is sent again, ending sent", async () => {
    const answered = await queueReply();
    const leftOut = await queueReply("DEMO-FJ2");
    server.omitFromResults.add(leftOut);
    const sync = engine();
    await sync.syncNow("test");
    expect((await db.outbox.get(answered))?.state).toBe("sent");
    expect((await db.outbox.get(leftOut))?.state).toBe("waiting");
    expect((await readSyncStatus()).lastProblem).toBe(
      "The server did not confirm every reply; they will be sent again.",
    );
    expect(pendingRetries()).toHaveLength(1);

    server.omitFromResults.clear();
    const retry = pendingRetries()[0];
    retry.cleared = true;
    retry.callback();
    await sync.syncNow("await the retry");
    expect(server.posts.at(-1)).toEqual([leftOut]);
    // It was stored the first time: the resend gets that receipt back.
    expect(await db.outbox.get(leftOut)).toMatchObject({ state: "sent", receipt: server.stored.get(leftOut) });
  });

  it("a 429 keeps the reply waiting, counts as contact with our server, and schedules a retry", async () => {
    const id = await queueReply();
    server.mode = "rate-limited";
    await engine().syncNow("test");
    expect(await db.outbox.get(id)).toMatchObject({ state: "waiting", attempts: 1 });
    expect(server.stored.size).toBe(0);
    expect((await readSyncStatus()).connection).toBe("online");
    expect(pendingRetries()).toHaveLength(1);
  });

  it("never gives up: while the server stays out of reach it keeps scheduling retries, the delay capped at five minutes", async () => {
    const id = await queueReply();
    server.mode = "down";
    const sync = engine();
    await sync.syncNow("first");
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const [retry] = pendingRetries();
      expect(retry, `retry ${i + 1} was scheduled`).toBeDefined();
      delays.push(retry.ms);
      retry.cleared = true;
      retry.callback();
      await sync.syncNow("await the retry");
    }
    expect(delays).toEqual([
      2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000, 300_000,
    ]);
    expect(await db.outbox.get(id)).toMatchObject({ state: "waiting", attempts: 13 });
    server.mode = "up";
    pendingRetries()[0].callback();
    await sync.syncNow("back online");
    expect((await db.outbox.get(id))?.state).toBe("sent");
  });

  it.each([
    [0, 0],
    [0.25, 500],
    [0.6, 1200],
    [0.999, 1998],
  ])("with random() = %s the first retry waits %s ms: full jitter under the 2 s ceiling", async (random, expected) => {
    await queueReply();
    server.mode = "down";
    await engine({ random: () => random }).syncNow("test");
    expect(pendingRetries().map((t) => t.ms)).toEqual([expected]);
    expect((await readSyncStatus()).nextAttemptAt).toBe(new Date(NOW.getTime() + expected).toISOString());
  });

  it("two syncs asked for at once send the reply once", async () => {
    const id = await queueReply();
    const sync = engine();
    await Promise.all([sync.syncNow("one"), sync.syncNow("two")]);
    expect(server.posts).toEqual([[id]]);
    // A second, overlapping run would have found nothing to send and checked the health endpoint.
    expect(server.healthChecks).toBe(0);
    expect((await db.outbox.get(id))?.state).toBe("sent");
  });

  it("with nothing to send it checks the health endpoint to judge the connection", async () => {
    await engine().syncNow("test");
    expect(server.healthChecks).toBe(1);
    expect((await readSyncStatus()).connection).toBe("online");
    server.mode = "down";
    await engine().syncNow("test");
    expect((await readSyncStatus()).connection).toBe("offline");
    expect(pendingRetries()).toHaveLength(0);
  });

  it("a reply left sending by a closed app is sent when the engine starts", async () => {
    const id = await queueReply();
    await db.outbox.update(id, { state: "sending", attempts: 1 });
    const sync = engine();
    sync.start();
    await sync.syncNow("after start");
    sync.stop();
    expect((await db.outbox.get(id))?.state).toBe("sent");
  });

  it("a newly submitted reply is sent without being asked, by watching the outbox", async () => {
    const sync = engine({ watchOutbox: true });
    sync.start();
    await sync.syncNow("initial");
    const id = await queueReply();
    // Polled against a deadline, not a count of 5 ms turns (about 1 s), which a busy machine can outrun.
    for (const deadline = Date.now() + 10_000; (await db.outbox.get(id))?.state !== "sent" && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 5));
    sync.stop();
    expect((await db.outbox.get(id))?.state).toBe("sent");
  });
});
