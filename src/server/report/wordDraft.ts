// The Word draft of the Good Practice Report (.docx, built with the docx library) from the report's outline:
// real headings (navigable in Word's outline), real tables with captions, NB marks as underline / bold.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import {
  DRAFT_WORDING,
  PUBLISHED_WORDING,
  type DraftBlock,
  type PublishedTable,
  type ReportLanguage,
} from "../../shared/report";

const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const borders = { top: border, bottom: border, left: border, right: border };

function wordTable(table: PublishedTable): Table {
  const header = new TableRow({
    tableHeader: true,
    children: table.header.map(
      (h) =>
        new TableCell({ borders, children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        children: row.cells.map(
          (cell, i) =>
            new TableCell({
              borders,
              children: [
                new Paragraph({
                  children: cell.runs.map(
                    (run) =>
                      new TextRun({
                        text: run.text,
                        // Totals and summary labels stand out as in the printed report.
                        ...(run.bold === true || (row.kind !== "workshop" && i === 0) ? { bold: true } : {}),
                        ...(run.underline ? { underline: {} } : {}),
                      }),
                  ),
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function blockChildren(block: DraftBlock, language: ReportLanguage): Array<Paragraph | Table> {
  switch (block.type) {
    case "title":
      return [
        ...block.lines.map(
          (line, i) =>
            new Paragraph({
              heading: i === 0 ? HeadingLevel.TITLE : undefined,
              alignment: AlignmentType.CENTER,
              spacing: { before: i === 0 ? 2400 : 240 },
              children: [new TextRun({ text: line, size: i === 0 ? undefined : 28 })],
            }),
        ),
        new Paragraph({ children: [new PageBreak()] }),
      ];
    case "heading":
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          text: block.text,
        }),
      ];
    case "paragraph":
      return [new Paragraph({ text: block.text, spacing: { after: 160 } })];
    case "table":
      return [
        new Paragraph({
          style: "Caption",
          keepNext: true,
          children: [new TextRun(PUBLISHED_WORDING[language].tableTitle(block.table.number, block.table.caption))],
        }),
        wordTable(block.table),
        ...block.table.notes.map(
          (note) => new Paragraph({ children: [new TextRun({ text: note, italics: true, size: 18 })] }),
        ),
        new Paragraph({ text: "" }),
      ];
    case "bullets":
      return [
        new Paragraph({ children: [new TextRun({ text: block.heading, bold: true })] }),
        ...block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } })),
      ];
  }
}

/** The outline as a .docx file; `language` words the tables' titles, as the outline was worded (`draftOutline`). */
export async function wordDraft(outline: readonly DraftBlock[], language: ReportLanguage = "en"): Promise<Uint8Array> {
  const document = new Document({
    creator: "Outrigger",
    title: outline.find((b) => b.type === "title")?.lines.join(" – ") ?? DRAFT_WORDING[language].title(0, "")[0],
    sections: [{ children: outline.flatMap((block) => blockChildren(block, language)) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
