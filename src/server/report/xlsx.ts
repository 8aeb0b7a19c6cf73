// A minimal XLSX (Office Open XML SpreadsheetML) writer: one worksheet per table, inline strings and numbers.
import { strToU8, zipSync, type Zippable } from "fflate";

/** A cell: text, a number, or empty (null / undefined / a non-finite number). */
export type Cell = string | number | null | undefined;
export type Row = readonly Cell[];

export interface Sheet {
  name: string;
  rows: readonly Row[];
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Escapes text for XML and drops characters XML 1.0 cannot carry (control characters, lone surrogates). */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** "A", "B", … "Z", "AA", … for a 0-based column index. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/**
 * A valid, unique sheet name: no []:*?/\ characters, no leading or trailing apostrophe, 1–31
 * characters; a name already taken (case-insensitively) gets " (2)", " (3)"….
 */
export function safeSheetName(name: string, taken: Set<string> = new Set()): string {
  let base = name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/[\u0000-\u001F]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (base === "") base = "Sheet";
  base = Array.from(base).slice(0, 31).join("").trim();
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate =
      Array.from(base)
        .slice(0, 31 - suffix.length)
        .join("")
        .trimEnd() + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function cellXml(ref: string, value: Cell, style: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return `<c r="${ref}"${style}><v>${String(value)}</v></c>`;
  }
  const text = Array.from(value).slice(0, MAX_CELL_CHARS).join("");
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function sheetXml(rows: readonly Row[], boldHeader: boolean): string {
  const out: string[] = [XML_HEADER, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  if (boldHeader && rows.length > 0) {
    out.push(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    );
  }
  out.push("<sheetData>");
  rows.forEach((row, r) => {
    const style = boldHeader && r === 0 ? ' s="1"' : "";
    const cells: string[] = [];
    row.forEach((value, c) => {
      const xml = cellXml(`${columnName(c)}${r + 1}`, value, style);
      if (xml !== null) cells.push(xml);
    });
    out.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  });
  out.push("</sheetData></worksheet>");
  return out.join("");
}

const STYLES =
  XML_HEADER +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

export interface XlsxOptions {
  /** Bold, frozen first row (default true). */
  boldHeader?: boolean;
  /** Timestamp stored in the zip entries (default 1 Jan 2000 UTC, so the same input gives the same bytes). */
  modified?: Date;
}

/** An .xlsx workbook with one worksheet per sheet, in order. Sheet names are made valid and unique. */
export function toXlsx(sheets: readonly Sheet[], options: XlsxOptions = {}): Uint8Array {
  const list = sheets.length > 0 ? sheets : [{ name: "Sheet1", rows: [] }];
  const taken = new Set<string>();
  const names = list.map((s) => safeSheetName(s.name, taken));
  const boldHeader = options.boldHeader ?? true;

  const contentTypes =
    XML_HEADER +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    list
      .map(
        (_s, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    "</Types>";

  const rootRels =
    XML_HEADER +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    "</Relationships>";

  const workbook =
    XML_HEADER +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
    names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    "</sheets></workbook>";

  const workbookRels =
    XML_HEADER +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    list
      .map(
        (_s, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    `<Relationship Id="rId${list.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    "</Relationships>";

  const mtime = options.modified ?? new Date(Date.UTC(2000, 0, 1));
  const files: Zippable = {
    "[Content_Types].xml": strToU8(contentTypes),
    "_rels/.rels": strToU8(rootRels),
    "xl/workbook.xml": strToU8(workbook),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRels),
    "xl/styles.xml": strToU8(STYLES),
  };
  list.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows, boldHeader));
  });
  return zipSync(files, { level: 6, mtime });
}
