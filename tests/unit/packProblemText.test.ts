// A refused pack, or one that could not be made, reads in the chosen language: every refusal readPack can give and every
// problem writePack can give has an English sentence identical to the pack code's own and a French one, its values kept.
import { describe, expect, it } from "vitest";
import { packProblemText } from "../../src/app/features/trainer/packProblemText";
import { chooseLanguage } from "../../src/app/i18n/language";
import { t as trainerMessages } from "../../src/app/i18n/trainerMessages";
import { PACK_EXPORT_PROBLEMS, PACK_REFUSALS, PackError, PackExportError } from "../../src/shared/packs";
import { refuse } from "../../src/shared/packs/errors";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";

const codes = Object.keys(PACK_REFUSALS) as (keyof typeof PACK_REFUSALS)[];
const exportProblems = (Object.keys(PACK_EXPORT_PROBLEMS) as (keyof typeof PACK_EXPORT_PROBLEMS)[]).map(
  (problem) =>
    new PackExportError("bad_input", problem, { title: "Slides", detail: "12 bytes instead of 10", max: 500 }),
);
const unworded = new PackError("too_large", "Some other sentence.");

describe("a refused pack's sentence", () => {
  allowLanguageChoiceInEachTest();

  it("reads in English exactly as the pack reader wrote it, with or without a detail", () => {
    for (const code of codes) {
      expect(packProblemText(refuse(code), "fallback")).toBe(PACK_REFUSALS[code]);
      expect(packProblemText(refuse(code, "the file ended early"), "fallback")).toBe(
        `${PACK_REFUSALS[code]} (the file ended early)`,
      );
    }
  });

  it("reads in French on a French phone for every refusal, the detail kept as written", async () => {
    chooseLanguage("fr");
    await trainerMessages.load();
    expect(packProblemText(refuse("encrypted", "a.pdf"), "")).toBe(
      "Ce paquet est protégé par un mot de passe, rien n’a donc été importé. Les paquets Outrigger ne sont jamais chiffrés. (a.pdf)",
    );
    for (const code of codes) {
      const french = packProblemText(refuse(code, "x"), "");
      expect(french, code).not.toBe(`${PACK_REFUSALS[code]} (x)`);
      expect(french, code).toMatch(/ \(x\)$/);
    }
  });

  it("words every problem making a pack in English as writePack writes it, and in French with its values", async () => {
    for (const error of exportProblems) expect(packProblemText(error, "")).toBe(error.message);
    expect(
      packProblemText(
        exportProblems.find((e) => e.problem === "chosen_twice"),
        "",
      ),
    ).toBe("“Slides” was chosen twice.");
    chooseLanguage("fr");
    await trainerMessages.load();
    expect(
      packProblemText(
        exportProblems.find((e) => e.problem === "chosen_twice"),
        "",
      ),
    ).toBe("« Slides » a été choisi deux fois.");
    for (const error of exportProblems) {
      const french = packProblemText(error, "");
      expect(french, error.problem).not.toBe(error.message);
      expect(french, error.problem).not.toMatch(/\{\w+\}/);
    }
  });

  it("keeps another pack error's own sentence, any other error's message, and the fallback when there is no message", async () => {
    chooseLanguage("fr");
    await trainerMessages.load();
    expect(packProblemText(unworded, "")).toBe(unworded.message);
    expect(packProblemText(new Error("Disk is full."), "")).toBe("Disk is full.");
    expect(packProblemText("not an error", "Le paquet n’a pas pu être créé.")).toBe("Le paquet n’a pas pu être créé.");
  });
});
