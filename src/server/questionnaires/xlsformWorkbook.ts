// Reading and writing the .xlsx file of an XLSForm with exceljs; the mapping itself works on plain rows (xlsformSheets.ts).
import ExcelJS from "exceljs";
import { emptySheet, type XlsformSheet, type XlsformSheets } from "./xlsformSheets";

/** The file could not be read as a workbook at all (not an .xlsx, or damaged). */
export class UnreadableWorkbook extends Error {}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "formula" in value) return String(value.result ?? "");
  return cell.text;
}

function sheetRows(worksheet: ExcelJS.Worksheet | undefined): XlsformSheet {
  if (!worksheet) return emptySheet();
  const header = worksheet.getRow(1);
  const columns: string[] = [];
  header.eachCell({ includeEmpty: true }, (cell, col) => (columns[col - 1] = cellText(cell).trim()));
  const sheet: XlsformSheet = { columns: columns.filter((c) => c !== ""), rows: [] };
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const column = columns[col - 1] || `column ${col}`;
      const text = cellText(cell);
      if (text.trim() !== "") cells[column] = text;
    });
    if (Object.keys(cells).length > 0) sheet.rows.push({ row: rowNumber, cells });
  });
  return sheet;
}

/** The survey, choices and settings sheets of an .xlsx (sheet names compared without case, as ODK tools do). */
export async function readXlsformWorkbook(bytes: Uint8Array): Promise<XlsformSheets> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbook(error instanceof Error ? error.message : String(error));
  }
  const byName = (name: string) => workbook.worksheets.find((w) => w.name.trim().toLowerCase() === name);
  return {
    survey: sheetRows(byName("survey")),
    choices: sheetRows(byName("choices")),
    settings: sheetRows(byName("settings")),
  };
}

export async function writeXlsformWorkbook(sheets: XlsformSheets): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const name of ["survey", "choices", "settings"] as const) {
    const sheet = sheets[name];
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow(sheet.columns);
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(sheet.columns.map((c) => row.cells[c] ?? null));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
