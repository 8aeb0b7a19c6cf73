// Submitting and reopening drafts at their edges: what the reply schema refuses, what is missing, where a fix reopens.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db, questionnaireKey } from "../../src/app/store/db";
import { findOrStartDraft, reopenForFix, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { markNeedsAttention } from "../../src/app/store/outbox";
import { followUpV1 } from "../../src/shared/questionnaires";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

const NOW = new Date("2023-06-10T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await saveInvitation(invitation());
});

async function completedDraftId(): Promise<string> {
  const draft = await findOrStartDraft(INVITATION_CODE, NOW);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value, NOW);
  return draft.id;
}

async function refusedEntryId(problem: Parameters<typeof markNeedsAttention>[1]): Promise<string> {
  const result = await submitDraft(await completedDraftId(), NOW);
  if (!result.ok) throw new Error("fixture reply is invalid");
  await markNeedsAttention(result.entry.id, problem);
  return result.entry.id;
}

describe("submitting a draft the reply schema refuses", () => {
  it("names the answer by its question when only the schema refuses it (a NUL character in a text answer)", async () => {
    const draftId = await completedDraftId();
    await saveAnswer(draftId, "application", "We changed\u0000 how we profile consignments.", NOW);
    const result = await submitDraft(draftId, NOW);
    expect(result).toEqual({
      ok: false,
      issues: [{ question: "application", code: "wrong_type", message: expect.stringContaining("NUL") }],
    });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.drafts.get(draftId)).toBeDefined();
  });

  it("names a field outside the answers by the field, and keeps the draft", async () => {
    const draftId = await completedDraftId();
    await db.drafts.update(draftId, { startedAt: "yesterday" });
    const result = await submitDraft(draftId, NOW);
    expect(result).toEqual({
      ok: false,
      issues: [{ question: "startedAt", code: "wrong_type", message: expect.any(String) }],
    });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("submitting what is not there", () => {
  it("refuses a draft that does not exist, naming it", async () => {
    await expect(submitDraft("no-such-draft", NOW)).rejects.toThrow("Draft no-such-draft not found");
  });

  it("refuses a draft whose questionnaire is neither stored nor shipped, naming the questionnaire", async () => {
    const draftId = await completedDraftId();
    await db.drafts.update(draftId, { questionnaireVersion: 99 });
    await expect(submitDraft(draftId, NOW)).rejects.toThrow(
      `Questionnaire ${questionnaireKey(followUpV1.id, 99)} is not on this phone`,
    );
    expect(await db.drafts.get(draftId)).toBeDefined();
  });

  it("with no administrations list on the phone, any administration code the questionnaire allows is accepted", async () => {
    const draftId = await completedDraftId();
    await db.administrations.clear();
    const result = await submitDraft(draftId, NOW);
    expect(result.ok).toBe(true);
  });
});

describe("reopening a refused reply", () => {
  it("refuses an outbox entry that does not exist, naming it", async () => {
    await expect(reopenForFix("no-such-entry", NOW)).rejects.toThrow("Outbox entry no-such-entry not found");
  });

  it("refuses a reply that is still waiting, saying which state it is in", async () => {
    const result = await submitDraft(await completedDraftId(), NOW);
    if (!result.ok) throw new Error("fixture reply is invalid");
    await expect(reopenForFix(result.entry.id, NOW)).rejects.toThrow(
      "Only a reply that needs attention can be reopened (this one is waiting)",
    );
    expect((await db.outbox.get(result.entry.id))?.state).toBe("waiting");
  });

  it("opens the section holding the named answer even when that section has other questions", async () => {
    const id = await refusedEntryId({
      code: "invalid_answers",
      message: "Some answers need fixing.",
      details: [{ path: "answers.efficiencyComment", code: "too_long", message: "Too long" }],
    });
    const draft = await reopenForFix(id, NOW);
    const effects = followUpV1.sections.findIndex((s) => s.id === "effects");
    expect(followUpV1.sections[effects].questions.length).toBeGreaterThan(1);
    expect(draft.sectionIndex).toBe(effects);
  });

  it("opens at the first section when the refusal names no answer", async () => {
    const id = await refusedEntryId({ code: "campaign_closed", message: "The campaign is closed." });
    const draft = await reopenForFix(id, NOW);
    expect(draft).toMatchObject({ sectionIndex: 0, serverIssues: { code: "campaign_closed" } });
  });

  it("opens at the first section when the phone no longer holds the questionnaire's copy", async () => {
    const id = await refusedEntryId({ code: "campaign_closed", message: "The campaign is closed." });
    await db.questionnaires.clear();
    const draft = await reopenForFix(id, NOW);
    expect(draft.sectionIndex).toBe(0);
    expect(await db.outbox.get(id)).toBeUndefined();
  });

  it("opens the named answer's section from the shipped questionnaire when the phone stored no copy of it", async () => {
    const id = await refusedEntryId({
      code: "invalid_answers",
      message: "Some answers need fixing.",
      details: [{ path: "answers.efficiencyComment", code: "too_long", message: "Too long" }],
    });
    await db.questionnaires.clear();
    const draft = await reopenForFix(id, NOW);
    expect(draft.sectionIndex).toBe(followUpV1.sections.findIndex((s) => s.id === "effects"));
  });
});
