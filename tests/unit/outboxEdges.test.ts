// The outbox at its edges: a batch exactly at the byte limit, unknown ids, and states that must not move.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db, type OutboxEntry } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import {
  countWaiting,
  discardReply,
  exportReplyFile,
  markNeedsAttention,
  markSent,
  markWaiting,
  recoverInterruptedSends,
  takeBatch,
} from "../../src/app/store/outbox";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

beforeEach(async () => {
  await resetDb();
  await saveInvitation(invitation());
});

async function queued(code = INVITATION_CODE, at = new Date("2023-06-10T10:00:00Z")): Promise<OutboxEntry> {
  if (code !== INVITATION_CODE) await saveInvitation(invitation({ code }));
  const draft = await findOrStartDraft(code);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const result = await submitDraft(draft.id, at);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.entry;
}

/** The size the request body will have, as the server measures it. */
const requestBytes = (entries: OutboxEntry[]) =>
  new TextEncoder().encode(JSON.stringify({ replies: entries.map((e) => e.reply) })).byteLength;

const refusal = { code: "invalid_answers", message: "Some answers need fixing." };
const receipt = { receiptId: "r-1", receivedAt: "2023-06-10T12:00:01Z" };

describe("outbox batches measured in request bytes", () => {
  it("a batch whose request body is exactly the byte limit is taken whole, and one byte less leaves the second reply", async () => {
    const first = await queued(INVITATION_CODE, new Date("2023-06-10T09:00:00Z"));
    const second = await queued("DEMO-FJ2", new Date("2023-06-10T10:00:00Z"));
    const exact = requestBytes([first, second]);

    expect((await takeBatch(100, exact)).map((e) => e.id)).toEqual([first.id, second.id]);
    await markWaiting([first.id, second.id]);
    expect((await takeBatch(100, exact - 1)).map((e) => e.id)).toEqual([first.id]);
  });

  it("with three replies every comma between them counts: one byte under the whole body leaves the third", async () => {
    const first = await queued(INVITATION_CODE, new Date("2023-06-10T09:00:00Z"));
    const second = await queued("DEMO-FJ2", new Date("2023-06-10T10:00:00Z"));
    const third = await queued("DEMO-FJ3", new Date("2023-06-10T11:00:00Z"));
    const exact = requestBytes([first, second, third]);

    expect((await takeBatch(100, exact)).map((e) => e.id)).toEqual([first.id, second.id, third.id]);
    await markWaiting([first.id, second.id, third.id]);
    expect((await takeBatch(100, exact - 1)).map((e) => e.id)).toEqual([first.id, second.id]);
  });

  it("replies queued in the same millisecond are handed out in id order", async () => {
    const at = new Date("2023-06-10T10:00:00Z");
    const ids = [(await queued(INVITATION_CODE, at)).id, (await queued("DEMO-FJ2", at)).id].sort();
    expect((await takeBatch()).map((e) => e.id)).toEqual(ids);
  });

  it("the count limit stops at exactly that many replies", async () => {
    await queued(INVITATION_CODE, new Date("2023-06-10T09:00:00Z"));
    await queued("DEMO-FJ2", new Date("2023-06-10T10:00:00Z"));
    await queued("DEMO-FJ3", new Date("2023-06-10T11:00:00Z"));
    expect(await takeBatch(2)).toHaveLength(2);
    expect(await takeBatch(2)).toHaveLength(1);
  });

  it("each take counts one more attempt on the replies it hands out", async () => {
    const entry = await queued();
    await takeBatch();
    await markWaiting([entry.id]);
    await takeBatch(100, undefined, new Date("2023-06-10T13:00:00Z"));
    expect(await db.outbox.get(entry.id)).toMatchObject({ attempts: 2, lastAttemptAt: "2023-06-10T13:00:00.000Z" });
  });

  it("replies already sending, sent or needing attention are never taken again", async () => {
    const sending = await queued(INVITATION_CODE);
    await takeBatch();
    const sent = await queued("DEMO-FJ2");
    await takeBatch();
    await markSent(sent.id, receipt);
    const refused = await queued("DEMO-FJ3");
    await markNeedsAttention(refused.id, refusal);
    expect(await takeBatch()).toEqual([]);
    expect((await db.outbox.get(sending.id))?.state).toBe("sending");
  });
});

describe("outbox state changes", () => {
  it("a receipt clears the problem an earlier refusal left", async () => {
    const entry = await queued();
    await markNeedsAttention(entry.id, refusal);
    await markSent(entry.id, receipt);
    const stored = await db.outbox.get(entry.id);
    expect(stored).toMatchObject({ state: "sent", receipt });
    expect(stored).not.toHaveProperty("problem");
  });

  it("a receipt or refusal for an id not in the outbox changes nothing and adds nothing", async () => {
    await markSent("0190f1c4-0000-7000-8000-000000000000", receipt);
    await markNeedsAttention("0190f1c4-0000-7000-8000-000000000000", refusal);
    expect(await db.outbox.count()).toBe(0);
  });

  it("a refusal is stored with the server's reason", async () => {
    const entry = await queued();
    await markNeedsAttention(entry.id, refusal);
    expect(await db.outbox.get(entry.id)).toMatchObject({ state: "needs_attention", problem: refusal });
  });

  it("going back to waiting touches only replies still sending, and only those named", async () => {
    const refused = await queued(INVITATION_CODE);
    await markNeedsAttention(refused.id, refusal);
    const sendingA = await queued("DEMO-FJ2");
    const sendingB = await queued("DEMO-FJ3");
    await takeBatch();
    await markWaiting([refused.id, sendingA.id]);
    expect((await db.outbox.get(refused.id))?.state).toBe("needs_attention");
    expect((await db.outbox.get(sendingA.id))?.state).toBe("waiting");
    expect((await db.outbox.get(sendingB.id))?.state).toBe("sending");
  });

  it("recovering interrupted sends leaves refused and sent replies alone", async () => {
    const refused = await queued(INVITATION_CODE);
    await markNeedsAttention(refused.id, refusal);
    const sent = await queued("DEMO-FJ2");
    await takeBatch();
    await markSent(sent.id, receipt);
    expect(await recoverInterruptedSends()).toBe(0);
    expect((await db.outbox.get(refused.id))?.state).toBe("needs_attention");
    expect((await db.outbox.get(sent.id))?.state).toBe("sent");
  });

  it("refused and sent replies are not counted as waiting", async () => {
    const refused = await queued(INVITATION_CODE);
    await markNeedsAttention(refused.id, refusal);
    const sent = await queued("DEMO-FJ2");
    await takeBatch();
    await markSent(sent.id, receipt);
    expect(await countWaiting()).toBe(0);
  });

  it("discarding or exporting a reply that is not in the outbox says it was not found", async () => {
    await expect(discardReply("0190f1c4-0000-7000-8000-000000000000")).rejects.toThrow(/not found/);
    await expect(exportReplyFile("0190f1c4-0000-7000-8000-000000000000")).rejects.toThrow(/not found/);
  });

  it("a reply still waiting cannot be discarded, and the message says its state", async () => {
    const entry = await queued();
    await expect(discardReply(entry.id)).rejects.toThrow("(this one is waiting)");
  });

  it("the exported file is named for the invitation, the day submitted and the end of the reply's id", async () => {
    const entry = await queued(INVITATION_CODE, new Date("2023-06-10T23:30:00Z"));
    const file = await exportReplyFile(entry.id);
    expect(file.filename).toBe(`outrigger-reply-${INVITATION_CODE}-2023-06-10-${entry.id.slice(-8)}.json`);
    expect(JSON.parse(file.json)).toMatchObject({
      state: "waiting",
      attempts: 0,
      queuedAt: "2023-06-10T23:30:00.000Z",
    });
  });
});
