// The "as published" XLSX: one worksheet per report table, cells worded as printed, NB marks as real underline / bold.
import ExcelJS from "exceljs";
import {
  PUBLISHED_WORDING,
  cellText,
  type PublishedCell,
  type PublishedTable,
  type ReportLanguage,
} from "../../shared/report";

/** Whole numbers become numbers (so Excel does not flag them as text); everything else stays text. */
function cellValue(cell: PublishedCell): ExcelJS.CellValue {
  if (cell.runs.some((r) => r.underline || r.bold)) {
    return {
      richText: cell.runs.map((r) => ({
        text: r.text,
        ...(r.underline || r.bold ? { font: { ...(r.underline ? { underline: true } : {}), bold: !!r.bold } } : {}),
      })),
    };
  }
  const text = cellText(cell);
  return /^\d+$/.test(text) ? Number(text) : text;
}

export async function publishedWorkbook(
  fiscalYear: string,
  tables: readonly PublishedTable[],
  language: ReportLanguage = "en",
): Promise<Uint8Array> {
  const w = PUBLISHED_WORDING[language];
  const workbook = new ExcelJS.Workbook();
  // A fixed date: the same report gives the same workbook.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(w.sheetName(table.number));
    sheet.addRow([`${w.tableTitle(table.number, table.caption)} ${w.ofFiscalYear(fiscalYear)}`]).font = { bold: true };
    const header = sheet.addRow(table.header);
    header.font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.cells.map(cellValue));
      if (row.kind !== "workshop") added.getCell(1).font = { bold: true };
    }
    for (const note of table.notes) sheet.addRow([note]).font = { italic: true };
    sheet.columns.forEach((column, i) => {
      column.width = i === 1 && table.number === 1 ? 60 : i === 0 && table.number !== 1 ? 34 : 18;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
