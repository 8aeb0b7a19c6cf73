// The Word draft of the Good Practice Report: real tables equal to the published layout cell for cell, the report's
// headings, sentences with last year's figures, quotes as bullets, and a file LibreOffice converts to PDF.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { ReportQuotes } from "../../src/shared/feedback";
import { cellText, compareYears, draftOutline, publishedTables } from "../../src/shared/report";
import { wordDraft } from "../../src/server/report";
import { docxParagraphs, docxTables, documentXml } from "../fixtures/docxTables";
import { FY2022_23_REPLIES, fy2022_23WithPreviousYear } from "../fixtures/reportFy2022_23";

// Last year: the same workshops with 78 replies (eight more for workshop 9): a reply rate of 56%.
const { report, previous } = fy2022_23WithPreviousYear();
const tables = publishedTables(report, FY2022_23_REPLIES);
const quotes: ReportQuotes = {
  fiscalYear: "2022/23",
  headings: [
    {
      heading: "direct_effects",
      label: "Direct effects",
      quotes: [
        {
          replyId: "r1",
          questionId: "directEffectsDescription",
          tag: "good_example",
          text: "Release times at the pilot lane fell by a third.",
          administration: { code: "FJ", name: "Fiji" },
          workshop: { id: "fy2023-w9", title: "Revised Kyoto Convention" },
        },
      ],
    },
  ],
};
const draft = wordDraft(draftOutline({ report, comparison: compareYears(report, previous), tables, quotes }));

describe("the Word draft of Survey 2023", () => {
  it("holds Tables 1–7 as real Word tables equal, cell for cell, to the published layout", async () => {
    const inDocument = docxTables(await draft);
    expect(inDocument).toHaveLength(7);
    inDocument.forEach((rows, n) => {
      const table = tables[n];
      expect(rows.map((cells) => cells.map((runs) => runs.map((r) => r.text).join("")))).toEqual([
        table.header,
        ...table.rows.map((r) => r.cells.map(cellText)),
      ]);
    });
  });

  it("carries the NB marks of Tables 4 and 7 as real underline and bold", async () => {
    const inDocument = docxTables(await draft);
    for (const n of [4, 7]) {
      const expected = tables[n - 1].rows
        .filter((r) => r.kind === "workshop")
        .map((r) => r.cells.slice(1).map((c) => c.runs.map((run) => [run.text, !!run.underline, !!run.bold])));
      const actual = inDocument[n - 1]
        .slice(1, expected.length + 1)
        .map((cells) => cells.slice(1).map((runs) => runs.map((r) => [r.text, r.underline, r.bold])));
      expect(actual).toEqual(expected);
      expect(actual.flat(2).some(([, underline]) => underline)).toBe(true);
      expect(actual.flat(2).some(([, , bold]) => bold)).toBe(true);
    }
  });

  it("uses the report's headings as Word headings, with a title page for the survey year", async () => {
    const xml = documentXml(await draft);
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading[12]"\/>.*?<w:t[^>]*>(.*?)<\/w:t>/gs)].map((m) => m[1]);
    expect(headings).toEqual([
      "1 Introduction",
      "2 Findings",
      "2.1 Replies",
      "2.2 Follow-up actions",
      "2.3 Applying what was learnt",
      "2.4 Direct effects",
      "2.5 Work efficiency and effectiveness",
      "2.6 New modernization projects",
      "3 Conclusion",
    ]);
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>.*?Good Practice Report/s);
    expect(docxParagraphs(await draft)).toContain("Survey 2023 (FY 2022/23)");
    expect(xml.match(/<w:pStyle w:val="Caption"\/>/g)).toHaveLength(7);
  });

  it("writes this year's figures beside last year's, and the quotes as bullets with administration and workshop", async () => {
    const paragraphs = docxParagraphs(await draft);
    expect(paragraphs).toContain(
      "The total number of replies to Survey 2023 is 70. The overall reply rate, replies divided by participating " +
        "administrations, is 50% (compared to 56% in 2022). It is 73% for sub-regional workshops and 40% for " +
        "regional workshops.",
    );
    expect(paragraphs).toContain("Release times at the pilot lane fell by a third. (Fiji, Revised Kyoto Convention)");
    const xml = documentXml(await draft);
    expect(xml).toMatch(/<w:numPr>.*?<\/w:numPr>.*?Release times at the pilot lane/s);
  });
});

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const sofficeMissing = soffice.error !== undefined || soffice.status !== 0;

describe.skipIf(sofficeMissing)(
  "LibreOffice opens the Word draft (skipped: soffice is not installed; .ci/run installs libreoffice-writer)",
  () => {
    it("converts it to a PDF with a title page and the tables on a few pages", { timeout: 300_000 }, async () => {
      const dir = mkdtempSync(join(tmpdir(), "outrigger-draft-"));
      try {
        writeFileSync(join(dir, "draft.docx"), await draft);
        // A profile of its own, so a LibreOffice started by someone else on the machine does not take the job.
        execFileSync(
          "soffice",
          [
            `-env:UserInstallation=file://${join(dir, "profile")}`,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            join(dir, "draft.docx"),
          ],
          { stdio: "ignore", timeout: 280_000 },
        );
        const pdf = readFileSync(join(dir, "draft.pdf")).toString("latin1");
        const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
        // The title page stands alone; ten workshops' seven tables with their text take a few pages more.
        expect(pages).toBeGreaterThanOrEqual(3);
        expect(pages).toBeLessThanOrEqual(8);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);

it("the draft's document parts are well-formed enough to unzip and hold a styles part with a Caption style", async () => {
  const files = unzipSync(await draft);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["word/document.xml", "word/styles.xml"]));
  expect(strFromU8(files["word/styles.xml"])).toContain('w:styleId="Caption"');
});
