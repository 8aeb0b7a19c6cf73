// A sent reply's problems made on the phone read in the chosen language: the outbox's "too large" (as the sender
// really writes it after a 413), a whole batch's refusal kept on a lone reply, and each reason a reply cannot be
// given to a colleague, English exactly as before.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { RELAY_EXPORT_REFUSALS, shareReplyForDelivery } from "../../src/app/features/survey/relayExport";
import { replyProblemText, relayExportProblemText } from "../../src/app/features/survey/replyProblemText";
import { chooseLanguage } from "../../src/app/i18n/language";
import { t as replyProblemMessages } from "../../src/app/i18n/replyProblemMessages";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { findOrStartDraft, saveAnswer, submitDraft } from "../../src/app/store/drafts";
import { createApiClient } from "../../src/app/sync/apiClient";
import { sendOutbox } from "../../src/app/sync/outboxSender";
import { fakeClock, fakePlatform } from "./support/fakePlatform";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";

const NOW = new Date("2023-06-10T10:00:00Z");

/** The problem the outbox sender stores on a lone reply the server (or a proxy) refuses with `refusal`. */
async function storedProblem(refusal: () => Response) {
  await saveInvitation(invitation({ code: INVITATION_CODE }));
  const draft = await findOrStartDraft(INVITATION_CODE);
  for (const [id, value] of Object.entries(COMPLETING_ANSWERS)) await saveAnswer(draft.id, id, value);
  const submitted = await submitDraft(draft.id, NOW);
  if (!submitted.ok) throw new Error("fixture reply is invalid");
  const fetch: typeof globalThis.fetch = async () => refusal();
  const platform = fakePlatform({ db, fetch, clock: fakeClock(NOW) });
  await sendOutbox(platform, createApiClient({ ...platform, timeoutMs: 1000 }));
  const problem = (await db.outbox.get(submitted.entry.id))?.problem;
  if (!problem) throw new Error("the sender stored no problem");
  return problem;
}

const tooLargeProblem = () => storedProblem(() => new Response("Too large", { status: 413 }));

/** The server's words for a batch it could not read, as replies.ts answers. */
const UNREADABLE_BATCH = {
  code: "invalid_batch",
  message: 'The body must be { "replies": [...] } with 1 to 50 replies.',
};
const unreadableBatchProblem = () => storedProblem(() => Response.json({ error: UNREADABLE_BATCH }, { status: 400 }));

const relayRefusals = Object.entries(RELAY_EXPORT_REFUSALS).map(([reason, message]) => ({
  ok: false as const,
  reason: reason as keyof typeof RELAY_EXPORT_REFUSALS,
  message,
}));

describe("a sent reply's problems", () => {
  beforeEach(async () => {
    await resetDb();
  });
  allowLanguageChoiceInEachTest();

  it("read in English exactly as the outbox sender and the relay file write them", async () => {
    const problem = await tooLargeProblem();
    expect(replyProblemText(problem)).toBe(
      "This reply is too large to send. Save it as a file and send it to the organiser another way.",
    );
    expect(replyProblemText(problem)).toBe(problem.message);
    expect(await shareReplyForDelivery("no-such-reply")).toMatchObject({ ok: false, reason: "not_on_phone" });
    for (const refusal of relayRefusals) expect(relayExportProblemText(refusal)).toBe(refusal.message);
  });

  it("read in French on a French phone, every relay refusal included", async () => {
    const problem = await tooLargeProblem();
    chooseLanguage("fr");
    await replyProblemMessages.load();
    expect(replyProblemText(problem)).toBe(
      "Cette réponse est trop volumineuse pour être envoyée. Enregistrez-la dans un fichier et transmettez-la à l’organisateur autrement.",
    );
    for (const refusal of relayRefusals)
      expect(relayExportProblemText(refusal), refusal.reason).not.toBe(refusal.message);
  });

  it("reads a lone reply's unreadable-batch refusal as the server worded it in English, and in French on a French phone", async () => {
    const problem = await unreadableBatchProblem();
    expect(problem.code).toBe("invalid_batch");
    expect(replyProblemText(problem)).toBe(UNREADABLE_BATCH.message);
    chooseLanguage("fr");
    await replyProblemMessages.load();
    expect(replyProblemText(problem)).toBe(
      "Le serveur n’a pas pu lire cette réponse telle qu’elle a été envoyée. Veuillez contacter l’organisateur.",
    );
    expect(replyProblemText(undefined)).toBeUndefined();
  });
});
