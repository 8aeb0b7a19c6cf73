// The server's refusal of a reply read on the phone: every code of the shared list has a sentence in each language,
// and a French phone says a refused reply's reason, and which question and why, in French.
import { describe, expect, it } from "vitest";
import { answerProblemLines, replyProblemText } from "../../src/app/features/survey/replyProblemText";
import { t as coreMessages } from "../../src/app/i18n/coreMessages";
import { chooseLanguage } from "../../src/app/i18n/language";
import { LANGUAGES, type Language } from "../../src/app/i18n/languages";
import { t as replyProblemMessages } from "../../src/app/i18n/replyProblemMessages";
import { checkReply, type ReplyContext } from "../../src/server/http/replyChecks";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { followUpV1 } from "../../src/shared/questionnaires";
import { reply as replySchema } from "../../src/shared/reply";
import { REPLY_REFUSAL_CODES } from "../../src/shared/replyRefusalCodes";
import { COMPLETING_ANSWERS, invitation, INVITATION_CODE } from "./support/fixtures";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";

const SERVER_SENTENCE = "The server's own sentence.";
const NOW = new Date("2023-06-10T10:00:00Z");

async function inLanguage(language: Language): Promise<void> {
  chooseLanguage(language);
  await Promise.all([replyProblemMessages.load(), coreMessages.load()]);
}

/** The follow-up questionnaire with its e-mail question labelled in French, as an XLSForm's label::French would. */
function withFrenchEmailLabel(): QuestionnaireDefinition {
  const definition = structuredClone(followUpV1);
  for (const section of definition.sections)
    for (const question of section.questions)
      if (question.id === "email") question.labels = { fr: "Adresse électronique" };
  return definition;
}

/** What the server's own checks answer for a reply with these answers, to a campaign in this state. */
async function refusalOf(answers: Record<string, unknown>, campaignStatus: "open" | "closed" = "open") {
  const { campaign, prefill } = invitation();
  const reply = replySchema.parse({
    id: "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e51",
    campaignId: campaign.id,
    invitationCode: INVITATION_CODE,
    questionnaireId: followUpV1.id,
    questionnaireVersion: followUpV1.version,
    answers,
    startedAt: "2023-06-10T08:00:00.000Z",
    submittedAt: "2023-06-10T08:20:00.000Z",
    appVersion: "0.1.0",
  });
  const context: ReplyContext = {
    campaign: { ...campaign, status: campaignStatus },
    invitation: { code: INVITATION_CODE, campaignId: campaign.id, prefill },
    questionnaire: () => Promise.resolve(withFrenchEmailLabel()),
    administrationCodes: () => Promise.resolve(["TO", "FJ"]),
    now: NOW,
  };
  const result = await checkReply(reply, context);
  if (result?.outcome !== "rejected") throw new Error("the server took the fixture reply");
  return { error: result.error, answers: reply.answers };
}

const completeAnswers = {
  ...COMPLETING_ANSWERS,
  name: "Sione Tupou",
  administration: "TO",
  email: "sione@customs.gov.to",
};

describe("the server's refusal of a reply, on the phone", () => {
  allowLanguageChoiceInEachTest();

  it("has a sentence of its own for every refusal code in every language but English", async () => {
    for (const language of Object.keys(LANGUAGES) as Language[]) {
      if (language === "en") continue;
      await inLanguage(language);
      // A whole batch's refusal, which the outbox sender keeps on a lone reply, is worded too.
      for (const code of [...REPLY_REFUSAL_CODES, "invalid_batch", "malformed_json"]) {
        const worded = replyProblemText({ code, message: SERVER_SENTENCE });
        expect(worded, `${language} ${code}`).not.toBe(SERVER_SENTENCE);
        expect(worded?.trim(), `${language} ${code}`).not.toBe("");
      }
    }
  });

  it("keeps the server's English sentence on an English phone, and for a code the phone does not know", async () => {
    const closed = await refusalOf(completeAnswers, "closed");
    expect(replyProblemText(closed.error)).toBe(closed.error.message);
    await inLanguage("fr");
    const newer = { code: "refusal_from_a_newer_server", message: SERVER_SENTENCE };
    expect(replyProblemText(newer)).toBe(SERVER_SENTENCE);
  });

  it("reads a closed questionnaire's refusal in French on a French phone", async () => {
    const closed = await refusalOf(completeAnswers, "closed");
    await inLanguage("fr");
    expect(replyProblemText(closed.error)).toBe(
      "Ce questionnaire est clos, ou sa date limite est passée ; il ne prend plus de réponses.",
    );
  });

  it("says in French which answer the server refused and why", async () => {
    const refused = await refusalOf({ ...completeAnswers, email: "not an address" });
    expect(refused.error.code).toBe("invalid_answers");
    await inLanguage("fr");
    expect(replyProblemText(refused.error)).toBe(
      "Certaines réponses sont à revoir avant que cette réponse puisse être acceptée.",
    );
    expect(answerProblemLines(refused.error, withFrenchEmailLabel(), refused.answers, [])).toEqual([
      "Adresse électronique : Cela ne ressemble pas à une adresse électronique (nom@exemple.org).",
    ]);
  });

  it("keeps the server's sentence for an answer problem the phone's own checks do not find", async () => {
    const refused = await refusalOf({ ...completeAnswers, administration: "XX" });
    await inLanguage("fr");
    // The phone's list of administrations is its own (older here): "XX" passes its check.
    const phoneList = [{ code: "XX", name: "Somewhere", subRegion: "pacific-islands" as const }];
    expect(answerProblemLines(refused.error, withFrenchEmailLabel(), refused.answers, phoneList)).toEqual([
      `Your customs administration : ${refused.error.details?.[0]?.message}`,
    ]);
  });
});
