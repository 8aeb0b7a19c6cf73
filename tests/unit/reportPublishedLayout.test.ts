// The "as published" layout of Tables 1–7: the FY 2022/23 fixture gives the office's printed cells.
import { describe, expect, it } from "vitest";
import type { Answers } from "../../src/shared/answers";
import {
  cellText,
  computeReport,
  inReportOrder,
  publishedMonth,
  publishedTables,
  type PublishedTable,
  type ReportReply,
  type ReportWorkshop,
} from "../../src/shared/report";
import { FY2022_23_REPLIES, FY2022_23_WORKSHOPS } from "../fixtures/reportFy2022_23";

const texts = (table: PublishedTable): string[][] => table.rows.map((r) => r.cells.map(cellText));
const fy2023 = () =>
  publishedTables(
    computeReport({ fiscalYear: "2022/23", workshops: FY2022_23_WORKSHOPS, replies: FY2022_23_REPLIES }),
    FY2022_23_REPLIES,
  );
/** Per-workshop columns typed from the published Survey 2023 tables (workshops 1–10). */
const columns = (...cols: number[][]): string[][] =>
  cols[0].map((_v, i) => [String(i + 1), ...cols.map((c) => String(c[i]))]);
const REPLIES = [6, 8, 8, 6, 4, 6, 10, 5, 13, 4];

describe("the report as published (Survey 2023)", () => {
  it("Table 1 prints replies per workshop and rates only on the sub-regional, regional and total rows", () => {
    const adm = [10, 11, 19, 21, 6, 18, 10, 16, 21, 7];
    expect(texts(fy2023()[0])).toEqual([
      ...FY2022_23_WORKSHOPS.map((w, i) => [String(i + 1), w.title, String(adm[i]), String(REPLIES[i])]),
      ["", "Sub-regional workshops", "44", "32 (73%)"],
      ["", "Regional workshops", "95", "38 (40%)"],
      ["", "Total", "139", "70 (50%)"],
    ]);
  });

  it("Table 2 prints the count of respondents per action and a total row, no percentages", () => {
    const table = fy2023()[1];
    expect(table.header).toEqual([
      "Workshop",
      "Shared materials",
      "Submitted reports",
      "Made recommendations",
      "In-house workshop",
      "Developed manuals / SOPs",
      "Others",
    ]);
    expect(texts(table)).toEqual([
      ...columns(
        [6, 8, 8, 4, 2, 5, 9, 3, 11, 2],
        [6, 7, 7, 4, 2, 5, 7, 5, 11, 2],
        [1, 2, 4, 3, 1, 4, 5, 4, 8, 2],
        [6, 6, 5, 2, 1, 4, 4, 1, 4, 3],
        [0, 1, 0, 2, 1, 1, 1, 1, 2, 2],
        [0, 0, 2, 4, 0, 3, 1, 0, 2, 2],
      ),
      ["Total", "58", "56", "34", "36", "11", "14"],
    ]);
  });

  it("Tables 3 and 5 print replies and yes, with the total yes as a count and a percent", () => {
    const tables = fy2023();
    expect(texts(tables[2])).toEqual([
      ...columns(REPLIES, [5, 3, 4, 3, 3, 3, 5, 3, 7, 3]),
      ["Total", "70", "39 (56%)"],
    ]);
    expect(texts(tables[4])).toEqual([
      ...columns(REPLIES, [6, 8, 8, 5, 3, 6, 10, 5, 12, 4]),
      ["Total", "70", "67 (96%)"],
    ]);
  });

  it("Table 6 prints yes and no, each total with its percent", () => {
    expect(texts(fy2023()[5])).toEqual([
      ...columns(REPLIES, [0, 3, 4, 4, 3, 2, 6, 4, 8, 2], [6, 5, 4, 2, 1, 4, 4, 1, 5, 2]),
      ["Total", "70", "36 (51%)", "34 (49%)"],
    ]);
  });

  it("Table 1 adds the workshop's month in brackets when it is known", () => {
    const workshops = FY2022_23_WORKSHOPS.map((w, i) => (i === 0 ? { ...w, month: "2022-11" } : w));
    const report = computeReport({ fiscalYear: "2022/23", workshops, replies: FY2022_23_REPLIES });
    expect(cellText(publishedTables(report, FY2022_23_REPLIES)[0].rows[0].cells[1])).toBe(
      `${workshops[0].title} (Nov. 2022)`,
    );
  });
});

describe("Tables 4 and 7 as published", () => {
  const workshop = (id: string): ReportWorkshop => ({
    id,
    title: `Workshop ${id}`,
    kind: "regional",
    fiscalYear: "2022/23",
    participatingAdministrations: 5,
    invitedParticipants: 10,
  });
  const reply = (workshopId: string, code: string, choices: string[], effects: string, projects: string) => {
    const answers: Answers = { followUpActions: { choices }, directEffects: effects, newProjects: projects };
    return { workshopId, administrationCode: code, answers } satisfies ReportReply;
  };
  // Arrival order: Tonga, Fiji, Samoa in A (not alphabetical); Vanuatu alone in B.
  const replies = [
    reply("A", "TO", ["shared_materials"], "yes", "no"),
    reply("A", "FJ", ["shared_materials", "inhouse_workshop", "submitted_report"], "no", "yes"),
    reply("A", "WS", ["made_recommendations"], "yes", "yes"),
    reply("B", "VU", ["inhouse_workshop"], "yes", "no"),
  ];
  const tables = publishedTables(
    computeReport({ fiscalYear: "2022/23", workshops: [workshop("A"), workshop("B")], replies }),
    replies,
  );

  it("lists administrations in reply-arrival order, underlines actions that led to the outcome and bolds the outcome", () => {
    const [a, b] = tables[3].rows;
    expect(a.cells.slice(1).map((c) => c.runs)).toEqual([
      [{ text: "TO", underline: true }, { text: ", " }, { text: "FJ" }],
      [{ text: "FJ" }],
      [{ text: "TO", bold: true }, { text: ", " }, { text: "WS" }],
    ]);
    expect(b.cells.slice(1).map((c) => c.runs)).toEqual([
      [{ text: "-" }],
      [{ text: "VU", underline: true }],
      [{ text: "VU", bold: true }],
    ]);
  });

  it("ends Table 4 with the totals, the 'presumably led to' and the 'attributed to' rows, and NB notes", () => {
    expect(texts(tables[3]).slice(2)).toEqual([
      ["Total", "2", "2", "3"],
      ["Presumably led to direct effects", "1 (50%)", "1 (50%)", "-"],
      ["Attributed to sharing and/or in-house workshops", "-", "-", "2 (67%)"],
    ]);
    expect(tables[3].notes.map((n) => n.slice(0, 4))).toEqual(["NB1:", "NB2:"]);
  });

  it("Table 7 marks reports and recommendations that led to new projects", () => {
    expect(texts(tables[6])).toEqual([
      ["1", "FJ", "WS", "FJ, WS"],
      ["2", "-", "-", "-"],
      ["Total", "1", "1", "2"],
      ["Presumably led to new projects", "1 (100%)", "1 (100%)", "-"],
      ["Attributed to reports and/or recommendations", "-", "-", "2 (100%)"],
    ]);
    expect(tables[6].rows[0].cells[3].runs).toEqual([
      { text: "FJ", bold: true },
      { text: ", " },
      { text: "WS", bold: true },
    ]);
  });
});

describe("workshop order and months", () => {
  it("numbers the organiser's chosen workshops first and keeps the rest in their order", () => {
    const ws = ["a", "b", "c", "d"].map((id) => ({ id }));
    expect(inReportOrder(ws, ["c", "x", "a"]).map((w) => w.id)).toEqual(["c", "a", "b", "d"]);
  });

  it("prints a month as the report does and refuses what is not a month", () => {
    expect(publishedMonth("2020-11")).toBe("Nov. 2020");
    expect(publishedMonth("2023-06-30")).toBe("June 2023");
    expect(publishedMonth("2023-13")).toBeNull();
    expect(publishedMonth(undefined)).toBeNull();
  });
});
