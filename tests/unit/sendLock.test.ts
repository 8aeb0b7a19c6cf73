// The page and the service worker never send at the same time: every pass runs under one Web Lock (faked here),
// a sender gone mid-send is taken back only under it, and without Web Locks the page still sends on its own.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { sendOutboxFromWorker } from "../../src/app/sw/wakeUpWork";
import type { Platform } from "../../src/app/sync/platform";
import { OUTBOX_SEND_LOCK } from "../../src/app/sync/sendLock";
import { createSyncEngine } from "../../src/app/sync/syncEngine";
import { fakeClock, fakeLocks, fakePlatform, type FakeLocks } from "./support/fakePlatform";
import { createFakeServer, type FakeServer } from "./support/fakeServer";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

const NOW = new Date("2023-06-10T10:00:00Z");
let server: FakeServer;
let locks: FakeLocks;
/** Reply POSTs under way at this moment, and the most there ever were at once. */
let postsInFlight = 0;
let mostPostsAtOnce = 0;

beforeEach(async () => {
  await resetDb();
  server = createFakeServer();
  locks = fakeLocks();
  postsInFlight = 0;
  mostPostsAtOnce = 0;
});

/** The fake server behind a fetch that counts overlapping reply POSTs: two senders at once would show as 2. */
const countingFetch: typeof fetch = async (input, init) => {
  const isPost = init?.method === "POST";
  if (isPost) mostPostsAtOnce = Math.max(mostPostsAtOnce, ++postsInFlight);
  try {
    // A turn of the event loop inside the request, so an unlocked second sender would get in.
    await new Promise((resolve) => setTimeout(resolve, 1));
    return await server.fetch(input, init);
  } finally {
    if (isPost) postsInFlight -= 1;
  }
};

function platform(overrides: Partial<Platform> = {}): Platform {
  return fakePlatform({ db, fetch: countingFetch, clock: fakeClock(NOW), random: () => 1, locks, ...overrides });
}

function pageEngine(overrides: Partial<Platform> = {}) {
  return createSyncEngine({
    ...platform(overrides),
    requestTimeoutMs: 1000,
    watchOutbox: false,
    requestBackgroundSync: async () => undefined,
    requestPeriodicRefresh: async () => undefined,
  });
}

async function queueReply(): Promise<string> {
  await saveInvitation(invitation({ code: INVITATION_CODE }));
  const draft = await findOrStartDraft(INVITATION_CODE);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, NOW);
  if (!result.ok) throw new Error("fixture reply is invalid");
  return result.entry.id;
}

describe("one sender at a time", () => {
  it("a page pass and a worker pass started together send the reply once, one after the other", async () => {
    const id = await queueReply();
    await Promise.all([pageEngine().syncNow("page"), sendOutboxFromWorker(platform())]);
    expect(server.posts).toEqual([[id]]);
    expect(mostPostsAtOnce).toBe(1);
    expect(locks.timeline).toEqual([
      `granted ${OUTBOX_SEND_LOCK}`,
      `released ${OUTBOX_SEND_LOCK}`,
      `granted ${OUTBOX_SEND_LOCK}`,
      `released ${OUTBOX_SEND_LOCK}`,
    ]);
    expect((await db.outbox.get(id))?.state).toBe("sent");
  });

  it("while the page holds the send lock the worker takes nothing from the outbox, then sends once it is let go", async () => {
    const id = await queueReply();
    const letGo = await locks.hold(OUTBOX_SEND_LOCK);
    const worker = sendOutboxFromWorker(platform());
    await expect.poll(() => locks.queued(OUTBOX_SEND_LOCK)).toBe(1);
    expect(server.posts).toEqual([]);
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    letGo();
    await worker;
    expect(server.posts).toEqual([[id]]);
    expect((await db.outbox.get(id))?.state).toBe("sent");
  });

  it("holding the lock, a reply a vanished sender left sending is taken back and sent, at every pass", async () => {
    const first = await queueReply();
    const engine = pageEngine();
    await engine.syncNow("start");
    // A worker stopped by the browser mid-send, after the page's first pass: its reply stays "sending".
    const second = await queueReply();
    await db.outbox.update(second, { state: "sending", attempts: 1 });
    await engine.syncNow("later");
    expect(server.posts).toEqual([[first], [second]]);
    expect((await db.outbox.get(second))?.state).toBe("sent");
  });

  it("without Web Locks the page still sends, and leaves alone a reply another tab may have in flight", async () => {
    const first = await queueReply();
    const engine = pageEngine({ locks: undefined });
    await engine.syncNow("start");
    expect(server.posts).toEqual([[first]]);
    const second = await queueReply();
    await db.outbox.update(second, { state: "sending", attempts: 1 });
    await engine.syncNow("later");
    expect(server.posts).toEqual([[first]]);
    expect((await db.outbox.get(second))?.state).toBe("sending");
  });
});
