// Drafts on the phone: started once with the invitation's prefill, pinned to their questionnaire version, saved as typed.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db, OutriggerDb } from "../../src/app/store/db";
import {
  createDraftWriter,
  findOrStartDraft,
  loadQuestionnaire,
  saveAnswer,
  setSectionIndex,
  submitDraft,
} from "../../src/app/store/drafts";
import { followUpV2 as shippedV2 } from "../../src/shared/questionnaires";
import { uuidV7 } from "../../src/shared/reply";
import { COMPLETING_ANSWERS, followUpV2, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

beforeEach(async () => {
  await resetDb();
  await saveInvitation(invitation());
});

afterEach(() => {
  vi.useRealTimers();
});

/** fake-indexeddb schedules with setImmediate, so only the clock and setTimeout are faked. */
const fakeTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });

describe("a draft's questionnaire", () => {
  it("is the version shipped with the app when the phone holds no copy of it, and none for a version never shipped", async () => {
    await db.questionnaires.clear();
    expect(await loadQuestionnaire("follow-up", 2)).toEqual(shippedV2);
    expect(await loadQuestionnaire("follow-up", 99)).toBeUndefined();
  });
});

describe("starting a draft", () => {
  it("pre-fills answers from the invitation through each question's prefillFrom", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE, new Date("2023-06-02T08:00:00Z"));
    expect(draft.answers).toEqual({
      name: "Sione Tupou",
      administration: "TO",
      position: "Risk management",
      email: "sione@customs.gov.to",
    });
    expect(draft).toMatchObject({
      questionnaireId: "follow-up",
      questionnaireVersion: 1,
      sectionIndex: 0,
      startedAt: "2023-06-02T08:00:00.000Z",
      updatedAt: "2023-06-02T08:00:00.000Z",
      campaignId: "survey-2023-rkc",
    });
    expect(uuidV7.safeParse(draft.id).success).toBe(true);
  });

  it("returns the same draft when asked again instead of starting a second one", async () => {
    const first = await findOrStartDraft(INVITATION_CODE);
    const second = await findOrStartDraft(INVITATION_CODE);
    expect(second.id).toBe(first.id);
    expect(await db.drafts.count()).toBe(1);
  });

  it("stays pinned to its questionnaire version when a v2 arrives later", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    const v2 = invitation({ questionnaire: followUpV2() });
    v2.campaign.questionnaireVersion = 2;
    await saveInvitation(v2);
    const again = await findOrStartDraft(INVITATION_CODE);
    expect(again.id).toBe(draft.id);
    expect(again.questionnaireVersion).toBe(1);
    // Validated against v1: v2's extra required question does not apply to this draft.
    for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
    const submitted = await submitDraft(draft.id);
    expect(submitted.ok && submitted.entry.reply.questionnaireVersion).toBe(1);
  });
});

describe("saving answers", () => {
  it("writes an answer and removes it when set to undefined", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    await saveAnswer(draft.id, "application", "Profiling", new Date("2023-06-02T09:00:00Z"));
    expect((await db.drafts.get(draft.id))?.answers.application).toBe("Profiling");
    expect((await db.drafts.get(draft.id))?.updatedAt).toBe("2023-06-02T09:00:00.000Z");
    await saveAnswer(draft.id, "application", undefined);
    expect((await db.drafts.get(draft.id))?.answers).not.toHaveProperty("application");
  });

  it("editing an answer clears the server's issue for that question only", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    await db.drafts.update(draft.id, {
      serverIssues: {
        code: "invalid_reply",
        message: "Some answers need fixing.",
        details: [
          { path: "answers.email", code: "invalid_email", message: "Not an e-mail" },
          { path: "answers.name", code: "too_long", message: "Too long" },
        ],
      },
    });
    await saveAnswer(draft.id, "email", "sione@customs.gov.to");
    expect((await db.drafts.get(draft.id))?.serverIssues?.details?.map((d) => d.path)).toEqual(["answers.name"]);
    await saveAnswer(draft.id, "name", "Sione");
    expect((await db.drafts.get(draft.id))?.serverIssues).toBeUndefined();
  });

  it("remembers the section the participant is on", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    await setSectionIndex(draft.id, 3);
    expect((await db.drafts.get(draft.id))?.sectionIndex).toBe(3);
  });
  it("saving an answer to a draft that is not on the phone fails and names the draft", async () => {
    await expect(saveAnswer("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e00", "application", "x")).rejects.toThrow(
      "Draft 01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e00 not found",
    );
  });
});

describe("the debounced draft writer", () => {
  it("lands typed answers within 300 ms, coalesced into one write", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    fakeTimers();
    const writes = vi.spyOn(db.drafts, "put");
    const writer = createDraftWriter(draft.id);
    writer.set("application", "P");
    writer.set("application", "Pro");
    writer.set("otherComments", "Thanks");
    await vi.advanceTimersByTimeAsync(100);
    expect((await db.drafts.get(draft.id))?.answers.application).toBeUndefined();
    await vi.advanceTimersByTimeAsync(200);
    await writer.flush();
    const stored = await db.drafts.get(draft.id);
    expect(stored?.answers).toMatchObject({ application: "Pro", otherComments: "Thanks" });
    expect(writes).toHaveBeenCalledTimes(1);
    writes.mockRestore();
  });

  it("steady typing still lands within 300 ms of the first keystroke", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    fakeTimers();
    const writer = createDraftWriter(draft.id);
    for (let i = 1; i <= 6; i++) {
      writer.set("application", "x".repeat(i));
      await vi.advanceTimersByTimeAsync(50);
    }
    // 300 ms after the first keystroke, with a keystroke every 50 ms: a pure debounce would not have written yet.
    let stored: string | undefined;
    for (let i = 0; i < 50 && stored === undefined; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      const value = (await db.drafts.get(draft.id))?.answers.application;
      stored = typeof value === "string" ? value : undefined;
    }
    expect(stored?.length).toBeGreaterThanOrEqual(5);
    await writer.dispose();
  });

  it("flush writes pending answers at once, without waiting for the timer", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    fakeTimers();
    const writer = createDraftWriter(draft.id, { delayMs: 250 });
    writer.set("application", "Saved on pagehide");
    await writer.flush();
    expect((await db.drafts.get(draft.id))?.answers.application).toBe("Saved on pagehide");
  });

  it("a flushed draft survives a reload (a new database connection on the same name)", async () => {
    const draft = await findOrStartDraft(INVITATION_CODE);
    const writer = createDraftWriter(draft.id);
    writer.set("application", "Still here");
    await writer.dispose();
    db.close();
    const reopened = new OutriggerDb(db.name);
    const stored = await reopened.drafts.get(draft.id);
    reopened.close();
    await db.open();
    expect(stored?.answers.application).toBe("Still here");
    expect(stored?.answers.name).toBe("Sione Tupou");
  });
});
