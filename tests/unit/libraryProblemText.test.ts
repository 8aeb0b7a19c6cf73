// The library's refusals from the sync layer (no room, the list of materials not fetched) read in the chosen language:
// English exactly as the layer writes it, French on a French phone, for every reason the layer gives.
import { describe, expect, it } from "vitest";
import { libraryProblemText, type LibraryProblem } from "../../src/app/features/library/libraryProblemText";
import { t as coreMessages } from "../../src/app/i18n/coreMessages";
import { chooseLanguage } from "../../src/app/i18n/language";
import { t as libraryMessages } from "../../src/app/i18n/libraryMessages";
import { MANIFEST_MESSAGES } from "../../src/app/sync/materialsManifest";
import { refusalIfTooBig } from "../../src/app/sync/storageBudget";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";

const MB = 1024 * 1024;
const noRoom = refusalIfTooBig(48 * MB, { quota: 100 * MB, usage: 88 * MB })!;
/** Every refusal the layer can give: the storage budget's, and one per reason the manifest refresh has a message for. */
const everyProblem: LibraryProblem[] = [
  noRoom,
  ...Object.entries(MANIFEST_MESSAGES).map(([reason, message]) => ({ ok: false, reason, message }) as LibraryProblem),
];

describe("the library's refusals", () => {
  allowLanguageChoiceInEachTest();

  it("read in English exactly as the sync layer writes them", () => {
    expect(libraryProblemText(noRoom)).toBe(
      "This needs 48 MB but the phone has 12 MB free. Remove other materials or free some space.",
    );
    for (const problem of everyProblem) expect(libraryProblemText(problem)).toBe(problem.message);
  });

  it("read in French on a French phone, sizes written the French way", async () => {
    chooseLanguage("fr");
    await Promise.all([libraryMessages.load(), coreMessages.load()]);
    expect(libraryProblemText(noRoom)).toBe(
      "Il faut 48 Mo, mais le téléphone n’a que 12 Mo de libre. Retirez d’autres supports ou libérez de la place.",
    );
    for (const problem of everyProblem) {
      const french = libraryProblemText(problem);
      expect(french, problem.reason).not.toBe(problem.message);
      expect(french, problem.reason).not.toMatch(/\{\w+\}/);
    }
  });

  it("shows the layer's own sentence for a reason it does not know", async () => {
    chooseLanguage("fr");
    await libraryMessages.load();
    const unknown = { ok: false, reason: "quota_changed", message: "Something new." } as unknown as LibraryProblem;
    expect(libraryProblemText(unknown)).toBe("Something new.");
  });
});
