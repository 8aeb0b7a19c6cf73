// What the outbox sender makes of each kind of answer: unreadable batches, proxies' pages, odd id spellings, silence.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import type { ReplyResult } from "../../src/shared/api";
import type { ReplyInput } from "../../src/shared/reply";
import { createApiClient } from "../../src/app/sync/apiClient";
import { sendOutbox } from "../../src/app/sync/outboxSender";
import { fakeClock, fakePlatform } from "./support/fakePlatform";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

const NOW = new Date("2023-06-10T10:00:00Z");

beforeEach(async () => {
  await resetDb();
});

async function queueReply(code = INVITATION_CODE): Promise<string> {
  await saveInvitation(invitation({ code }));
  const draft = await findOrStartDraft(code);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, NOW);
  if (!result.ok) throw new Error("fixture reply is invalid");
  return result.entry.id;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const storedResult = (id: string): ReplyResult => ({
  id,
  outcome: "stored",
  status: 201,
  receipt: { receiptId: `rcpt-${id.slice(-4)}`, receivedAt: "2023-06-10T10:00:01.000Z" },
});

/** Sends the outbox once against `answer`, which sees each POST's replies; returns the outcome and every POST's ids. */
async function sendAgainst(answer: (replies: ReplyInput[]) => Response | Promise<Response>) {
  const posts: string[][] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const { replies } = JSON.parse(String(init?.body)) as { replies: ReplyInput[] };
    posts.push(replies.map((r) => r.id));
    return answer(replies);
  };
  const platform = fakePlatform({ db, fetch, clock: fakeClock(NOW) });
  const outcome = await sendOutbox(platform, createApiClient({ ...platform, timeoutMs: 1000 }));
  return { outcome, posts };
}

describe("the outbox sender", () => {
  it("a batch the server could not read as JSON is sent again one reply per request", async () => {
    const a = await queueReply();
    const b = await queueReply("DEMO-FJ2");
    const { outcome, posts } = await sendAgainst((replies) =>
      replies.length > 1
        ? json(400, { error: { code: "malformed_json", message: "The body is not JSON" } })
        : json(200, { results: replies.map((r) => storedResult(r.id)) }),
    );
    expect(posts).toEqual([[a, b], [a], [b]]);
    expect((await db.outbox.get(a))?.state).toBe("sent");
    expect((await db.outbox.get(b))?.state).toBe("sent");
    expect(outcome).toMatchObject({ contact: true, unreachable: false, retry: false, sentAny: true });
  });

  it("a lone reply in a batch the server calls invalid needs attention with the server's own reason", async () => {
    const id = await queueReply();
    const invalidBatch = { code: "invalid_batch", message: "The batch is not a list of replies" };
    const { outcome, posts } = await sendAgainst(() => json(400, { error: invalidBatch }));
    expect(posts).toEqual([[id]]);
    expect(await db.outbox.get(id)).toMatchObject({ state: "needs_attention", problem: invalidBatch });
    expect(outcome).toMatchObject({ contact: true, retry: false });
  });

  it("a 413 page from a proxy, not our JSON, still makes a lone reply too large, without counting as contact", async () => {
    const id = await queueReply();
    const { outcome } = await sendAgainst(() => new Response("<html>Request Entity Too Large</html>", { status: 413 }));
    expect(await db.outbox.get(id)).toMatchObject({ state: "needs_attention", problem: { code: "payload_too_large" } });
    expect(outcome.contact).toBe(false);
  });

  it("a 400 for another reason is not taken for an unreadable batch: the replies wait for a retry", async () => {
    const a = await queueReply();
    const b = await queueReply("DEMO-FJ2");
    const { outcome, posts } = await sendAgainst(() =>
      json(400, { error: { code: "bad_request", message: "Something else went wrong" } }),
    );
    expect(posts).toEqual([[a, b]]);
    expect((await db.outbox.get(a))?.state).toBe("waiting");
    expect((await db.outbox.get(b))?.state).toBe("waiting");
    expect(outcome).toEqual({
      contact: true,
      unreachable: false,
      retry: true,
      sentAny: true,
      problem: "The server could not take replies just now (Something else went wrong).",
    });
  });

  it("a page that is not our server's (a network sign-in page) counts as unreachable and says what came back", async () => {
    const id = await queueReply();
    const { outcome } = await sendAgainst(
      () => new Response("<html>Sign in to the hotel Wi-Fi</html>", { status: 511 }),
    );
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect(outcome).toEqual({
      contact: false,
      unreachable: true,
      retry: true,
      sentAny: true,
      problem: "An unexpected answer came back (HTTP 511), perhaps from a network sign-in page.",
    });
  });

  it("no answer at all is unreachable with no problem sentence of its own", async () => {
    const id = await queueReply();
    const { outcome } = await sendAgainst(() => Promise.reject(new TypeError("Failed to fetch")));
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect(outcome).toEqual({ contact: false, unreachable: true, retry: true, sentAny: true, problem: undefined });
  });

  it("a server that does not answer in time leaves the reply waiting and says it took too long", async () => {
    const id = await queueReply();
    const clock = fakeClock(NOW);
    // The fetch hangs until the client's own timer aborts it, as a stalled link does.
    const fetch: typeof globalThis.fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        clock.advance(1000);
      });
    const platform = fakePlatform({ db, fetch, clock });
    const outcome = await sendOutbox(platform, createApiClient({ ...platform, timeoutMs: 1000 }));
    expect((await db.outbox.get(id))?.state).toBe("waiting");
    expect(outcome).toEqual({
      contact: false,
      unreachable: true,
      retry: true,
      sentAny: true,
      problem: "The server took too long to answer.",
    });
  });

  it("a lone reply met by our server's 503 waits for a retry instead of needing attention", async () => {
    const id = await queueReply();
    const { outcome, posts } = await sendAgainst(() =>
      json(503, { error: { code: "unavailable", message: "The server is restarting" } }),
    );
    expect(posts).toEqual([[id]]);
    expect(await db.outbox.get(id)).toMatchObject({ state: "waiting" });
    expect(outcome).toMatchObject({ contact: true, unreachable: false, retry: true });
  });

  it("only a 400 marks a batch unreadable: a 500 naming an invalid batch leaves the lone reply waiting", async () => {
    const id = await queueReply();
    const { outcome } = await sendAgainst(() =>
      json(500, { error: { code: "invalid_batch", message: "Something broke while reading" } }),
    );
    expect(await db.outbox.get(id)).toMatchObject({ state: "waiting" });
    expect(outcome).toMatchObject({ contact: true, retry: true });
  });

  it("a 413 with our own JSON error makes a lone reply too large with the app's sentence, not the server's", async () => {
    const id = await queueReply();
    const { outcome } = await sendAgainst(() =>
      json(413, { error: { code: "payload_too_large", message: "Body over 1 MiB" } }),
    );
    expect(await db.outbox.get(id)).toMatchObject({
      state: "needs_attention",
      problem: {
        code: "payload_too_large",
        message: "This reply is too large to send. Save it as a file and send it to the organiser another way.",
      },
    });
    expect(outcome).toMatchObject({ contact: true, retry: false });
  });

  it("results that spell the reply ids in upper case still mark those replies sent", async () => {
    const id = await queueReply();
    const { outcome } = await sendAgainst((replies) =>
      json(200, { results: replies.map((r) => storedResult(r.id.toUpperCase())) }),
    );
    expect(await db.outbox.get(id)).toMatchObject({
      state: "sent",
      receipt: { receiptId: `rcpt-${id.slice(-4).toUpperCase()}` },
    });
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: false, sentAny: true, problem: undefined });
  });

  it("with nothing waiting nothing is posted and nothing is claimed", async () => {
    const { outcome, posts } = await sendAgainst(() => json(500, {}));
    expect(posts).toEqual([]);
    expect(outcome).toEqual({ contact: false, unreachable: false, retry: false, sentAny: false, problem: undefined });
  });
});
