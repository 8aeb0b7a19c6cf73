// The service worker's Background Sync and Periodic Background Sync: it sends the outbox itself (where it has Web
// Locks), leaves a failure for the browser to retry, and on a periodic wake-up also refreshes what the phone stores.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { readSyncStatus } from "../../src/app/store/syncStatus";
import { listenForBackgroundEvents, type WakeUpEvent, type WorkerScope } from "../../src/app/sw/backgroundEvents";
import {
  BACKGROUND_SYNC_TAG,
  PERIODIC_REFRESH_MIN_INTERVAL_MS,
  PERIODIC_REFRESH_TAG,
  registerPeriodicRefresh,
} from "../../src/app/sync/backgroundSync";
import type { Platform } from "../../src/app/sync/platform";
import { fakeClock, fakeLocks, fakePlatform } from "./support/fakePlatform";
import { createFakeMaterialsServer, makeBytes, materialFor, publish, WORKSHOP_ID } from "./support/fakeMaterialsServer";
import { createFakeServer, type FakeServer } from "./support/fakeServer";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

const NOW = new Date("2023-06-10T10:00:00Z");
let server: FakeServer;

beforeEach(async () => {
  await resetDb();
  server = createFakeServer();
});

/** A worker scope whose events the test fires; each fired event gives back the work it handed to waitUntil. */
function fakeWorker() {
  const listeners = new Map<string, (event: Event) => void>();
  const messagesToWindows: unknown[] = [];
  const scope: WorkerScope = {
    addEventListener: (type, listener) => listeners.set(type, listener),
    clients: { matchAll: async () => [{ postMessage: (message: unknown) => messagesToWindows.push(message) }] },
  };
  function fire(type: string, tag: string): Promise<unknown> | undefined {
    let work: Promise<unknown> | undefined;
    const event = Object.assign(new Event(type), {
      tag,
      waitUntil: (promise: Promise<unknown>) => (work = promise),
    }) satisfies WakeUpEvent;
    listeners.get(type)?.(event);
    return work;
  }
  return { scope, fire, messagesToWindows };
}

function workerPlatform(overrides: Partial<Platform> = {}): Platform {
  return fakePlatform({ db, fetch: server.fetch, clock: fakeClock(NOW), locks: fakeLocks(), ...overrides });
}

async function queueReply(): Promise<string> {
  await saveInvitation(invitation({ code: INVITATION_CODE }));
  const draft = await findOrStartDraft(INVITATION_CODE);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, NOW);
  if (!result.ok) throw new Error("fixture reply is invalid");
  return result.entry.id;
}

describe("Background Sync in the service worker", () => {
  it("sends the outbox itself: the reply ends sent with the server's receipt and the status record says so", async () => {
    const id = await queueReply();
    const worker = fakeWorker();
    listenForBackgroundEvents(worker.scope, workerPlatform());
    await worker.fire("sync", BACKGROUND_SYNC_TAG);
    expect(server.posts).toEqual([[id]]);
    expect(await db.outbox.get(id)).toMatchObject({ state: "sent", receipt: server.stored.get(id) });
    expect(await readSyncStatus()).toMatchObject({
      connection: "online",
      syncing: false,
      lastSyncAt: NOW.toISOString(),
    });
    expect(worker.messagesToWindows).toEqual([]);
  });

  it("fails the event while the server cannot be reached, so the browser keeps the sync and fires it again later", async () => {
    const id = await queueReply();
    server.mode = "down";
    const worker = fakeWorker();
    listenForBackgroundEvents(worker.scope, workerPlatform());
    await expect(worker.fire("sync", BACKGROUND_SYNC_TAG)).rejects.toThrow(/1 replies still wait/);
    expect(await db.outbox.get(id)).toMatchObject({ state: "waiting", attempts: 1 });
    expect(await readSyncStatus()).toMatchObject({ connection: "offline", syncing: false });
  });

  it("a refused reply is an answer, not a reason to retry: the event succeeds and the reply needs attention", async () => {
    const id = await queueReply();
    server.rejectIds.add(id);
    const worker = fakeWorker();
    listenForBackgroundEvents(worker.scope, workerPlatform());
    await worker.fire("sync", BACKGROUND_SYNC_TAG);
    expect((await db.outbox.get(id))?.state).toBe("needs_attention");
  });

  it("without Web Locks the worker sends nothing and asks the open windows to sync instead", async () => {
    await queueReply();
    const worker = fakeWorker();
    listenForBackgroundEvents(worker.scope, workerPlatform({ locks: undefined }));
    await worker.fire("sync", BACKGROUND_SYNC_TAG);
    expect(server.posts).toEqual([]);
    expect(worker.messagesToWindows).toEqual([{ type: "sync-requested" }]);
  });

  it("leaves sync events of other tags to whoever registered them", async () => {
    await queueReply();
    const worker = fakeWorker();
    listenForBackgroundEvents(worker.scope, workerPlatform());
    expect(worker.fire("sync", "someone-else")).toBeUndefined();
    expect(server.posts).toEqual([]);
  });
});

describe("Periodic Background Sync", () => {
  it("sends what waits, then refreshes the invitation, feedback and materials list the phone stores", async () => {
    const id = await queueReply();
    const materials = createFakeMaterialsServer();
    const bytes = makeBytes(1000);
    publish(materials, "v2", [{ material: materialFor("guide", bytes), bytes }]);
    const withdrawn = invitation();
    withdrawn.campaign.status = "withdrawn";
    const feedback = {
      campaignId: withdrawn.campaign.id,
      version: 1,
      workshopTitle: "RKC",
      title: "What you told us",
      message: "Thank you",
      publishedAt: "2023-08-01T00:00:00Z",
      tables: [],
      quotes: [],
    };
    const asked: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const path = new URL(String(input)).pathname;
      asked.push(`${init?.method ?? "GET"} ${path}`);
      const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
      if (path === `/api/invitations/${INVITATION_CODE}`) return answer(withdrawn);
      if (path === `/api/invitations/${INVITATION_CODE}/feedback`) return answer(feedback);
      if (path.startsWith("/api/workshops/")) return materials.fetch(input, init);
      return server.fetch(input, init);
    };
    const worker = fakeWorker();
    listenForBackgroundEvents(worker.scope, workerPlatform({ fetch }));
    await worker.fire("periodicsync", PERIODIC_REFRESH_TAG);

    expect(asked[0]).toBe("POST /api/replies");
    expect((await db.outbox.get(id))?.state).toBe("sent");
    expect((await db.campaigns.get(INVITATION_CODE))?.campaign.status).toBe("withdrawn");
    expect((await db.feedback.get(INVITATION_CODE))?.feedback.title).toBe("What you told us");
    expect((await db.manifests.get(WORKSHOP_ID))?.version).toBe("v2");
  });

  it("is registered from the page only where the browser granted it, with our tag and interval", async () => {
    const registered: Array<{ tag: string; minInterval: number }> = [];
    const browser = (permission: string | undefined, hasPeriodicSync = true) => ({
      permission: async () => permission,
      registration: async () =>
        hasPeriodicSync
          ? {
              periodicSync: {
                register: async (tag: string, o: { minInterval: number }) => void registered.push({ tag, ...o }),
              },
            }
          : {},
    });
    expect(await registerPeriodicRefresh(browser("prompt"))).toBe(false);
    expect(await registerPeriodicRefresh(browser("denied"))).toBe(false);
    expect(await registerPeriodicRefresh(browser(undefined))).toBe(false);
    expect(await registerPeriodicRefresh(browser("granted", false))).toBe(false);
    expect(registered).toEqual([]);
    expect(await registerPeriodicRefresh(browser("granted"))).toBe(true);
    expect(registered).toEqual([{ tag: PERIODIC_REFRESH_TAG, minInterval: PERIODIC_REFRESH_MIN_INTERVAL_MS }]);
  });
});
