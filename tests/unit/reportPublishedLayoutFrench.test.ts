// Tables 1–7 as published, worded in French: captions, column headings, row labels, notes, months and percentages
// in French with the same figures and marks as the English layout; English stays the default.
import { describe, expect, it } from "vitest";
import {
  cellText,
  computeReport,
  publishedMonth,
  publishedTables,
  reportLanguageOf,
  type PublishedTable,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

const texts = (table: PublishedTable): string[][] => table.rows.map((r) => r.cells.map(cellText));
const workshops = FY2022_23_WORKSHOPS.map((w, i) => (i === 0 ? { ...w, month: "2022-11" } : w));
const report = () => computeReport({ fiscalYear: "2022/23", workshops, replies: FY2022_23_REPLIES });
const inFrench = () => publishedTables(report(), FY2022_23_REPLIES, "fr");
const NNBSP = "\u202f";

describe("the report as published, in French", () => {
  it("captions every table in French", () => {
    expect(inFrench().map((t) => t.caption)).toEqual([
      "Réponses par atelier",
      "Suites données après l’atelier",
      "Effets directs constatés de l’application des enseignements tirés",
      "Administrations ayant partagé les supports ou organisé des ateliers internes, et effets directs",
      "Amélioration de l’efficience et de l’efficacité du travail",
      "Projets de modernisation nouveaux ou renforcés",
      "Administrations ayant remis des rapports ou formulé des recommandations, et nouveaux projets",
    ]);
  });

  it("heads the columns in French and words Table 1's month, subtotals and percentages the French way", () => {
    const tables = inFrench();
    expect(tables[0].header).toEqual(["N°", "Atelier", "Administrations participantes", "Réponses"]);
    expect(cellText(tables[0].rows[0].cells[1])).toBe(`${workshops[0].title} (nov. 2022)`);
    expect(texts(tables[0]).slice(-3)).toEqual([
      ["", "Ateliers sous-régionaux", "44", `32 (73${NNBSP}%)`],
      ["", "Ateliers régionaux", "95", `38 (40${NNBSP}%)`],
      ["", "Total", "139", `70 (50${NNBSP}%)`],
    ]);
    expect(tables[1].header).toEqual([
      "Atelier",
      "Supports partagés",
      "Rapports remis",
      "Recommandations formulées",
      "Atelier interne",
      "Manuels / procédures élaborés",
      "Autres",
    ]);
    expect(tables[5].header).toEqual(["Atelier", "Réponses", "Oui", "Non"]);
    expect(tables[2].notes).toEqual(["« Non » comprend « pas encore »."]);
  });

  it("words the cross tables' columns, summary rows and NB notes in French, with the same figures as in English", () => {
    const french = inFrench()[3];
    const english = publishedTables(report(), FY2022_23_REPLIES)[3];
    expect(french.header).toEqual([
      "Atelier",
      "Supports partagés",
      "Atelier interne organisé",
      "Effets directs obtenus",
    ]);
    const summary = texts(french).slice(-2);
    expect(summary.map((row) => row[0])).toEqual([
      "Ayant vraisemblablement produit des effets directs",
      "Attribués au partage et/ou aux ateliers internes",
    ]);
    // Same counts and marks: only the words and the space before "%" differ.
    expect(french.rows.map((r) => r.cells.slice(1))).toEqual(
      english.rows.map((r) =>
        r.cells
          .slice(1)
          .map((c) => ({ runs: c.runs.map((run) => ({ ...run, text: run.text.replace("%", `${NNBSP}%`) })) })),
      ),
    );
    expect(french.notes.map((n) => n.slice(0, 5))).toEqual([`NB1${NNBSP}:`, `NB2${NNBSP}:`]);
    expect(inFrench()[6].header.slice(1)).toEqual([
      "Rapports remis",
      "Recommandations formulées",
      "Nouveaux projets lancés",
    ]);
  });

  it("stays in English without a language, and reads ?lang= as French only for fr", () => {
    expect(publishedTables(report(), FY2022_23_REPLIES)[0].caption).toBe("Replies per workshop");
    expect(publishedMonth("2022-11")).toBe("Nov. 2022");
    expect(publishedMonth("2023-02", "fr")).toBe("févr. 2023");
    expect([reportLanguageOf("fr"), reportLanguageOf(undefined), reportLanguageOf("de")]).toEqual(["fr", "en", "en"]);
  });
});
