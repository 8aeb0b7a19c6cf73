// The report service on both engines: the year's workshops and replies, each report table, and the raw export.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answers } from "../../src/shared/answers";
import { followUpV1 } from "../../src/shared/questionnaires/index";
import { insertCampaign } from "../../src/server/db/campaigns";
import type { OutriggerDatabase } from "../../src/server/db/database";
import { insertWorkshops, upsertAdministrations, type WorkshopRecord } from "../../src/server/db/directory";
import { insertInvitations } from "../../src/server/db/invitations";
import { migrateToLatest } from "../../src/server/db/migrate";
import { insertQuestionnaire } from "../../src/server/db/questionnaires";
import { insertReplies } from "../../src/server/db/replies";
import { MEMBER_ADMINISTRATIONS } from "../../src/server/db/seedData";
import {
  buildReport,
  loadRepliesExport,
  loadReportInput,
  replyTracking,
  reportToSheets,
  toXlsx,
} from "../../src/server/report";
import { validAnswers } from "./support/replyFixtures";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";

const FY = "2022/23";
const created = new Date("2023-09-01T00:00:00.000Z");

const WORKSHOPS: WorkshopRecord[] = [
  // Stored participating administrations.
  {
    id: "t-a-aeo",
    title: "AEO for ASEAN members",
    kind: "sub-regional",
    mode: "in-person",
    fiscalYear: FY,
    startsOn: "2022-09-05",
    participatingAdministrations: 10,
  },
  // None stored: counted from workshop_administrations.
  {
    id: "t-b-rkc",
    title: "Revised Kyoto Convention",
    kind: "regional",
    mode: "in-person",
    fiscalYear: FY,
    startsOn: "2022-11-14",
  },
  // None stored, none listed: distinct administrations among the invitations. No replies.
  { id: "t-c-canines", title: "Canines", kind: "regional", mode: "hybrid", fiscalYear: FY, startsOn: "2023-02-20" },
  // The previous year and the next: only the previous one shows in the comparison.
  {
    id: "t-d-prev",
    title: "Previous year's workshop",
    kind: "regional",
    mode: "virtual",
    fiscalYear: "2021/22",
    startsOn: "2022-03-01",
    participatingAdministrations: 4,
  },
  {
    id: "t-e-next",
    title: "Next year's workshop",
    kind: "regional",
    mode: "virtual",
    fiscalYear: "2023/24",
    startsOn: "2023-08-01",
    participatingAdministrations: 4,
  },
];

const INVITATIONS: Record<string, Array<[code: string, administration: string]>> = {
  "t-a-aeo": [
    ["A-KH", "KH"],
    ["A-ID", "ID"],
    ["A-MY", "MY"],
    ["A-PH", "PH"],
    ["A-TH", "TH"],
    ["A-VN", "VN"],
  ],
  "t-b-rkc": [
    ["B-CN", "CN"],
    ["B-JP", "JP"],
    ["B-MN", "MN"],
    ["B-FJ", "FJ"],
  ],
  "t-c-canines": [
    ["C-FJ1", "FJ"],
    ["C-FJ2", "FJ"],
    ["C-WS", "WS"],
  ],
  "t-d-prev": [
    ["D-TO", "TO"],
    ["D-VU", "VU"],
  ],
  "t-e-next": [["E-TO", "TO"]],
};

function answers(code: string, overrides: Partial<Answers>, remove: string[] = []): Answers {
  const a: Answers = { ...validAnswers({ administration: code }), ...overrides } as Answers;
  for (const k of remove) delete a[k];
  return a;
}

// [invitation, received at, answers]
const REPLIES: Array<[string, string, Answers]> = [
  // Superseded by A-KH's later reply: its "developed manuals" must not count.
  [
    "A-KH",
    "2023-11-01T10:00:00.000Z",
    answers("KH", { followUpActions: { choices: ["developed_manuals"] }, directEffects: "no" }),
  ],
  [
    "A-ID",
    "2023-11-01T23:59:59.000Z",
    answers("ID", { followUpActions: { choices: ["shared_materials"] }, directEffects: "no" }),
  ],
  // Blank administration answer: the invitation's administration is used.
  [
    "A-MY",
    "2023-11-02T00:00:01.000Z",
    answers("", { followUpActions: { choices: ["inhouse_workshop"] }, directEffects: "yes" }),
  ],
  [
    "A-KH",
    "2023-11-03T09:00:00.000Z",
    answers("KH", { followUpActions: { choices: ["shared_materials", "submitted_report"] }, directEffects: "yes" }),
  ],
  // Skipped the direct-effects question.
  [
    "A-PH",
    "2023-11-03T12:00:00.000Z",
    answers(
      "PH",
      { followUpActions: { choices: ["shared_materials", "other"], specify: "Briefed the port authority" } },
      ["directEffects", "directEffectsDescription"],
    ),
  ],
  [
    "B-CN",
    "2023-11-05T08:00:00.000Z",
    answers("CN", { followUpActions: { choices: ["shared_materials"] }, directEffects: "yes" }),
  ],
  [
    "B-JP",
    "2023-11-05T20:00:00.000Z",
    answers("JP", { followUpActions: { choices: ["submitted_report"] }, directEffects: "no" }),
  ],
  [
    "D-TO",
    "2022-10-01T08:00:00.000Z",
    answers("TO", { followUpActions: { choices: ["shared_materials"] }, directEffects: "no" }),
  ],
  [
    "E-TO",
    "2024-03-01T08:00:00.000Z",
    answers("TO", { followUpActions: { choices: ["shared_materials"] }, directEffects: "yes" }),
  ],
];

async function seed(db: OutriggerDatabase): Promise<void> {
  await insertQuestionnaire(db, followUpV1);
  await upsertAdministrations(db, MEMBER_ADMINISTRATIONS);
  await insertWorkshops(db, WORKSHOPS);
  await db
    .insertInto("workshop_administrations")
    .values(["CN", "JP", "MN"].map((code) => ({ workshop_id: "t-b-rkc", administration_code: code })))
    .execute();
  const campaignOf = new Map<string, string>();
  for (const w of WORKSHOPS) {
    const campaignId = `${w.id}-follow-up`;
    await insertCampaign(
      db,
      {
        id: campaignId,
        workshopId: w.id,
        questionnaireId: followUpV1.id,
        questionnaireVersion: followUpV1.version,
        opensAt: created.toISOString(),
        dueOn: new Date(created.getTime() + 21 * 86_400_000).toISOString().slice(0, 10),
        lateRepliesAccepted: true,
        status: "open",
      },
      created,
    );
    await insertInvitations(
      db,
      INVITATIONS[w.id].map(([code, administrationCode]) => ({
        code,
        campaignId,
        administrationCode,
        participantName: `Participant ${code}`,
      })),
      created,
    );
    for (const [code] of INVITATIONS[w.id]) campaignOf.set(code, campaignId);
  }
  await insertReplies(
    db,
    REPLIES.map(([invitation, receivedAt, a], i) => ({
      id: `reply-${String(i).padStart(2, "0")}`,
      campaign_id: campaignOf.get(invitation)!,
      invitation_code: invitation,
      questionnaire_id: followUpV1.id,
      questionnaire_version: followUpV1.version,
      answers: JSON.stringify(a),
      started_at: new Date(Date.parse(receivedAt) - 3_600_000).toISOString(),
      submitted_at: new Date(Date.parse(receivedAt) - 60_000).toISOString(),
      app_version: "0.1.0",
      content_hash: `hash-${i}`,
      receipt_id: `receipt-${i}`,
      received_at: receivedAt,
    })),
  );
}

describe.each(ENGINES)("report service (%s)", (engine) => {
  let test: TestDatabase;
  let db: OutriggerDatabase;

  beforeAll(async () => {
    test = await createTestDatabase(engine);
    db = test.open();
    await migrateToLatest(db);
    await seed(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await test?.dispose();
  });

  it("loads the year's workshops with their counts and months, and one reply per invitation", async () => {
    const input = await loadReportInput(db, FY);
    expect(input.workshops).toEqual([
      {
        id: "t-a-aeo",
        title: "AEO for ASEAN members",
        kind: "sub-regional",
        fiscalYear: FY,
        participatingAdministrations: 10,
        invitedParticipants: 6,
        month: "2022-09",
      },
      {
        id: "t-b-rkc",
        title: "Revised Kyoto Convention",
        kind: "regional",
        fiscalYear: FY,
        participatingAdministrations: 3,
        invitedParticipants: 4,
        month: "2022-11",
      },
      {
        id: "t-c-canines",
        title: "Canines",
        kind: "regional",
        fiscalYear: FY,
        participatingAdministrations: 2,
        invitedParticipants: 3,
        month: "2023-02",
      },
    ]);
    expect(input.replies).toHaveLength(6);
    const kh = input.replies.filter((r) => r.administrationCode === "KH");
    expect(kh).toHaveLength(1);
    expect(kh[0].answers.followUpActions).toEqual({ choices: ["shared_materials", "submitted_report"] });
    expect(
      input.replies.find((r) => r.workshopId === "t-a-aeo" && r.answers.administration === "")?.administrationCode,
    ).toBe("MY");
  });

  it("Table 1: replies and both rates, with subtotals and the total", async () => {
    const { report } = await buildReport(db, FY);
    const t = report.tables.replies;
    expect(
      t.rows.map((r) => [
        r.participatingAdministrations,
        r.invitedParticipants,
        r.replies,
        r.ratePerAdministration,
        r.ratePerParticipant,
      ]),
    ).toEqual([
      [10, 6, 4, 40, 67],
      [3, 4, 2, 67, 50],
      [2, 3, 0, 0, 0],
    ]);
    expect(
      t.subtotals.map((s) => [
        s.kind,
        s.workshops,
        s.participatingAdministrations,
        s.invitedParticipants,
        s.replies,
        s.ratePerAdministration,
        s.ratePerParticipant,
      ]),
    ).toEqual([
      ["sub-regional", 1, 10, 6, 4, 40, 67],
      ["regional", 2, 5, 7, 2, 40, 29],
    ]);
    expect(t.total).toMatchObject({
      participatingAdministrations: 15,
      invitedParticipants: 13,
      replies: 6,
      respondingAdministrations: 6,
      ratePerAdministration: 40,
      ratePerParticipant: 46,
    });
    expect(report.replies).toBe(6);
    expect(report.ignoredReplies).toBe(0);
  });

  it("Table 2: follow-up actions count the latest reply of an invitation only", async () => {
    const { report } = await buildReport(db, FY);
    const t = report.tables.followUpActions;
    const counts = (row: (typeof t.rows)[number] | typeof t.total) =>
      Object.fromEntries(Object.entries(row.actions).map(([k, v]) => [k, v.count]));
    expect(counts(t.rows[0])).toEqual({
      shared_materials: 3,
      submitted_report: 1,
      made_recommendations: 0,
      inhouse_workshop: 1,
      developed_manuals: 0,
      other: 1,
    });
    expect(counts(t.rows[1])).toEqual({
      shared_materials: 1,
      submitted_report: 1,
      made_recommendations: 0,
      inhouse_workshop: 0,
      developed_manuals: 0,
      other: 0,
    });
    expect(t.rows[2]).toMatchObject({ replies: 0, answered: 0 });
    expect(t.rows[2].actions.shared_materials).toEqual({ count: 0, percent: null });
    expect(t.total.replies).toBe(6);
    expect(Object.fromEntries(Object.entries(t.total.actions).map(([k, v]) => [k, [v.count, v.percent]]))).toEqual({
      shared_materials: [4, 67],
      submitted_report: [2, 33],
      made_recommendations: [0, 0],
      inhouse_workshop: [1, 17],
      developed_manuals: [0, 0],
      other: [1, 17],
    });
  });

  it("Table 3: direct effects, a skipped answer counted in replies only", async () => {
    const { report } = await buildReport(db, FY);
    const t = report.tables.directEffects;
    expect(t.rows.map((r) => [r.replies, r.yes, r.no, r.unanswered, r.yesPercent])).toEqual([
      [4, 2, 1, 1, 50],
      [2, 1, 1, 0, 50],
      [0, 0, 0, 0, null],
    ]);
    expect(t.total).toMatchObject({ replies: 6, yes: 3, no: 2, unanswered: 1, yesPercent: 50, noPercent: 33 });
  });

  it("gives the previous year's report and the comparison when that year has workshops", async () => {
    const built = await buildReport(db, FY);
    expect(built.previous?.fiscalYear).toBe("2021/22");
    expect(built.previous?.tables.replies.total).toMatchObject({
      participatingAdministrations: 4,
      invitedParticipants: 2,
      replies: 1,
      ratePerAdministration: 25,
    });
    const shared = built.comparison.find((c) => c.key === "followUpActions.shared_materials")!;
    expect(shared).toMatchObject({ previous: 100, current: 67, text: "100% → 67%" });

    const earliest = await buildReport(db, "2021/22");
    expect(earliest.previous).toBeNull();
    expect(earliest.comparison.every((c) => c.text === null)).toBe(true);

    const empty = await buildReport(db, "2019/20");
    expect(empty.report.workshops).toEqual([]);
    expect(empty.report.tables.replies.total).toMatchObject({ replies: 0, ratePerAdministration: null });
    await expect(buildReport(db, "2022/24")).rejects.toThrow(RangeError);
  });

  it("tracking: per workshop figures and replies per UTC day, cumulative", async () => {
    const tracking = await replyTracking(db, FY);
    expect(
      tracking.table.rows.map((r) => [
        r.workshopId,
        r.invitedParticipants,
        r.participatingAdministrations,
        r.replies,
        r.ratePerAdministration,
        r.ratePerParticipant,
      ]),
    ).toEqual([
      ["t-a-aeo", 6, 10, 4, 40, 67],
      ["t-b-rkc", 4, 3, 2, 67, 50],
      ["t-c-canines", 3, 2, 0, 0, 0],
    ]);
    expect(tracking.table.subtotals.map((s) => [s.kind, s.replies])).toEqual([
      ["sub-regional", 4],
      ["regional", 2],
    ]);
    expect(tracking.repliesOverTime).toEqual([
      { date: "2023-11-01", replies: 1, cumulative: 1 },
      { date: "2023-11-02", replies: 1, cumulative: 2 },
      { date: "2023-11-03", replies: 2, cumulative: 4 },
      { date: "2023-11-04", replies: 0, cumulative: 4 },
      { date: "2023-11-05", replies: 2, cumulative: 6 },
    ]);
    expect(tracking.supersededReplies).toBe(1);
    expect(tracking.lastReplyAt).toEqual({
      "t-a-aeo": "2023-11-03T12:00:00.000Z",
      "t-b-rkc": "2023-11-05T20:00:00.000Z",
    });
  });

  it("exports the raw replies (superseded ones marked) and an XLSX with the report's numbers", async () => {
    const [exported] = await loadRepliesExport(db, FY);
    expect(exported.questionnaire.id).toBe(followUpV1.id);
    expect(exported.rows).toHaveLength(1 + 7);
    const counted = exported.rows.slice(1).map((r) => [r[0], r[6]]);
    expect(counted).toContainEqual(["reply-00", "no"]);
    expect(counted.filter(([, c]) => c === "yes")).toHaveLength(6);

    const { report } = await buildReport(db, FY);
    const files = unzipSync(toXlsx(reportToSheets(report)));
    const sheet1 = strFromU8(files["xl/worksheets/sheet1.xml"]);
    // The total row of Table 1: 15 administrations, 13 invited, 6 replies.
    expect(sheet1).toMatch(/<c r="D7"><v>15<\/v><\/c><c r="E7"><v>13<\/v><\/c><c r="F7"><v>6<\/v><\/c>/);
  });
});
