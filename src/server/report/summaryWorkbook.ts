// A summary sheet file (.xlsx through exceljs, or .csv) read into plain text cells for readSummarySheet.
import ExcelJS from "exceljs";
import { CsvSyntaxError, parseCsv } from "../../shared/csv";
import type { PlainSheet } from "../../shared/report/summarySheet";

/** The file could not be read at all: not a workbook, or CSV with a broken quote. */
export class UnreadableSummaryFile extends Error {}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // A month typed into Excel becomes a date: its calendar month is read in UTC, as Excel stores it.
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, "0")}`;
  }
  if (typeof value === "object" && "formula" in value) return String(value.result ?? "");
  return cell.text;
}

/** The sheet named "Summary", else the first sheet of the workbook. */
export async function readSummaryWorkbook(bytes: Uint8Array): Promise<PlainSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableSummaryFile(error instanceof Error ? error.message : String(error));
  }
  const worksheet =
    workbook.worksheets.find((w) => w.name.trim().toLowerCase() === "summary") ?? workbook.worksheets[0];
  if (!worksheet) throw new UnreadableSummaryFile("the workbook has no sheet");
  const header: string[] = [];
  worksheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell)));
  const rows: PlainSheet["rows"] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell)));
    if (cells.some((c) => (c ?? "").trim() !== ""))
      rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return { name: worksheet.name, header: Array.from(header, (h) => h ?? ""), rows };
}

/** A CSV summary sheet; its rows are numbered by the line they start on. */
export function readSummaryCsv(text: string): PlainSheet {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UnreadableSummaryFile(error.message);
    throw error;
  }
  const [header, ...body] = records;
  return {
    name: "CSV",
    header: header?.fields ?? [],
    rows: body.filter((r) => r.fields.some((f) => f.trim() !== "")).map((r) => ({ row: r.line, cells: r.fields })),
  };
}

/** The year's workshops as a one-sheet workbook named "Summary", the shape readSummaryWorkbook reads back. */
export async function writeSummaryWorkbook(rows: readonly string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet("Summary");
  for (const row of rows) worksheet.addRow(row.map((cell, i) => (i >= 3 && /^\d+$/.test(cell) ? Number(cell) : cell)));
  worksheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
