// The questionnaire's own text in other languages, as the editor sets it: each kind of text gets and loses its
// translation by language code without touching its English or any id, and the editor's count of texts translated.
import { describe, expect, it } from "vitest";
import { findQuestion, questionnaireDefinition, type QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { followUpV2 } from "../../src/shared/questionnaires";
import {
  translatableTexts,
  translationLanguages,
  translationProgress,
  withTranslation,
  type TextPlace,
} from "../../src/shared/questionnaireLanguages";

/** Every place a translation can go in follow-up v2, with the field it lands in and what holds that field. */
const PLACES: { place: TextPlace; holder: (d: QuestionnaireDefinition) => object | undefined; field: string }[] = [
  { place: { kind: "title" }, holder: (d) => d, field: "titles" },
  { place: { kind: "intro" }, holder: (d) => d, field: "intros" },
  { place: { kind: "sectionTitle", section: "actions" }, holder: (d) => d.sections[1], field: "titles" },
  { place: { kind: "sectionDescription", section: "respondent" }, holder: (d) => d.sections[0], field: "descriptions" },
  { place: { kind: "questionLabel", question: "email" }, holder: (d) => findQuestion(d, "email"), field: "labels" },
  {
    place: { kind: "questionHint", question: "application" },
    holder: (d) => findQuestion(d, "application"),
    field: "helps",
  },
  {
    place: { kind: "optionLabel", question: "followUpActions", option: "none_yet" },
    holder: (d) => {
      const q = findQuestion(d, "followUpActions");
      return q?.type === "multiple_choice" ? q.options.find((o) => o.value === "none_yet") : undefined;
    },
    field: "labels",
  },
];

describe("setting and removing a translation", () => {
  for (const { place, holder, field } of PLACES)
    it(`sets a ${place.kind} in French beside the English, and removing it leaves the definition as it was`, () => {
      const translated = withTranslation(followUpV2, place, "fr", "Texte en français");
      expect(holder(translated)).toEqual({ ...holder(followUpV2), [field]: { fr: "Texte en français" } });
      expect(questionnaireDefinition.safeParse(translated).success).toBe(true);
      // No empty record left behind: v2's canonical JSON, and so its content hash, come back exactly.
      expect(withTranslation(translated, place, "fr", "   ")).toEqual(followUpV2);
    });

  it("keeps the other languages of a text when one is set or removed", () => {
    const place: TextPlace = { kind: "questionLabel", question: "email" };
    const both = withTranslation(withTranslation(followUpV2, place, "pt", "Correio"), place, "fr", "Courriel");
    expect(findQuestion(both, "email")?.labels).toEqual({ pt: "Correio", fr: "Courriel" });
    expect(findQuestion(withTranslation(both, place, "fr", ""), "email")?.labels).toEqual({ pt: "Correio" });
  });

  it("an option's translation never changes its id, its English or the other options", () => {
    const place: TextPlace = { kind: "optionLabel", question: "followUpActions", option: "none_yet" };
    const before = findQuestion(followUpV2, "followUpActions");
    const after = findQuestion(withTranslation(followUpV2, place, "fr", "Aucune pour l’instant"), "followUpActions");
    if (before?.type !== "multiple_choice" || after?.type !== "multiple_choice") throw new Error("not a choice");
    expect(after.options.map((o) => [o.value, o.label])).toEqual(before.options.map((o) => [o.value, o.label]));
    expect(after.options.filter((o) => o.labels).map((o) => o.value)).toEqual(["none_yet"]);
  });

  it("a place that is not in the definition changes nothing", () => {
    expect(withTranslation(followUpV2, { kind: "questionLabel", question: "nobody" }, "fr", "x")).toEqual(followUpV2);
    expect(withTranslation(followUpV2, { kind: "sectionTitle", section: "nowhere" }, "fr", "x")).toEqual(followUpV2);
  });
});

describe("counting the texts translated", () => {
  it("counts every text that has English (title, intro, section titles and descriptions, labels, hints, options)", () => {
    expect(translatableTexts(followUpV2)).toHaveLength(41);
    expect(translationProgress(followUpV2, "fr")).toEqual({ translated: 0, total: 41 });
  });

  it("counts a text as translated in one language only, and stops counting it once removed", () => {
    let definition = followUpV2;
    for (const { place } of PLACES) definition = withTranslation(definition, place, "fr", "Oui");
    definition = withTranslation(definition, { kind: "title" }, "pt", "Sim");
    expect(translationProgress(definition, "fr")).toEqual({ translated: PLACES.length, total: 41 });
    expect(translationProgress(definition, "pt")).toEqual({ translated: 1, total: 41 });
    definition = withTranslation(definition, { kind: "intro" }, "fr", "");
    expect(translationProgress(definition, "fr")).toEqual({ translated: PLACES.length - 1, total: 41 });
  });

  it("a hint or description without English is not a text to translate", () => {
    const withoutHint = structuredClone(followUpV2);
    const application = findQuestion(withoutHint, "application")!;
    delete application.help;
    expect(translationProgress(withoutHint, "fr").total).toBe(40);
  });

  it("lists the languages any text is translated into, sorted", () => {
    const withSome = withTranslation(
      withTranslation(followUpV2, { kind: "questionHint", question: "application" }, "pt", "Dica"),
      { kind: "sectionTitle", section: "actions" },
      "es",
      "Acciones",
    );
    expect(translationLanguages(withSome)).toEqual(["es", "pt"]);
  });
});
