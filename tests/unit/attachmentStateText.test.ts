// An attachment's line, the picker's refusals and the in-house log's summary speak the participant's language: English by
// default, French on a French phone.
import { describe, expect, it } from "vitest";
import { attachmentRefusalText, attachmentStateText } from "../../src/app/features/survey/attachmentStateText";
import { ATTACHMENT_REFUSAL_CODES } from "../../src/shared/attachmentRefusalCodes";
import { chooseLanguage } from "../../src/app/i18n/language";
import { t as replyMessages } from "../../src/app/i18n/replyMessages";
import { t as trainerMessages } from "../../src/app/i18n/trainerMessages";
import { summariseSessions } from "../../src/app/features/survey/inhouseSummary";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";

const uploading = { name: "report.pdf", state: "uploading", size: 2000, bytesUploaded: 500 } as const;
const refused = { name: "invoice.pdf", state: "failed", size: 10, bytesUploaded: 0, problem: "not a PDF" } as const;
const SERVER_SENTENCE = "The server's own sentence.";

describe("an attachment's line", () => {
  allowLanguageChoiceInEachTest();

  it("says in English how far the upload is, that it arrived, or why it was refused", () => {
    expect(attachmentStateText(uploading)).toBe("uploading 25%");
    expect(attachmentStateText({ ...uploading, state: "uploaded" })).toBe("received by the organiser");
    expect(attachmentStateText({ ...uploading, state: "on_phone" })).toBe(
      "on this phone — uploaded after the reply is sent",
    );
    expect(attachmentStateText(refused)).toBe("refused by the server: not a PDF");
  });

  it("says it in French on a phone in French", async () => {
    chooseLanguage("fr");
    await replyMessages.load();
    expect(attachmentStateText(uploading)).toBe("envoi en cours, 25 %");
    expect(attachmentStateText({ ...uploading, state: "uploaded" })).toBe("reçu par l’organisateur");
    expect(attachmentStateText(refused)).toBe("refusé par le serveur : not a PDF");
  });

  it("words every code the server refuses an uploaded file with in French, and keeps the sentence of an unknown one", async () => {
    const refusedWith = (problemCode: string) => ({ ...refused, problem: SERVER_SENTENCE, problemCode });
    expect(attachmentStateText(refusedWith("attachment_content_mismatch"))).toBe(
      `refused by the server: ${SERVER_SENTENCE}`,
    );
    chooseLanguage("fr");
    await replyMessages.load();
    for (const code of ATTACHMENT_REFUSAL_CODES) {
      const worded = attachmentStateText(refusedWith(code));
      expect(worded, code).toMatch(/^refusé par le serveur : \S/);
      expect(worded, code).not.toContain(SERVER_SENTENCE);
    }
    expect(attachmentStateText(refusedWith("attachment_content_mismatch"))).toMatch(
      /^refusé par le serveur : « invoice\.pdf » n’est pas vraiment/,
    );
    expect(attachmentStateText(refusedWith("from_a_newer_server"))).toBe(`refusé par le serveur : ${SERVER_SENTENCE}`);
  });

  it("words the picker's refusals (wrong type, too big, too many, not what it says) in French on a phone in French", async () => {
    chooseLanguage("fr");
    await replyMessages.load();
    expect(attachmentRefusalText({ kind: "type", name: "page.html" })).toMatch(
      /^« page\.html » ne peut pas être joint/,
    );
    expect(attachmentRefusalText({ kind: "size", name: "film.pdf", megabytes: 31.46, limitMegabytes: 20 })).toBe(
      "« film.pdf » fait 31,5 Mo ; les fichiers jusqu’à 20 Mo peuvent être joints.",
    );
    expect(attachmentRefusalText({ kind: "count", max: 5 })).toBe("Une réponse peut avoir au plus 5 pièces jointes.");
    expect(attachmentRefusalText({ kind: "content", name: "invoice.pdf" })).toMatch(
      /^« invoice\.pdf » n’est pas vraiment/,
    );
  });

  it("words the picker's refusals in English by default", () => {
    expect(attachmentRefusalText({ kind: "size", name: "film.pdf", megabytes: 31.46, limitMegabytes: 20 })).toBe(
      "“film.pdf” is 31.5 MB; files up to 20 MB can be attached.",
    );
  });
});

describe("the in-house log's summary for the answers", () => {
  const sessions = [
    {
      id: "s1",
      date: "2026-11-02",
      topic: "Valuation",
      attendees: 1,
      materialIds: [],
      createdAt: "2026-11-02T08:00:00Z",
    },
    { id: "s2", date: "2026-11-20", topic: "RKC", attendees: 12, materialIds: [], createdAt: "2026-11-20T08:00:00Z" },
  ];
  allowLanguageChoiceInEachTest();

  it("is written in English on an English phone, one attendee and several counted right", () => {
    expect(summariseSessions(sessions)).toMatch(
      /^Ran 2 in-house sessions for 13 colleagues — .*2026: Valuation \(1 attendee\); .*2026: RKC \(12 attendees\)\.$/,
    );
  });

  it("is written in French on a phone in French, dates included", async () => {
    chooseLanguage("fr");
    await trainerMessages.load();
    expect(summariseSessions(sessions.slice(1))).toBe(
      "Animé une session interne pour 12 collègues — 20 nov. 2026 : RKC (12 participants).",
    );
  });
});
