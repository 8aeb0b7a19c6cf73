// A participant's own copy of a reply reads as the questionnaire they answered, with its receipt once sent.
import { afterEach, describe, expect, it } from "vitest";
import { replyCopyText } from "../../src/app/features/survey/replyCopy";
import { chooseLanguage } from "../../src/app/i18n/language";
import { t as coreMessages } from "../../src/app/i18n/coreMessages";
import { t as replyMessages } from "../../src/app/i18n/replyMessages";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import type { OutboxEntry } from "../../src/app/store/db";
import { followUpV1 } from "../../src/shared/questionnaires";
import type { Reply } from "../../src/shared/reply";
import { COMPLETING_ANSWERS } from "./support/fixtures";

const reply = {
  id: "0190f2a4-8a1b-7c3d-9e4f-123456789abc",
  campaignId: "survey-2023-rkc",
  invitationCode: "DEMO-TO1",
  questionnaireId: followUpV1.id,
  questionnaireVersion: followUpV1.version,
  answers: { name: "Sela Taufa", administration: "TO", ...COMPLETING_ANSWERS },
  startedAt: "2023-06-10T08:00:00.000Z",
  submittedAt: "2023-06-10T08:20:00.000Z",
  appVersion: "0.1.0",
} as unknown as Reply;

const entry = (overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: reply.id,
  reply,
  state: "sent",
  queuedAt: reply.submittedAt,
  attempts: 1,
  receipt: { receiptId: "R-7Q2M", receivedAt: "2023-06-10T08:21:00.000Z" },
  ...overrides,
});

const administrations = [{ code: "TO", name: "Tonga", subRegion: "pacific-islands" as const }];

describe("a copy of one's own reply", () => {
  it("holds each answered question with its answer as the reply screen words it, and the receipt", () => {
    const text = replyCopyText({
      entry: entry(),
      definition: followUpV1,
      workshopTitle: "RKC workshop",
      administrations,
    });
    expect(text).toContain("Receipt: R-7Q2M");
    expect(text).toContain("Invitation: DEMO-TO1");
    expect(text).toMatch(
      /FOLLOW-UP ACTIONS\n\n.*\nShared or circulated the training materials.*; Organized an in-house/,
    );
    expect(text).toContain("Tonga");
    expect(text).toContain("We changed how we profile consignments.");
    // A question hidden by the answers (effects described only after "yes") is left out, not shown as "—".
    expect(text).not.toMatch(/Describe the direct effects/i);
  });

  it("says a reply not yet sent is waiting, with no receipt", () => {
    const text = replyCopyText({
      entry: entry({ state: "waiting", receipt: undefined }),
      definition: followUpV1,
      administrations,
    });
    expect(text).toContain("State: Waiting for connection");
    expect(text).not.toContain("Receipt:");
  });

  describe("on a phone in French", () => {
    afterEach(() => {
      chooseLanguage("en");
      Reflect.deleteProperty(globalThis, "localStorage");
      Reflect.deleteProperty(globalThis, "document");
    });

    it("is in French, with the questionnaire's French text where the version has it and English where it has none", async () => {
      Object.assign(globalThis, { localStorage: {}, document: { documentElement: { lang: "", dir: "" } } });
      chooseLanguage("fr");
      await Promise.all([coreMessages.load(), replyMessages.load()]);
      const definition: QuestionnaireDefinition = structuredClone(followUpV1);
      const actions = definition.sections.find((s) => s.id === "actions")!;
      actions.titles = { fr: "Actions de suivi" };
      definition.titles = { fr: "Questionnaire de suivi" };
      actions.questions.find((q) => q.id === "followUpActions")!.labels = {
        fr: "Quelles actions de suivi avez-vous menées ?",
      };
      const text = replyCopyText({ entry: entry(), definition, administrations });
      expect(text.split("\n")[0]).toBe("Questionnaire de suivi");
      expect(text).toContain("Invitation : DEMO-TO1");
      expect(text).toContain("État : Envoyée");
      expect(text).toContain("Accusé de réception : R-7Q2M");
      expect(text).toContain("ACTIONS DE SUIVI\n\nQuelles actions de suivi avez-vous menées ?\n");
      expect(text).not.toContain("After returning home");
      // A question the version did not translate stays in English rather than disappearing.
      expect(text).toContain("How did you apply what you learnt to your work?");
    });
  });
});
