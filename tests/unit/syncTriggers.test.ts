// What starts a sync by itself: the connection back, the app shown, the service worker's wake-up, a fresh reply; and nothing after stop.
import "fake-indexeddb/auto";
import { liveQuery } from "dexie";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { markWaiting, takeBatch } from "../../src/app/store/outbox";
import { startSyncTriggers } from "../../src/app/sync/syncTriggers";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

type Listener = (event: unknown) => void;

/** An event target that calls its listeners directly, so an error in one reaches the test instead of the event loop. */
function fakeTarget<T extends object>(extra: T = {} as T) {
  const listeners = new Map<string, Set<Listener>>();
  return Object.assign(extra, {
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, (listeners.get(type) ?? new Set()).add(listener));
    },
    removeEventListener(type: string, listener: Listener) {
      listeners.get(type)?.delete(listener);
    },
    fire(type: string, event: unknown = {}) {
      for (const listener of listeners.get(type) ?? []) listener(event);
    },
    listening(): string[] {
      return [...listeners].filter(([, set]) => set.size > 0).map(([type]) => type);
    },
  });
}

let reasons: string[];
const syncNow = (reason: string) => void reasons.push(reason);

beforeEach(async () => {
  await resetDb();
  reasons = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A browser's window, document and service worker container, as fakes the test fires events on. */
function stubBrowser() {
  const win = fakeTarget();
  const doc = fakeTarget({ visibilityState: "hidden" as DocumentVisibilityState });
  const serviceWorker = fakeTarget();
  vi.stubGlobal("window", win);
  vi.stubGlobal("document", doc);
  vi.stubGlobal("navigator", { serviceWorker });
  return { win, doc, serviceWorker };
}

async function submitReply(code = INVITATION_CODE): Promise<string> {
  await saveInvitation(invitation({ code }));
  const draft = await findOrStartDraft(code);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, new Date("2026-11-20T08:00:00Z"));
  if (!result.ok) throw new Error("fixture reply is invalid");
  return result.entry.id;
}

/** A reply that was sent once and failed, so it waits again with one attempt behind it. */
async function triedReply(): Promise<void> {
  const id = await submitReply();
  await takeBatch();
  await markWaiting([id]);
}

/**
 * Waits until a live query of the outbox, started now, has seen `count` entries, then a little longer: live
 * queries answer in the order they were started, so the triggers' own watch has answered by then too.
 */
async function outboxSeen(count: number): Promise<void> {
  await new Promise<void>((resolve) => {
    const subscription = liveQuery(() => db.outbox.count()).subscribe((seen) => {
      if (seen !== count) return;
      setTimeout(() => subscription.unsubscribe());
      resolve();
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
}

async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !done() && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("sync triggers", () => {
  it("syncs once at the start", () => {
    stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: false });
    expect(reasons).toEqual(["start"]);
    stop();
  });

  it("syncs when the connection comes back", () => {
    const { win } = stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: false });
    win.fire("online");
    expect(reasons).toEqual(["start", "online"]);
    stop();
  });

  it("syncs when the app is shown again, not when it is hidden", () => {
    const { doc } = stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: false });
    doc.fire("visibilitychange");
    expect(reasons).toEqual(["start"]);
    doc.visibilityState = "visible";
    doc.fire("visibilitychange");
    expect(reasons).toEqual(["start", "visible"]);
    stop();
  });

  it("syncs when the service worker asks (Background Sync), and ignores its other messages", () => {
    const { serviceWorker } = stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: false });
    for (const data of [
      null,
      undefined,
      "sync-requested",
      { type: "other" },
      {},
      Object.assign(() => undefined, { type: "sync-requested" }),
    ])
      expect(() => serviceWorker.fire("message", { data })).not.toThrow();
    expect(reasons).toEqual(["start"]);
    serviceWorker.fire("message", { data: { type: "sync-requested" } });
    expect(reasons).toEqual(["start", "service-worker"]);
    stop();
  });

  it("removes every listener on stop, so no event starts a sync afterwards", () => {
    const { win, doc, serviceWorker } = stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: false });
    expect([win.listening(), doc.listening(), serviceWorker.listening()]).toEqual([
      ["online"],
      ["visibilitychange"],
      ["message"],
    ]);
    stop();
    expect([win.listening(), doc.listening(), serviceWorker.listening()]).toEqual([[], [], []]);
    doc.visibilityState = "visible";
    win.fire("online");
    doc.fire("visibilitychange");
    serviceWorker.fire("message", { data: { type: "sync-requested" } });
    expect(reasons).toEqual(["start"]);
  });

  it("starts outside a browser (no window, document or service worker) and only syncs at the start", () => {
    expect(() => startSyncTriggers(syncNow, { db, watchOutbox: false })()).not.toThrow();
    vi.stubGlobal("window", {});
    vi.stubGlobal("navigator", { serviceWorker: undefined });
    expect(() => startSyncTriggers(syncNow, { db, watchOutbox: false })()).not.toThrow();
    vi.stubGlobal("navigator", {});
    expect(() => startSyncTriggers(syncNow, { db, watchOutbox: false })()).not.toThrow();
    expect(reasons).toEqual(["start", "start", "start"]);
  });
});

describe("sync triggers watching the outbox", () => {
  it("syncs when a newly submitted reply enters the outbox", async () => {
    stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: true });
    await outboxSeen(0);
    expect(reasons).toEqual(["start"]);
    await submitReply();
    await until(() => reasons.includes("queued"));
    stop();
    expect(reasons).toEqual(["start", "queued"]);
  }, 30_000);

  it("does not sync for a reply already tried (the retry timer owns it)", async () => {
    stubBrowser();
    await triedReply();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: true });
    await outboxSeen(1);
    stop();
    expect(reasons).toEqual(["start"]);
  }, 30_000);

  it("does not watch the outbox when not asked to", async () => {
    stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: false });
    await submitReply();
    await outboxSeen(1);
    stop();
    expect(reasons).toEqual(["start"]);
  }, 30_000);

  it("stops watching the outbox on stop", async () => {
    stubBrowser();
    const stop = startSyncTriggers(syncNow, { db, watchOutbox: true });
    await outboxSeen(0);
    stop();
    await submitReply();
    await outboxSeen(1);
    expect(reasons).toEqual(["start"]);
  }, 30_000);
});
