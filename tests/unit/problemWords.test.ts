// Problems the server sends as data (import problems, field problems, the editor's checks) have a sentence in every
// language the console speaks, and a French console words real ones in French, place and field label included.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type { ApiErrorBody, FieldIssue } from "../../src/shared/api";
import { newParticipant } from "../../src/shared/console";
import { FIELD_PROBLEM_WORDS } from "../../src/shared/fieldProblemWords";
import { IMPORT_PROBLEM_WORDS } from "../../src/shared/importProblemWords";
import { CHECK_WORDS } from "../../src/shared/questionnaireCheckWords";
import { checkForPublish } from "../../src/shared/questionnaireChecks";
import { followUpV2 } from "../../src/shared/questionnaires";
import { fieldIssuesFromZod } from "../../src/server/http/zodIssues";
import { checkParticipantCsv } from "../../src/server/http/console/participantImport";
import { xlsformToDefinition } from "../../src/server/questionnaires/xlsformToDefinition";
import { xlsformIssueDetail } from "../../src/server/http/console/questionnaireXlsform";
import { wordedConsoleError, wordedProblem } from "../../src/app/features/console/consoleErrors";
import { importsText } from "../../src/app/features/console/consoleText";
import englishErrors from "../../src/app/features/console/messages/en/errors";
import frenchErrors from "../../src/app/features/console/messages/fr/errors";
import englishImports from "../../src/app/features/console/messages/en/imports";
import frenchImports from "../../src/app/features/console/messages/fr/imports";
import englishEditor from "../../src/app/features/console/messages/en/editor";
import frenchEditor from "../../src/app/features/console/messages/fr/editor";
import { chooseLanguage } from "../../src/app/i18n/language";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";
import { form } from "./support/xlsformRows";

const LISTS = [
  { name: "import problems", words: IMPORT_PROBLEM_WORDS, catalogues: { en: englishImports, fr: frenchImports } },
  { name: "field problems", words: FIELD_PROBLEM_WORDS, catalogues: { en: englishErrors, fr: frenchErrors } },
  { name: "editor checks", words: CHECK_WORDS, catalogues: { en: englishEditor, fr: frenchEditor } },
];

const refusal = (code: string, details: FieldIssue[]): ApiErrorBody => ({ code, message: "Refused.", details });

describe("problems sent as data", () => {
  allowLanguageChoiceInEachTest();

  it.each(LISTS)("has a sentence for every code of the $name in every language", ({ words, catalogues }) => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const missing = Object.keys(words).filter(
        (code) => typeof (catalogue as Record<string, unknown>)[code] !== "string",
      );
      expect(missing, language).toEqual([]);
    }
    // English is the shared list itself, so the console says what the server says.
    for (const [code, sentence] of Object.entries(words))
      expect((catalogues.en as Record<string, string>)[code]).toBe(sentence);
  });

  it("words an XLSForm's unsupported repeat and unreadable relevant in French, placed in French", async () => {
    chooseLanguage("fr");
    const { issues } = xlsformToDefinition(
      form([
        ["begin repeat", "visits", "Visits"],
        ["end repeat", "visits"],
        ["text", "a", "A"],
        ["text", "b", "B", "", "", "${a} > 'x'"],
      ]),
      "risk",
      1,
    );
    const worded = await wordedConsoleError(refusal("unsupported_xlsform", issues.map(xlsformIssueDetail)), 422);
    expect(worded.details?.map((d) => d.message)).toEqual([
      "Feuille « survey », ligne 2, colonne « type » : les répétitions ne sont pas prises en charge : une réponse contient une seule réponse par question",
      "Feuille « survey », ligne 5, colonne « relevant » : condition inutilisable : seuls = et != comparent une réponse (trouvé : « > »). Possible : ${q} = 'x', ${q} != 'x', selected(${q}, 'x'), not(...), and, or",
    ]);
  });

  it("words a CSV line's unknown administration in French, in the preview and in the refusal", async () => {
    chooseLanguage("fr");
    const checked = await checkParticipantCsv("Name,E-mail,Administration\nAna,ana@example.org,Atlantis\n", {
      administrations: [{ code: "FJ", name: "Fiji" }],
      workshopAdministrations: new Set(["FJ"]),
      existingEmails: new Set(),
      skipLines: new Set(),
    });
    const [error] = checked.rows[0].errors;
    const details = [
      {
        path: "line 2.administration",
        code: "invalid_row",
        message: `Line 2: ${error.message}`,
        place: { row: 2, column: "administration" },
        reason: error.message,
        problem: error.problem,
      },
    ];
    const worded = await wordedConsoleError(refusal("csv_has_errors", details), 422);
    expect(worded.details?.[0].message).toBe(
      "Ligne 2 : « Atlantis » n’est pas dans la liste des administrations (utilisez son nom ou son code, p. ex. Fiji ou FJ).",
    );
  });

  it("words a CSV line's administration outside the workshop as a warning in French, and in English as before", async () => {
    const checked = await checkParticipantCsv("Name,E-mail,Administration\nAna,ana@example.org,FJ\n", {
      administrations: [{ code: "FJ", name: "Fiji" }],
      workshopAdministrations: new Set(["VU"]),
      existingEmails: new Set(),
      skipLines: new Set(),
    });
    const [warning] = checked.rows[0].warnings;
    expect(warning.message).toBe("FJ is not among this workshop's administrations.");
    chooseLanguage("fr");
    await importsText.load();
    expect(wordedProblem(warning.problem, warning.message)).toBe(
      "FJ ne fait pas partie des administrations de cet atelier.",
    );
  });

  it("words a too-long field and a missing one in French, each by the form's own label", async () => {
    chooseLanguage("fr");
    const body = { name: "x".repeat(201), administrationCode: "FJ" };
    const parsed = newParticipant.safeParse(body);
    const details = fieldIssuesFromZod(parsed.success ? [] : parsed.error.issues, body);
    expect(details.map((d) => d.message)).toContain('"name" is too long (at most 200).');
    const worded = await wordedConsoleError(refusal("invalid_request", details), 400);
    expect(worded.details?.map((d) => d.message)).toEqual(
      expect.arrayContaining(["« Nom » : trop long (200 au plus).", "« E-mail » : à remplir."]),
    );
  });

  it("words the server's check of a refused publish with the editor's French words", async () => {
    chooseLanguage("fr");
    const details = checkForPublish({
      ...followUpV2,
      sections: [
        {
          ...followUpV2.sections[0],
          questions: [followUpV2.sections[0].questions[0], followUpV2.sections[0].questions[0]],
        },
      ],
    }).errors;
    expect(details.map((d) => d.problem?.code)).toContain("checkTwoQuestions");
    const worded = await wordedConsoleError(refusal("invalid_questionnaire", details), 422);
    expect(worded.details?.map((d) => d.message)).toContain(
      frenchEditor.checkTwoQuestions.replace("{id}", followUpV2.sections[0].questions[0].id),
    );
  });

  it("keeps a schema's own sentence, which has no code, as the server wrote it", async () => {
    chooseLanguage("fr");
    const schema = z.object({ age: z.number().check(z.minimum(18, "Adults only")) });
    const parsed = schema.safeParse({ age: 3 });
    const details = fieldIssuesFromZod(parsed.success ? [] : parsed.error.issues, { age: 3 });
    const worded = await wordedConsoleError(refusal("invalid_request", details), 400);
    expect(worded.details?.map((d) => d.message)).toEqual(["Adults only"]);
  });
});
