// The outbox: a valid draft moves in as waiting in one step, invalid ones are refused, and the states a reply passes through.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db, type OutboxEntry } from "../../src/app/store/db";
import { followUpV1 } from "../../src/shared/questionnaires";
import { REPLY_BATCH_BYTES } from "../../src/shared/api";
import { findOrStartDraft, reopenForFix, saveAnswer, submitDraft } from "../../src/app/store/drafts";
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
import { APP_VERSION } from "../../src/shared/appVersion";
import { OUTBOX_STATE_MESSAGES } from "../../src/app/features/home/outboxStateMessages";
import { t } from "../../src/app/i18n/coreMessages";
import { reply as replySchema } from "../../src/shared/reply";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

beforeEach(async () => {
  await resetDb();
  await saveInvitation(invitation());
});

async function completeDraft(code = INVITATION_CODE) {
  const draft = await findOrStartDraft(code);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  return draft;
}

async function queued(code = INVITATION_CODE, at = new Date("2023-06-10T10:00:00Z")): Promise<OutboxEntry> {
  if (code !== INVITATION_CODE) await saveInvitation(invitation({ code }));
  const draft = await completeDraft(code);
  const result = await submitDraft(draft.id, at);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.entry;
}

const problem = {
  code: "invalid_reply",
  message: "Some answers need fixing.",
  details: [{ path: "answers.email", code: "invalid_email", message: "Not an e-mail address" }],
};

describe("submitting a draft", () => {
  it("moves the draft into the outbox as waiting, in one step", async () => {
    const draft = await completeDraft();
    await saveAnswer(draft.id, "directEffectsDescription", "typed before changing to no");
    const result = await submitDraft(draft.id, new Date("2023-06-10T10:00:00Z"));
    expect(result.ok).toBe(true);
    expect(await db.drafts.get(draft.id)).toBeUndefined();
    const entry = await db.outbox.get(draft.id);
    expect(entry).toMatchObject({ state: "waiting", attempts: 0, queuedAt: "2023-06-10T10:00:00.000Z" });
    expect(entry?.reply).toMatchObject({
      id: draft.id,
      submittedAt: "2023-06-10T10:00:00.000Z",
      appVersion: APP_VERSION,
      questionnaireVersion: 1,
    });
    expect(entry?.reply.answers).not.toHaveProperty("directEffectsDescription");
    expect(replySchema.safeParse(entry?.reply).success).toBe(true);
  });

  it("an invalid draft is refused with issues and nothing changes", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    await saveAnswer(draft.id, "email", "not-an-address");
    const before = await db.drafts.get(draft.id);
    const result = await submitDraft(draft.id);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => `${i.question}:${i.code}`)).toEqual(
        expect.arrayContaining(["email:invalid_email", "application:required"]),
      );
    expect(await db.drafts.get(draft.id)).toEqual(before);
    expect(await db.outbox.count()).toBe(0);
  });

  it("an administration that is not on the stored list is refused", async () => {
    const draft = await completeDraft();
    await saveAnswer(draft.id, "administration", "XX");
    const result = await submitDraft(draft.id);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([expect.objectContaining({ question: "administration", code: "invalid_choice" })]);
  });
});

describe("outbox states", () => {
  it("has plain-English labels for every state", () => {
    const labels = Object.fromEntries(Object.entries(OUTBOX_STATE_MESSAGES).map(([state, key]) => [state, t(key)]));
    expect(labels).toEqual({
      waiting: "Waiting for connection",
      sending: "Sending…",
      sent: "Sent",
      needs_attention: "Needs your attention",
    });
  });

  it("takeBatch hands out waiting replies oldest first and marks them sending", async () => {
    const later = await queued(INVITATION_CODE, new Date("2023-06-10T11:00:00Z"));
    const earlier = await queued("DEMO-FJ2", new Date("2023-06-10T09:00:00Z"));
    const batch = await takeBatch(100, REPLY_BATCH_BYTES, new Date("2023-06-10T12:00:00Z"));
    expect(batch.map((e) => e.id)).toEqual([earlier.id, later.id]);
    const stored = await db.outbox.get(earlier.id);
    expect(stored).toMatchObject({ state: "sending", attempts: 1, lastAttemptAt: "2023-06-10T12:00:00.000Z" });
    expect(await takeBatch()).toEqual([]);
  });

  it("takeBatch respects the count and byte limits but always sends at least one", async () => {
    await queued(INVITATION_CODE, new Date("2023-06-10T09:00:00Z"));
    await queued("DEMO-FJ2", new Date("2023-06-10T10:00:00Z"));
    expect(await takeBatch(1)).toHaveLength(1);
    await markWaiting((await db.outbox.toArray()).map((e) => e.id));
    expect(await takeBatch(100, 10)).toHaveLength(1);
  });

  it("replies left sending by a closed app go back to waiting", async () => {
    const entry = await queued();
    await takeBatch();
    expect(await recoverInterruptedSends()).toBe(1);
    expect((await db.outbox.get(entry.id))?.state).toBe("waiting");
  });

  it("a sent reply is kept with its receipt", async () => {
    const entry = await queued();
    await takeBatch();
    const receipt = { receiptId: "r-1", receivedAt: "2023-06-10T12:00:01Z" };
    await markSent(entry.id, receipt);
    expect(await db.outbox.get(entry.id)).toMatchObject({ state: "sent", receipt });
    expect(await countWaiting()).toBe(0);
  });

  it("markWaiting never undoes a receipt", async () => {
    const entry = await queued();
    await takeBatch();
    await markSent(entry.id, { receiptId: "r-1", receivedAt: "2023-06-10T12:00:01Z" });
    await markWaiting([entry.id]);
    await markNeedsAttention(entry.id, problem);
    expect((await db.outbox.get(entry.id))?.state).toBe("sent");
  });

  it("counts waiting and in-flight replies as waiting", async () => {
    await queued();
    await queued("DEMO-FJ2");
    await takeBatch(1);
    expect(await countWaiting()).toBe(2);
  });

  it("only a reply that needs attention can be discarded", async () => {
    const entry = await queued();
    await expect(discardReply(entry.id)).rejects.toThrow(/needs attention/);
    expect(await db.outbox.get(entry.id)).toBeDefined();
    await markNeedsAttention(entry.id, problem);
    await discardReply(entry.id);
    expect(await db.outbox.get(entry.id)).toBeUndefined();
  });

  it("exports a reply as a readable file with its state and problem", async () => {
    const entry = await queued();
    await markNeedsAttention(entry.id, problem);
    const file = await exportReplyFile(entry.id);
    expect(file.filename).toMatch(/^outrigger-reply-DEMO-TO1-2023-06-10-[0-9a-f]{8}\.json$/);
    const parsed = JSON.parse(file.json) as { reply: { id: string }; state: string; problem: unknown };
    expect(parsed).toMatchObject({ reply: { id: entry.id }, state: "needs_attention", problem });
    expect(file.json).toContain("\n  ");
  });

  it("reopening a refused reply brings back the same draft with the server's issues, and empties the outbox entry", async () => {
    const entry = await queued();
    await expect(reopenForFix(entry.id)).rejects.toThrow();
    await markNeedsAttention(entry.id, problem);
    await reopenForFix(entry.id, new Date("2023-06-11T08:00:00Z"));
    expect(await db.outbox.get(entry.id)).toBeUndefined();
    const draft = await db.drafts.get(entry.id);
    expect(draft).toMatchObject({
      id: entry.id,
      answers: entry.reply.answers,
      startedAt: entry.reply.startedAt,
      sectionIndex: 0,
      serverIssues: problem,
    });
    expect((await findOrStartDraft(INVITATION_CODE)).id).toBe(entry.id);
  });

  it("reopening opens the section of the first answer the server refused, not the first section", async () => {
    const entry = await queued();
    const applicationProblem = {
      code: "invalid_answers",
      message: "Some answers need fixing.",
      details: [{ path: "answers.application", code: "too_long", message: "Too long" }],
    };
    await markNeedsAttention(entry.id, applicationProblem);
    await reopenForFix(entry.id);
    const sections = followUpV1.sections.map((s) => s.id);
    expect((await db.drafts.get(entry.id))?.sectionIndex).toBe(sections.indexOf("application"));
    expect(sections.indexOf("application")).toBeGreaterThan(0);
  });
});
