// The report's computed text in the console's language: the Word draft's prose and the analytic tables' headings
// worded in French with every key English has, numbers and months through Intl, English output unchanged; and the
// console's own wording of the comparisons, left-out replies and trend indicators from its reports catalogue.
import { describe, expect, it } from "vitest";
import {
  ANALYTIC_WORDING,
  BOUND_TABLES,
  DRAFT_WORDING,
  compareYears,
  draftOutline,
  headlineFigures,
  publishedTables,
  type DraftBlock,
} from "../../src/shared/report";
import { reportToSheets } from "../../src/server/report";
import { chooseLanguage } from "../../src/app/i18n/language";
import { reportsText } from "../../src/app/features/console/consoleText";
import { cellNumber, comparisonLine, figureName, leftOutReason } from "../../src/app/features/console/reportWords";
import english from "../../src/app/features/console/messages/en/reports";
import { FY2022_23_REPLIES, fy2022_23WithPreviousYear } from "../fixtures/reportFy2022_23";
import { ENGLISH_ANALYTIC_PHRASES, ENGLISH_DRAFT_PHRASES } from "../fixtures/reportEnglishPhrases";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";

// Last year: the same workshops with 78 replies (eight more for workshop 9): a reply rate of 56%.
const { report, previous } = fy2022_23WithPreviousYear();
const input = (language: "en" | "fr") => ({
  report,
  comparison: compareYears(report, previous),
  tables: publishedTables(report, FY2022_23_REPLIES, language),
  quotes: { fiscalYear: "2022/23", headings: [] },
});
/** The draft's own words: title lines, headings and sentences, not the tables. */
const prose = (blocks: DraftBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === "title" ? b.lines : b.type === "heading" || b.type === "paragraph" ? [b.text] : [],
  );

/** Every key path of a wording object (functions and strings are leaves). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key));
}

describe("the report's computed text, worded by language", () => {
  it("has in French every key of the English Word draft and analytic wordings", () => {
    for (const wording of [DRAFT_WORDING, ANALYTIC_WORDING]) {
      const french = new Set(keyPaths(wording.fr));
      expect(keyPaths(wording.en).filter((path) => !french.has(path))).toEqual([]);
    }
  });

  it("writes the Word draft's title page, headings and sentences in French, numbers and months through Intl", () => {
    const french = prose(draftOutline(input("fr"), "fr"));
    expect(french.slice(0, 3)).toEqual([
      "Rapport sur les bonnes pratiques",
      "Enquête sur les suites données à la participation aux ateliers régionaux",
      "Enquête 2023 (exercice 2022/23)",
    ]);
    expect(french).toContain("2.2 Suites données");
    expect(french).toContain(
      "L’enquête 2023 a reçu 70 réponses au total. Le taux de réponse global, nombre de réponses divisé par le " +
        "nombre d’administrations participantes, est de 50\u202f% (contre 56\u202f% en 2022). Il est de 73\u202f% " +
        "pour les ateliers sous-régionaux et de 40\u202f% pour les ateliers régionaux.",
    );
    expect(french.join("\n")).toContain("(de juillet 2022 à juin 2023)");
    expect(DRAFT_WORDING.fr.number(1234)).toBe("1\u202f234");
    const quoted = draftOutline(
      {
        ...input("fr"),
        quotes: {
          fiscalYear: "2022/23",
          headings: [{ heading: "direct_effects", label: "Direct effects", quotes: [] }],
        },
      },
      "fr",
    );
    expect(quoted.find((b) => b.type === "bullets")).toMatchObject({ heading: "Effets directs" });
    expect(ENGLISH_DRAFT_PHRASES.filter((phrase) => french.some((text) => text.includes(phrase)))).toEqual([]);
  });

  it("keeps the English draft's words as they were, the default language", () => {
    const outline = draftOutline(input("en"));
    expect(draftOutline(input("en"), "en")).toEqual(outline);
    const english = prose(outline);
    expect(english.slice(0, 3)).toEqual([
      "Good Practice Report",
      "Survey on follow-up actions taken after participation in regional workshops",
      "Survey 2023 (FY 2022/23)",
    ]);
    expect(english).toContain(
      "Survey 2023 covers the 10 regional and sub-regional workshops held in FY 2022/23 (July 2022 to June 2023). " +
        "About six months after each workshop, every participant was asked what they had done with what they learnt.",
    );
    expect(english).toContain(
      "Of the 70 respondents, 58 (83%) shared the training materials with colleagues (compared to 85% in 2022); " +
        "56 (80%) submitted a report to management (compared to 82% in 2022); 34 (49%) made specific " +
        "recommendations to senior officials (compared to 50% in 2022); 36 (51%) organized an in-house workshop or " +
        "training (compared to 49% in 2022); 11 (16%) developed operational manuals or SOPs (compared to 14% in " +
        "2022); 14 (20%) took other actions (compared to 18% in 2022).",
    );
    expect(english.at(-1)).toBe(
      "Survey 2023 received 70 replies. 83% of respondents shared the training materials, 56% observed direct " +
        "effects and 96% saw their work become more efficient and effective.",
    );
  });

  it("heads the analytic tables in French on request, with the same figures, and in English by default", () => {
    const englishSheets = reportToSheets(report);
    const frenchSheets = reportToSheets(report, ANALYTIC_WORDING.fr);
    expect(englishSheets.map((s) => s.name)).toEqual([
      "Table 1 Replies",
      "Table 2 Follow-up actions",
      "Table 3 Direct effects",
      "Table 4 Direct effects x actions",
      "Table 5 Efficiency",
      "Table 6 New projects",
      "Table 7 New projects x actions",
    ]);
    expect(englishSheets[0].rows[0]).toEqual([
      "#",
      "Workshop",
      "Kind",
      "Participating administrations",
      "Invited participants",
      "Replies",
      "Responding administrations",
      "Reply rate per administration (%)",
      "Reply rate per participant (%)",
    ]);
    expect(frenchSheets[0].name).toBe("Tableau 1 Réponses");
    expect(frenchSheets[0].rows[0].slice(0, 4)).toEqual(["N°", "Atelier", "Type", "Administrations participantes"]);
    expect(frenchSheets[0].rows.at(-1)?.[1]).toBe("Total (10 ateliers)");
    expect(frenchSheets[3].rows[0]).toContain("Supports partagés\u202f: dans les deux (%)");
    const text = frenchSheets.flatMap((s) => [s.name, ...s.rows.flat().filter((c) => typeof c === "string")]);
    expect(ENGLISH_ANALYTIC_PHRASES.filter((phrase) => text.some((cell) => String(cell).includes(phrase)))).toEqual([]);
    const figures = (sheets: typeof englishSheets) =>
      sheets.map((s) => s.rows.slice(1).map((row) => row.filter((c) => typeof c !== "string")));
    expect(figures(frenchSheets)).toEqual(figures(englishSheets));
  });
});

describe("the console's wording of the report's comparisons, left-out replies and trends", () => {
  allowLanguageChoiceInEachTest();

  it("names every headline figure and every binding a table needs in its catalogue", () => {
    expect(headlineFigures(report).filter((f) => !(`figure.${f.key}` in english))).toEqual([]);
    const needs = new Set(Object.values(BOUND_TABLES).flatMap((table) => table.needs));
    expect([...needs].filter((need) => !(`binding.${need}` in english))).toEqual([]);
  });

  it("words a comparison and a left-out reason in English as the server's English words them", () => {
    const comparison = compareYears(report, previous);
    const rate = comparison.find((c) => c.key === "replies.ratePerAdministration")!;
    expect(comparisonLine(rate, "2021/22", "2022/23")).toBe(`${rate.label}: ${rate.longText}`);
    expect(headlineFigures(report).map((f) => figureName(f.key, ""))).toEqual(
      headlineFigures(report).map((f) => f.label),
    );
    const serverReason =
      "Table 4 cannot count replies to follow-up version 3: that version has no usable binding for " +
      "followUpActions and directEffects.";
    expect(
      leftOutReason({
        table: 4,
        questionnaireId: "follow-up",
        version: 3,
        unbound: ["followUpActions", "directEffects"],
      }),
    ).toBe(serverReason);
  });

  it("words them in French once the console is in French", async () => {
    chooseLanguage("fr");
    await reportsText.load();
    const rate = compareYears(report, previous).find((c) => c.key === "replies.ratePerAdministration")!;
    expect(comparisonLine(rate, "2021/22", "2022/23")).toBe(
      "Taux de réponse (par administration) : 56 % en 2021/22 → 50 % en 2022/23",
    );
    expect(figureName("directEffects.yes", "")).toBe("Effets directs constatés");
    expect(leftOutReason({ table: 6, questionnaireId: "", version: null, unbound: ["newProjects"] })).toBe(
      "Le tableau 6 ne peut pas compter les réponses à « questionnaire sans nom » : cette version n’a pas de liaison " +
        "utilisable pour les nouveaux projets (tableau 6).",
    );
  });

  it("writes the analytic tables' cell numbers grouped in the console's language", () => {
    expect(cellNumber(1234.5)).toBe("1,234.5");
    chooseLanguage("fr");
    expect(cellNumber(1234.5)).toBe("1\u202f234,5");
    expect(cellNumber(87)).toBe("87");
  });
});
