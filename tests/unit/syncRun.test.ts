// One sync run on its own: what it reports for each answer of the server, when it checks health, hands off attachments and relays.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db, type AttachmentState } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { createApiClient } from "../../src/app/sync/apiClient";
import { countWaiting, createSyncRun, type SyncRunExtras } from "../../src/app/sync/syncRun";
import { relayedReplyFile, signRelayedReply } from "../../src/shared/relay";
import { fakeClock, fakePlatform } from "./support/fakePlatform";
import { createFakeServer, type FakeServer } from "./support/fakeServer";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

const NOW = new Date("2023-06-10T10:00:00Z");
const RELAY_KEY = Buffer.alloc(32, 7).toString("base64");
const RELAYED_ID = "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e51";

let server: FakeServer;
/** How the relay endpoint answers; the fake server itself knows only replies and health. */
let relay: "store" | "down" | "busy";
/** The path of every request the run made, in order. */
let requests: string[];

beforeEach(async () => {
  await resetDb();
  server = createFakeServer();
  relay = "store";
  requests = [];
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const fetchThroughServer: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  requests.push(url.pathname);
  if (url.pathname !== "/api/relayed-replies" || server.mode !== "up") return server.fetch(input, init);
  if (relay === "down") throw new TypeError("Failed to fetch");
  if (relay === "busy") return json(503, { error: { code: "unavailable", message: "Database is busy" } });
  const { replies } = JSON.parse(String(init?.body)) as { replies: { reply: { id: string } }[] };
  return json(200, {
    results: replies.map(({ reply }) => ({
      id: reply.id,
      outcome: "stored",
      status: 201,
      receipt: { receiptId: `R-${reply.id}`, receivedAt: "2023-06-10T10:00:00.000Z" },
    })),
  });
};

function syncRun(extras?: SyncRunExtras, answer: typeof fetch = fetchThroughServer) {
  const platform = fakePlatform({ db, fetch: answer, baseUrl: "https://outrigger.test", clock: fakeClock(NOW) });
  return createSyncRun(platform, createApiClient({ ...platform, timeoutMs: 1000 }), extras);
}

/** Hooks that record what the run told the page. */
function recordingExtras() {
  const told: string[] = [];
  const extras: SyncRunExtras = {
    onAttachmentsWaiting: () => told.push("attachments waiting"),
    onContact: (at) => told.push(`contact at ${at.toISOString()}`),
  };
  return { told, extras };
}

async function queueReply(code = INVITATION_CODE): Promise<string> {
  await saveInvitation(invitation({ code }));
  const draft = await findOrStartDraft(code);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, NOW);
  if (!result.ok) throw new Error("fixture reply is invalid");
  return result.entry.id;
}

async function addAttachment(id: string, state: AttachmentState): Promise<void> {
  await db.attachments.add({
    id,
    replyId: "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e99",
    name: "photo.jpg",
    type: "image/jpeg",
    size: 3,
    state,
    bytesUploaded: 0,
    addedAt: NOW.toISOString(),
  });
}

async function addRelayedReply(): Promise<void> {
  const reply = {
    id: RELAYED_ID,
    campaignId: "survey-2023-rkc",
    invitationCode: "DEMO-FJ2",
    questionnaireId: "follow-up",
    questionnaireVersion: 1,
    answers: { name: "Sela Taufa" },
    startedAt: "2023-06-09T08:00:00.000Z",
    submittedAt: "2023-06-09T08:20:00.000Z",
    appVersion: "0.1.0",
  };
  const file = relayedReplyFile.parse(await signRelayedReply(reply, RELAY_KEY));
  await db.relayedReplies.add({ id: RELAYED_ID, file, state: "waiting", addedAt: NOW.toISOString() });
}

describe("a sync run sending the outbox", () => {
  it("sends the waiting replies, reports contact at the clock's time and nothing left, without a health check", async () => {
    const id = await queueReply();
    const { told, extras } = recordingExtras();
    const outcome = await syncRun(extras).run();
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: false, sentAny: true, at: NOW, waiting: 0 });
    expect((await db.outbox.get(id))?.state).toBe("sent");
    expect(requests).toEqual(["/api/replies"]);
    expect(told).toEqual([`contact at ${NOW.toISOString()}`]);
  });

  it("a reply the server left out of its results is retried and still counted as waiting", async () => {
    await queueReply();
    const leftOut = await queueReply("DEMO-FJ2");
    server.omitFromResults.add(leftOut);
    const outcome = await syncRun().run();
    expect(outcome).toMatchObject({
      contact: true,
      unreachable: false,
      retry: true,
      problem: "The server did not confirm every reply; they will be sent again.",
      waiting: 1,
    });
    expect(requests).toEqual(["/api/replies"]);
  });

  it("a conflict, a refusal and a reply too large end the run with contact, nothing to retry and nothing waiting", async () => {
    const conflicting = await queueReply();
    server.stored.set(conflicting, { receiptId: "rcpt-other", receivedAt: "2023-06-09T08:00:00.000Z" });
    server.storedContent.set(conflicting, "another reply's content");
    const refused = await queueReply("DEMO-FJ2");
    server.rejectIds.add(refused);
    const outcome = await syncRun().run();
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: false, sentAny: true, at: NOW, waiting: 0 });
    expect(await db.outbox.get(conflicting)).toMatchObject({
      state: "needs_attention",
      problem: { code: "reply_conflict" },
    });
    expect(await db.outbox.get(refused)).toMatchObject({
      state: "needs_attention",
      problem: { code: "invalid_answers" },
    });

    const tooLarge = await queueReply("DEMO-WS3");
    server.maxBatchBytes = 100;
    expect(await syncRun().run()).toMatchObject({ contact: true, unreachable: false, retry: false, waiting: 0 });
    expect(await db.outbox.get(tooLarge)).toMatchObject({
      state: "needs_attention",
      problem: { code: "payload_too_large" },
    });
  });

  it("a 429 with Retry-After keeps the reply waiting and asks for a retry: our server was reached", async () => {
    const id = await queueReply();
    server.mode = "rate-limited";
    const { told, extras } = recordingExtras();
    const outcome = await syncRun(extras).run();
    // The server's 120 s travel with the outcome, so the loop does not come back sooner.
    expect(outcome).toMatchObject({
      contact: true,
      unreachable: false,
      retry: true,
      waiting: 1,
      retryAfterMs: 120_000,
    });
    expect(outcome.problem).toContain("Slow down");
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect(told).toEqual([`contact at ${NOW.toISOString()}`]);
  });

  it("an answer lost after the server stored the batch leaves the reply waiting; the next run stores nothing twice", async () => {
    const id = await queueReply();
    server.mode = "lose-response";
    const { told, extras } = recordingExtras();
    expect(await syncRun(extras).run()).toMatchObject({ contact: false, unreachable: true, retry: true, waiting: 1 });
    expect(told).toEqual([]);
    // Unreachable: neither the relay nor a health check is tried.
    expect(requests).toEqual(["/api/replies"]);

    server.mode = "up";
    expect(await syncRun().run()).toMatchObject({ contact: true, unreachable: false, retry: false, waiting: 0 });
    expect(await db.outbox.get(id)).toMatchObject({ state: "sent", receipt: server.stored.get(id) });
    expect(server.storeEvents).toEqual([id]);
  });
});

describe("a sync run with nothing to send", () => {
  it("asks /api/health and reports contact when our server answers", async () => {
    const { told, extras } = recordingExtras();
    const outcome = await syncRun(extras).run();
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: false, at: NOW, waiting: 0 });
    expect(requests).toEqual(["/api/health"]);
    expect(server.healthChecks).toBe(1);
    expect(told).toEqual([`contact at ${NOW.toISOString()}`]);
  });

  it("reports our server unreachable when the health check gets no answer", async () => {
    server.mode = "down";
    const { told, extras } = recordingExtras();
    const outcome = await syncRun(extras).run();
    expect(outcome).toEqual({ contact: false, unreachable: true, retry: false, at: NOW, waiting: 0 });
    expect(told).toEqual([]);
  });

  it("counts an error of ours from the health check as contact, and a sign-in page's 200 as no contact", async () => {
    const ours: typeof fetch = async () => json(503, { error: { code: "unavailable", message: "Database is busy" } });
    expect(await syncRun({}, ours).run()).toEqual({
      contact: true,
      unreachable: false,
      retry: false,
      at: NOW,
      waiting: 0,
    });
    const signInPage: typeof fetch = async () =>
      new Response("<html>Log in to the hotel Wi-Fi</html>", { status: 200, headers: { "Content-Type": "text/html" } });
    expect(await syncRun({}, signInPage).run()).toEqual({
      contact: false,
      unreachable: true,
      retry: false,
      at: NOW,
      waiting: 0,
    });
  });

  it("reports contact without an onContact hook (the service worker passes none)", async () => {
    await expect(syncRun().run()).resolves.toMatchObject({ contact: true, retry: false });
    await queueReply();
    await expect(syncRun().run()).resolves.toMatchObject({ contact: true, retry: false, waiting: 0 });
  });
});

describe("a sync run's attachments hook", () => {
  it("is called once when an attachment is still on the phone or part-way uploaded", async () => {
    for (const state of ["on_phone", "uploading"] as const) {
      await resetDb();
      await addAttachment("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e61", state);
      const { told, extras } = recordingExtras();
      await syncRun(extras).run();
      expect(told, state).toEqual(["attachments waiting", `contact at ${NOW.toISOString()}`]);
    }
  });

  it("is not called when every attachment is uploaded or failed", async () => {
    await addAttachment("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e61", "uploaded");
    await addAttachment("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e62", "failed");
    const { told, extras } = recordingExtras();
    await syncRun(extras).run();
    expect(told).toEqual([`contact at ${NOW.toISOString()}`]);
  });

  it("is not called when our server cannot be reached", async () => {
    await addAttachment("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e61", "on_phone");
    server.mode = "down";
    const { told, extras } = recordingExtras();
    await syncRun(extras).run();
    expect(told).toEqual([]);
  });

  it("may be left out (the service worker) while attachments wait: the run still ends cleanly", async () => {
    await addAttachment("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e61", "on_phone");
    expect(await syncRun({}).run()).toEqual({ contact: true, unreachable: false, retry: false, at: NOW, waiting: 0 });
  });
});

describe("a sync run delivering replies relayed through this phone", () => {
  it("delivers them through the run's own client after the outbox", async () => {
    await queueReply();
    await addRelayedReply();
    const outcome = await syncRun().run();
    expect(outcome).toMatchObject({ contact: true, unreachable: false, retry: false, waiting: 0 });
    expect(requests).toEqual(["/api/replies", "/api/relayed-replies"]);
    expect(await db.relayedReplies.get(RELAYED_ID)).toMatchObject({
      state: "delivered",
      receipt: { receiptId: `R-${RELAYED_ID}` },
    });
  });

  it("reports unreachable and a retry when the relay request gets no answer", async () => {
    await addRelayedReply();
    relay = "down";
    const outcome = await syncRun().run();
    expect(outcome).toEqual({ contact: true, unreachable: true, retry: true, at: NOW, waiting: 1 });
    expect(requests).toEqual(["/api/health", "/api/relayed-replies"]);
  });

  it("reports a retry, still reachable, when the server is too busy for the relayed replies", async () => {
    await addRelayedReply();
    relay = "busy";
    const outcome = await syncRun().run();
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: true, at: NOW, waiting: 1 });
  });

  it("does not try them when our server was unreachable, and counts them with the phone's own waiting replies", async () => {
    await queueReply();
    await queueReply("DEMO-FJ2");
    await addRelayedReply();
    server.mode = "down";
    const outcome = await syncRun().run();
    expect(outcome).toMatchObject({ contact: false, unreachable: true, retry: true, waiting: 3 });
    expect(requests).toEqual(["/api/replies"]);
    expect((await db.relayedReplies.get(RELAYED_ID))?.state).toBe("waiting");
  });
});

describe("counting what waits", () => {
  it("adds the phone's waiting replies to the relayed ones still waiting, and nothing sent or refused", async () => {
    const sent = await queueReply();
    const refused = await queueReply("DEMO-FJ2");
    await queueReply("DEMO-WS3");
    await db.outbox.update(sent, { state: "sent" });
    await db.outbox.update(refused, { state: "needs_attention" });
    await addRelayedReply();
    expect(await countWaiting(db)).toBe(2);
    await db.relayedReplies.update(RELAYED_ID, { state: "delivered" });
    expect(await countWaiting(db)).toBe(1);
  });
});

describe("a sync run that fails inside", () => {
  it("reports the error's message and a retry, without contact, and still counts what waits", async () => {
    await queueReply();
    await addAttachment("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e61", "on_phone");
    server.mode = "rate-limited";
    const { told, extras } = recordingExtras();
    const outcome = await syncRun({
      ...extras,
      onAttachmentsWaiting: () => {
        throw new Error("The uploader failed to load");
      },
    }).run();
    expect(outcome).toEqual({
      contact: false,
      unreachable: false,
      retry: true,
      problem: "The uploader failed to load",
      at: NOW,
      waiting: 1,
    });
    expect(told).toEqual([]);
  });

  it("reports a thrown value that is not an Error as text", async () => {
    await addAttachment("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e61", "uploading");
    const run = syncRun({
      onAttachmentsWaiting: () => {
        throw "no uploader";
      },
    });
    expect(await run.run()).toMatchObject({ retry: true, problem: "no uploader" });
  });
});
