// Replies leave without the app open: a reply queued offline is sent by the service worker on Background Sync
// after every page of the app was closed, exactly once, and the reopened app shows it sent with its receipt.
// The sender (Dexie and the sync engine) is evaluated in the worker only when such a wake-up comes, not at each start.
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appForThisFile } from "./support/appServer";
import { STATE_TEXT, expectReplyState, joinByLink, sendReplyOffline } from "./support/participantFlow";

const app = appForThisFile({ behindProxy: true });

const CODE = "DEMO-WS4";

async function repliesOnServer() {
  return app.server.db.selectFrom("replies").selectAll().where("invitation_code", "=", CODE).execute();
}

const replyPosts = () => app.proxy.requests.filter((r) => r.method === "POST" && r.path === "/api/replies");

interface RegistrationUpdate {
  registrations: Array<{ registrationId: string; scopeURL: string; isDeleted: boolean }>;
}

/** Fires the app's Background Sync ("outbox") as the browser would when a connection returns. */
async function backgroundSyncTrigger(context: BrowserContext): Promise<() => Promise<void>> {
  // This Chromium offers the ServiceWorker domain only to page targets, so a blank tab (not a client of the app)
  // hosts the DevTools session, as the DevTools window itself would.
  const devtoolsTab = await context.newPage();
  const cdp = await context.newCDPSession(devtoolsTab);
  const scopes = new Map<string, string>();
  cdp.on("ServiceWorker.workerRegistrationUpdated", (update: RegistrationUpdate) => {
    for (const r of update.registrations) if (!r.isDeleted) scopes.set(r.scopeURL, r.registrationId);
  });
  await cdp.send("ServiceWorker.enable");
  const origin = new URL(app.proxy.url).origin;
  await expect.poll(() => scopes.get(`${origin}/`)).toBeDefined();
  return async () => {
    await cdp.send("ServiceWorker.dispatchSyncEvent", {
      origin,
      registrationId: scopes.get(`${origin}/`)!,
      tag: "outbox",
      lastChance: false,
    });
  };
}

describe("a reply sent by the service worker", () => {
  it("leaves on Background Sync with every app page closed, reaches the server once, and shows as sent on reopening", async () => {
    const phone = await app.phones.open();
    await sendReplyOffline(phone, app.proxy.url, CODE, {
      application: "Our post-clearance audit team now uses the RKC checklist.",
    });
    const replyScreen = phone.page.url();
    expect(await repliesOnServer()).toHaveLength(0);

    const fireOutboxSync = await backgroundSyncTrigger(phone.context);

    await phone.page.close();
    expect(phone.context.pages().map((page) => page.url())).toEqual(["about:blank"]);
    const postsBefore = replyPosts().length;

    await phone.context.setOffline(false);
    await fireOutboxSync();
    await expect.poll(async () => (await repliesOnServer()).length, { timeout: 60_000, interval: 200 }).toBe(1);
    expect(replyPosts().length - postsBefore).toBe(1);
    const [row] = await repliesOnServer();

    const reopened = await phone.context.newPage();
    await reopened.goto(replyScreen);
    await expectReplyState(reopened, STATE_TEXT.sent);
    expect(await reopened.getByTestId("receipt-id").textContent()).toBe(row.receipt_id);
    expect(await repliesOnServer()).toHaveLength(1);
    // Joining and answering on a small phone profile takes most of the default budget on a busy 2-core machine.
  }, 240_000);

  it("starts without evaluating the sender: Dexie is loaded in the worker only when Background Sync fires", async () => {
    const phone = await app.phones.open();
    await joinByLink(phone.page, app.proxy.url, "DEMO-FJ3");
    const [worker] = phone.context.serviceWorkers();
    // Dexie marks itself on the global object when its module is evaluated (dexie/import-wrapper.mjs).
    const dexieLoaded = () => worker.evaluate(() => Symbol.for("Dexie") in globalThis);
    expect(await dexieLoaded()).toBe(false);

    const fireOutboxSync = await backgroundSyncTrigger(phone.context);
    await fireOutboxSync();
    await expect.poll(dexieLoaded, { timeout: 30_000 }).toBe(true);
  }, 120_000);
});
