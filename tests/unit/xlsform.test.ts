// XLSForm ↔ questionnaire definition: v1 and v2 survive a round trip, and every supported construct reads as meant.
import { describe, expect, it } from "vitest";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import { definitionToXlsform } from "../../src/server/questionnaires/definitionToXlsform";
import { xlsformToDefinition } from "../../src/server/questionnaires/xlsformToDefinition";
import { readXlsformWorkbook, writeXlsformWorkbook } from "../../src/server/questionnaires/xlsformWorkbook";
import { form, SURVEY_COLUMNS } from "./support/xlsformRows";

const pick = (cells: Record<string, string>, columns: string[]) =>
  Object.fromEntries(Object.entries(cells).filter(([c]) => columns.includes(c)));

const ADMINS = [
  { code: "FJ", name: "Fiji" },
  { code: "TO", name: "Tonga" },
];

describe("XLSForm round trip", () => {
  // What XLSForm does not carry back, and why it does not matter here:
  // - `version`: written to settings, but an import always becomes the next draft, numbered by the server
  //   (so these round trips import under the version they exported);
  // - a yesLabel/noLabel spelled exactly as the defaults "Yes"/"No" comes back absent: it shows the same;
  // - the administrations list's rows: they are directory data, exported for KoboToolbox, not part of the definition.
  // Neither v1 nor v2 uses the last two, so they come back deep-equal.
  it.each([
    ["v1", followUpV1],
    ["v2", followUpV2],
  ])("exports %s and imports it back as the same definition, through an .xlsx file", async (_name, definition) => {
    const bytes = await writeXlsformWorkbook(definitionToXlsform(definition, ADMINS));
    const read = xlsformToDefinition(await readXlsformWorkbook(bytes), definition.id, definition.version);
    expect(read.issues).toEqual([]);
    expect(read.definition).toEqual(definition);
  });

  it("writes what KoboToolbox needs: settings with form_title, form_id and version, and the administrations as a choices list", () => {
    const sheets = definitionToXlsform(followUpV2, ADMINS);
    expect(sheets.settings.rows[0].cells).toEqual({ form_title: followUpV2.title, form_id: "follow-up", version: "2" });
    expect(sheets.choices.rows.filter((r) => r.cells.list_name === "administrations").map((r) => r.cells.name)).toEqual(
      ["FJ", "TO"],
    );
    const directEffects = sheets.survey.rows.find((r) => r.cells.name === "directEffectsDescription")!;
    expect(directEffects.cells).toMatchObject({
      type: "text",
      appearance: "multiline",
      required: "yes",
      relevant: "${directEffects} = 'yes'",
    });
  });

  it("keeps every language of a translated definition, naming each column as ODK expects", () => {
    const translated: QuestionnaireDefinition = {
      id: "needs",
      version: 1,
      title: "Needs",
      titles: { fr: "Besoins de formation" },
      sections: [
        {
          id: "s",
          title: "Needs",
          titles: { fr: "Besoins" },
          questions: [
            {
              id: "topic",
              type: "short_text",
              label: "Topic",
              labels: { fr: "Sujet" },
              helps: { fr: "Un seul" },
              help: "Only one",
              required: true,
            },
          ],
        },
      ],
    };
    const sheets = definitionToXlsform(translated);
    expect(sheets.survey.columns).toEqual(
      expect.arrayContaining(["label::English (en)", "label::French (fr)", "hint::French (fr)"]),
    );
    expect(sheets.settings.rows[0].cells).toMatchObject({
      form_title: "Needs",
      "form_title::French (fr)": "Besoins de formation",
    });
    expect(xlsformToDefinition(sheets, "needs", 1).definition).toEqual(translated);
  });

  it("carries a French title through an .xlsx file and back, and nothing else changes", async () => {
    const titled: QuestionnaireDefinition = { ...followUpV2, titles: { fr: "Questionnaire de suivi" } };
    const bytes = await writeXlsformWorkbook(definitionToXlsform(titled, ADMINS));
    const read = xlsformToDefinition(await readXlsformWorkbook(bytes), titled.id, titled.version);
    expect(read.issues).toEqual([]);
    expect(read.definition).toEqual(titled);
  });
});

describe("XLSForm import", () => {
  it("reads every supported construct into the definition", () => {
    const sheets = form(
      [
        ["note", "intro", "Tell us what changed.", "", "", "", "", "", "Dites-nous ce qui a changé."],
        ["begin group", "about", "About the work", "Six months on", "", "", "", "", "Le travail"],
        ["text", "unit", "Your unit", "", "yes", "", "string-length(.) <= 120", "", "Votre unité"],
        ["text", "story", "What happened?", "", "no", "", "", "multiline"],
        ["integer", "colleagues", "Colleagues trained", "", "true()", "", ". >= 0 and . <= 500"],
        ["decimal", "hours", "Hours saved per week", "", "", "", ". >= 0"],
        ["date", "since", "Since when?"],
        ["select_multiple actions or_other", "actions", "What did you do?", "", "yes"],
        ["select_one yn", "effects", "Any effects?", "", "yes", "not(selected(${actions}, 'nothing'))"],
        [
          "note",
          "thanks",
          "Thank you",
          "",
          "",
          "${effects} = 'yes' and (selected(${actions}, 'shared') or ${unit} != 'HQ')",
        ],
        ["end group", "about"],
      ],
      [
        ["actions", "shared", "Shared the materials", "Partagé"],
        ["actions", "nothing", "Nothing yet"],
        ["yn", "yes", "Yes"],
        ["yn", "no", "No"],
      ],
      {
        surveyColumns: [...SURVEY_COLUMNS, "label::French (fr)"],
        choiceColumns: ["list_name", "name", "label", "label::French (fr)"],
      },
    );
    const read = xlsformToDefinition(sheets, "risk", 4);
    expect(read.issues).toEqual([]);
    expect(read.definition).toEqual({
      id: "risk",
      version: 4,
      title: "Risk management follow-up",
      intro: "Tell us what changed.",
      intros: { fr: "Dites-nous ce qui a changé." },
      sections: [
        {
          id: "about",
          title: "About the work",
          titles: { fr: "Le travail" },
          description: "Six months on",
          questions: [
            {
              id: "unit",
              type: "short_text",
              label: "Your unit",
              labels: { fr: "Votre unité" },
              required: true,
              maxLength: 120,
            },
            { id: "story", type: "long_text", label: "What happened?", required: false },
            { id: "colleagues", type: "integer", label: "Colleagues trained", required: true, min: 0, max: 500 },
            { id: "hours", type: "decimal", label: "Hours saved per week", required: false, min: 0 },
            { id: "since", type: "date", label: "Since when?", required: false },
            {
              id: "actions",
              type: "multiple_choice",
              label: "What did you do?",
              required: true,
              options: [
                { value: "shared", label: "Shared the materials", labels: { fr: "Partagé" } },
                { value: "nothing", label: "Nothing yet" },
                { value: "other", label: "Other", specify: true },
              ],
            },
            {
              id: "effects",
              type: "yes_no",
              label: "Any effects?",
              required: true,
              visibleWhen: { not: { question: "actions", includes: "nothing" } },
            },
            {
              id: "thanks",
              type: "note",
              label: "Thank you",
              required: false,
              visibleWhen: {
                all: [
                  { question: "effects", equals: "yes" },
                  { any: [{ question: "actions", includes: "shared" }, { not: { question: "unit", equals: "HQ" } }] },
                ],
              },
            },
          ],
        },
      ],
    });
    // And the same definition, written out again, reads back unchanged: numbers, dates, notes, translations, or_other's option, combined conditions.
    expect(xlsformToDefinition(definitionToXlsform(read.definition!), "risk", 4).definition).toEqual(read.definition);
  });

  it("reads the title in other languages from settings' form_title::French (fr), as KoboToolbox writes it", () => {
    const read = xlsformToDefinition(
      form([["text", "unit", "Your unit"]], [], {
        settings: {
          form_title: "Risk management follow-up",
          "form_title::French (fr)": "Suivi de la gestion des risques",
          form_id: "risk",
        },
      }),
      "risk",
      1,
    );
    expect(read.issues).toEqual([]);
    expect(read.definition?.titles).toEqual({ fr: "Suivi de la gestion des risques" });
    // The loose questions' section is titled with the form's title, so it is translated with it.
    expect(read.definition?.sections[0].titles).toEqual({ fr: "Suivi de la gestion des risques" });
  });

  it("takes the English title column as the main one when every form_title column names its language", () => {
    const read = xlsformToDefinition(
      form([["text", "unit", "Your unit"]], [], {
        settings: { "form_title::French (fr)": "Suivi", "form_title::English (en)": "Follow-up", form_id: "risk" },
      }),
      "risk",
      1,
    );
    expect([read.definition?.title, read.definition?.titles]).toEqual(["Follow-up", { fr: "Suivi" }]);
  });

  it("reads a hand-written select_one whose choices are exactly yes and no as a yes/no question, keeping other words", () => {
    const read = xlsformToDefinition(
      form(
        [
          ["select_one yn", "effects", "Any effects?"],
          ["select_one ny", "started", "Started a project?"],
          ["select_one ynm", "maybe", "Will you?"],
          ["select_one yn or_other", "other", "Anything?"],
        ],
        [
          ["yn", "yes", "Yes"],
          ["yn", "no", "No"],
          ["ny", "no", "Not yet"],
          ["ny", "yes", "Yes, started"],
          ["ynm", "yes", "Yes"],
          ["ynm", "no", "No"],
          ["ynm", "maybe", "Maybe"],
        ],
      ),
      "risk",
      1,
    );
    expect(read.issues).toEqual([]);
    const [effects, started, maybe, other] = read.definition!.sections[0].questions;
    expect(effects).toEqual({ id: "effects", type: "yes_no", label: "Any effects?", required: false });
    expect(started).toMatchObject({ type: "yes_no", yesLabel: "Yes, started", noLabel: "Not yet" });
    // More than yes and no, or "or_other": the organiser asked for a choice, and gets one.
    expect([maybe.type, other.type]).toEqual(["single_choice", "single_choice"]);
  });

  it("keeps a yes/no list with translated labels as a single choice, so its French words are not lost", () => {
    const read = xlsformToDefinition(
      form(
        [["select_one yn", "effects", "Any effects?"]],
        [
          ["yn", "yes", "Yes", "Oui"],
          ["yn", "no", "No", "Non"],
        ],
        { choiceColumns: ["list_name", "name", "label", "label::French (fr)"] },
      ),
      "risk",
      1,
    );
    expect(read.definition?.sections[0].questions[0]).toMatchObject({
      type: "single_choice",
      options: [
        { value: "yes", labels: { fr: "Oui" } },
        { value: "no", labels: { fr: "Non" } },
      ],
    });
  });

  it.each([
    ["v1", followUpV1],
    ["v2", followUpV2],
  ])(
    "brings %s's yes/no questions back as yes/no even when a tool dropped the outrigger_* columns",
    (_name, definition) => {
      const sheets = definitionToXlsform(definition, ADMINS);
      const columns = sheets.survey.columns.filter((c) => !c.startsWith("outrigger_"));
      const stripped = {
        ...sheets,
        survey: { columns, rows: sheets.survey.rows.map((r) => ({ ...r, cells: pick(r.cells, columns) })) },
      };
      const read = xlsformToDefinition(stripped, definition.id, definition.version);
      expect(read.issues).toEqual([]);
      const yesNoIds = (d: QuestionnaireDefinition) =>
        d.sections.flatMap((s) => s.questions).flatMap((q) => (q.type === "yes_no" ? [q.id] : []));
      expect(yesNoIds(definition)).toEqual(["directEffects", "efficiencyImproved", "newProjects"]);
      expect(yesNoIds(read.definition!)).toEqual(yesNoIds(definition));
    },
  );

  it("puts questions outside any group into a section named after the form, as KoboToolbox forms often have them", () => {
    const read = xlsformToDefinition(
      form([["text", "unit", "Your unit"], ["begin group", "more", "More"], ["date", "since", "Since"], ["end group"]]),
      "risk",
      1,
    );
    expect(read.definition?.sections.map((s) => [s.id, s.title, s.questions.map((q) => q.id)])).toEqual([
      ["main", "Risk management follow-up", ["unit"]],
      ["more", "More", ["since"]],
    ]);
  });
});
