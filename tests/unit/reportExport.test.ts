// Report export: CSV with BOM and CRLF, RFC 4180 quoting, non-ASCII kept and formulas neutralised, and the XLSX workbook.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { followUpV1 } from "../../src/shared/questionnaires/index";
import { computeReport, FOLLOW_UP_ACTIONS } from "../../src/shared/report";
import {
  REPORT_TABLES,
  reportToJson,
  reportToSheets,
  tableColumns,
  tableToRows,
  toCsv,
  type Row,
} from "../../src/server/report/exports";
import { repliesToRows } from "../../src/server/report/replyRows";
import { safeSheetName, toXlsx } from "../../src/server/report/xlsx";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

type ParsedCell = string | number;

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Reads a worksheet back into rows (empty cells as undefined). */
function parseSheet(xml: string): Array<Array<ParsedCell | undefined>> {
  const rows: Array<Array<ParsedCell | undefined>> = [];
  for (const m of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const row: Array<ParsedCell | undefined> = [];
    for (const c of m[2].matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)>(.*?)<\/c>/g)) {
      expect(c[2]).toBe(m[1]);
      const inline = /t="inlineStr"/.test(c[3]);
      const value = inline
        ? unescapeXml(/<is><t xml:space="preserve">(.*?)<\/t><\/is>/s.exec(c[4])![1])
        : Number(/<v>(.*?)<\/v>/.exec(c[4])![1]);
      row[columnIndex(c[1])] = value;
    }
    rows[Number(m[1]) - 1] = row;
  }
  return rows;
}

function openWorkbook(bytes: Uint8Array): {
  files: Record<string, string>;
  sheets: Array<{ name: string; rows: Array<Array<ParsedCell | undefined>> }>;
} {
  const raw = unzipSync(bytes);
  const files = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strFromU8(v)]));
  const names = [...files["xl/workbook.xml"].matchAll(/<sheet name="([^"]*)" sheetId="(\d+)" r:id="(rId\d+)"\/>/g)];
  const rels = new Map(
    [...files["xl/_rels/workbook.xml.rels"].matchAll(/Id="(rId\d+)" Type="[^"]*" Target="([^"]*)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  return {
    files,
    sheets: names.map((m) => ({ name: unescapeXml(m[1]), rows: parseSheet(files[`xl/${rels.get(m[3])}`]) })),
  };
}

/** What a cell holds once written: null and undefined are empty. */
const normalize = (rows: readonly Row[]) =>
  rows.map((r) => r.map((c) => (c === null || c === undefined ? undefined : c)));

const report = computeReport({ fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES });

describe("toCsv", () => {
  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    const csv = toCsv([
      ["a", 1],
      ["b", 2],
    ]);
    expect(csv).toBe("\uFEFFa,1\r\nb,2\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    const csv = toCsv([["Fiji, Samoa", 'the "RKC" workshop', "line 1\nline 2", "cr\r\nlf", "plain"]]);
    expect(csv).toBe('\uFEFF"Fiji, Samoa","the ""RKC"" workshop","line 1\nline 2","cr\r\nlf",plain\r\n');
  });

  it("keeps accents and other non-ASCII text as is", () => {
    const csv = toCsv([["Timor-Leste", "Viet Nam — Hải quan", "Pérez"]]);
    expect(csv).toContain("Viet Nam — Hải quan,Pérez");
    expect(Buffer.from(csv, "utf8").toString("utf8")).toBe(csv);
  });

  it("neutralises text that a spreadsheet would read as a formula", () => {
    const csv = toCsv([['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "a=b"]]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"")",\'+1,\'-2,\'@SUM(A1),\'\tx,a=b\r\n');
  });

  it("writes numbers as numbers (a negative number is not text) and null as an empty field", () => {
    expect(toCsv([[-3, 0, 12.5, null, undefined, Number.NaN, ""]])).toBe("\uFEFF-3,0,12.5,,,,\r\n");
  });
});

describe("tableToRows", () => {
  it("Table 1: a header, ten workshops, two subtotals and the total; rates as 0–100 numbers", () => {
    const rows = tableToRows(report.tables.replies);
    expect(rows).toHaveLength(1 + 10 + 2 + 1);
    expect(rows[0]).toContain("Reply rate per administration (%)");
    const [sub, reg, total] = rows.slice(-3);
    expect(sub.slice(3, 6)).toEqual([44, expect.any(Number), 32]);
    expect(sub[7]).toBe(73);
    expect(reg.slice(3, 6)).toEqual([95, expect.any(Number), 38]);
    expect(reg[7]).toBe(40);
    expect(total[3]).toBe(139);
    expect(total[5]).toBe(70);
    expect(total[7]).toBe(50);
  });

  it("a percentage with nothing to divide by is empty", () => {
    const empty = computeReport({
      fiscalYear: "2022/23",
      workshops: [{ ...FY2022_23_WORKSHOPS[0], invitedParticipants: 0, participatingAdministrations: 0 }],
      replies: [],
    });
    const rows = tableToRows(empty.tables.directEffects);
    expect(rows[1].slice(3)).toEqual([0, 0, 0, 0, null, null]);
    expect(toCsv([rows[1]])).toMatch(/,0,0,0,0,,\r\n$/);
  });

  it("Tables 4 and 7 list administrations per workshop, marked with * where in both", () => {
    const rows = tableToRows(report.tables.effectsByAction);
    const firstWorkshop = rows[1];
    const lists = firstWorkshop.filter(
      (c): c is string => typeof c === "string" && /^[A-Z]{2}\*?(, [A-Z]{2}\*?)*$/.test(c),
    );
    expect(lists.length).toBeGreaterThan(0);
    const total = rows[rows.length - 1];
    const t = report.tables.effectsByAction.total.columns;
    expect(total).toEqual(expect.arrayContaining([t.shared.entries, t.shared.marked, t.shared.percent]));
  });
});

describe("toXlsx", () => {
  it("is a valid package: content types, relationships, one worksheet per sheet", () => {
    const bytes = toXlsx([
      { name: "One", rows: [["a"]] },
      { name: "Two", rows: [[1]] },
    ]);
    const { files, sheets } = openWorkbook(bytes);
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    expect(files["[Content_Types].xml"]).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(files["_rels/.rels"]).toContain('Target="xl/workbook.xml"');
    expect(sheets.map((s) => s.name)).toEqual(["One", "Two"]);
    for (const xml of Object.values(files)) expect(xml.startsWith("<?xml")).toBe(true);
  });

  it("every table of the FY 2022/23 report round-trips exactly", () => {
    const sheets = reportToSheets(report);
    const book = openWorkbook(toXlsx(sheets));
    expect(book.sheets).toHaveLength(7);
    book.sheets.forEach((s, i) => {
      expect(s.name.length).toBeLessThanOrEqual(31);
      const expected = normalize(sheets[i].rows);
      expect(s.rows.map((r) => Array.from({ length: expected[0].length }, (_x, k) => r[k]))).toEqual(
        expected.map((r) => Array.from({ length: expected[0].length }, (_x, k) => r[k])),
      );
    });
  });

  it("Table 2's published totals appear in the workbook", () => {
    const book = openWorkbook(toXlsx(reportToSheets(report)));
    const table2 = book.sheets.find((s) => s.name.startsWith("Table 2"))!;
    const header = table2.rows[0];
    const total = table2.rows[table2.rows.length - 1];
    expect(total[1]).toMatch(/^Total/);
    const published = [58, 56, 34, 36, 11, 14];
    // Columns: #, workshop, kind, replies, answered, no action yet, then count and % per action.
    expect(header.slice(3, 6)).toEqual(["Replies", "Answered", "No action yet"]);
    expect(total[5]).toBe(0);
    FOLLOW_UP_ACTIONS.forEach((_a, k) => {
      const col = 6 + 2 * k;
      expect(total[col]).toBe(published[k]);
      expect(total[col + 1]).toBe(Math.floor((200 * published[k] + 70) / 140));
      expect(typeof header[col]).toBe("string");
    });
    expect(total[3]).toBe(70);
    expect(total.slice(6, 18)).toEqual([58, 83, 56, 80, 34, 49, 36, 51, 11, 16, 14, 20]);
  });

  it("escapes XML, drops control characters, keeps accents and leaves null cells out", () => {
    const book = openWorkbook(toXlsx([{ name: "x", rows: [['<a & b> "q"', "Hải quan\u0001", null, 0.5, -7]] }]));
    expect(book.sheets[0].rows[0]).toEqual(['<a & b> "q"', "Hải quan", undefined, 0.5, -7]);
  });

  it("sheet names are made valid and unique", () => {
    const taken = new Set<string>();
    expect(safeSheetName("a[b]:c*d?e/f\\g", taken)).toBe("a b c d e f g");
    expect(safeSheetName("'quoted'", taken)).toBe("quoted");
    const long = "Direct effects by follow-up actions, FY 2022/23";
    const first = safeSheetName(long, taken);
    const second = safeSheetName(long, taken);
    expect(first.length).toBeLessThanOrEqual(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second).not.toBe(first);
    expect(second.endsWith(" (2)")).toBe(true);
    expect(safeSheetName("", taken)).toBe("Sheet");
    const names = openWorkbook(
      toXlsx([
        { name: "Same", rows: [] },
        { name: "same", rows: [] },
      ]),
    ).sheets.map((s) => s.name);
    expect(names).toEqual(["Same", "same (2)"]);
  });
});

describe("repliesToRows", () => {
  it("one row per reply, a column per question, multiple choice as labels plus specify", () => {
    const rows = repliesToRows(
      [
        {
          id: "r1",
          workshopId: "w1",
          workshopTitle: "RKC",
          invitationCode: "INV-1",
          administrationCode: "TO",
          submittedAt: "2024-01-10T08:20:00.000Z",
          receivedAt: "2024-01-10T09:00:00.000Z",
          answers: {
            name: "Sela",
            administration: "TO",
            followUpActions: { choices: ["shared_materials", "other"], specify: "=cmd" },
            directEffects: "yes",
          },
        },
      ],
      followUpV1,
    );
    expect(rows).toHaveLength(2);
    const header = rows[0];
    const row = rows[1];
    const at = (label: string) => header.findIndex((h) => h === label);
    const actions = followUpV1.sections.flatMap((s) => s.questions).find((q) => q.id === "followUpActions")!;
    expect(row[at(actions.label)]).toBe(
      "Shared or circulated the training materials with colleagues (intranet, common drive, e-mail…); Other",
    );
    expect(row[at(`${actions.label} (specify)`)]).toBe("=cmd");
    expect(toCsv(rows)).toContain(",'=cmd,");
    const effects = followUpV1.sections.flatMap((s) => s.questions).find((q) => q.id === "directEffects")!;
    expect(["Yes", (effects as { yesLabel?: string }).yesLabel]).toContain(row[at(effects.label)]);
    expect(row.slice(0, 7)).toEqual([
      "r1",
      "RKC",
      "TO",
      "INV-1",
      "2024-01-10T08:20:00.000Z",
      "2024-01-10T09:00:00.000Z",
      "yes",
    ]);
  });
});

describe("reportToJson", () => {
  it("holds every table with numbers and null percentages", () => {
    const parsed = JSON.parse(reportToJson(report)) as { format: string; report: typeof report };
    expect(parsed.format).toBe("outrigger-report");
    expect(parsed.report).toEqual(report);
    expect(parsed.report.tables.followUpActions.total.actions.shared_materials.count).toBe(58);
  });
});

describe("the three exports agree", () => {
  interface JsonTable {
    key: string;
    number: number;
    columns: { key: string; label: string }[];
    rows: Row[];
  }
  const json = JSON.parse(reportToJson(report)) as { tables: JsonTable[] };
  const book = openWorkbook(toXlsx(reportToSheets(report)));

  it("JSON lists each table's columns with key and label, and the same rows the CSV and XLSX hold", () => {
    expect(json.tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const [i, t] of json.tables.entries()) {
      const rows = tableToRows(report.tables[REPORT_TABLES[i].key] as Parameters<typeof tableToRows>[0]);
      // The CSV's and the XLSX sheet's header is the JSON's labels, in the same order.
      expect(t.columns.map((c) => c.label)).toEqual(rows[0]);
      expect(book.sheets[i].rows[0]).toEqual(rows[0]);
      expect(toCsv(rows).split("\r\n")[0]).toBe(
        "\uFEFF" + t.columns.map((c) => (c.label.includes(",") ? `"${c.label}"` : c.label)).join(","),
      );
      expect(t.rows).toEqual(rows.slice(1));
      expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
    }
  });

  it("column keys name the report JSON's own fields, so a value can be found in both", () => {
    const actions = json.tables.find((t) => t.key === "followUpActions")!;
    const total = actions.rows.at(-1)!;
    const at = (key: string) => total[actions.columns.findIndex((c) => c.key === key)];
    expect(at("actions.shared_materials.count")).toBe(
      report.tables.followUpActions.total.actions.shared_materials.count,
    );
    expect(at("actions.shared_materials.percent")).toBe(
      report.tables.followUpActions.total.actions.shared_materials.percent,
    );
    expect(at("noActionYet")).toBe(report.tables.followUpActions.total.noActionYet);
    const cross = tableColumns(report.tables.effectsByAction).map((c) => c.key);
    expect(cross).toContain("columns.effects.percent");
  });
});
