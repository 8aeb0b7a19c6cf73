// Curating a year's answers as an office does: "Other — specify" answers offered, excerpts only from the answer,
// filters, many answers tagged with one request, and the picked quotes carried by every export.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { bulkTagResult } from "../../src/shared/curation";
import { freeTextAnswerList, type FreeTextAnswer } from "../../src/shared/feedback";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { FISCAL_YEAR_PATH, TO_APPLICATION, workshopWithReply } from "./support/curationFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";
import { sheetRows } from "./support/xlsxRows";

const FJ_OTHER = "Briefed the port health authority on the new inspection checklist.";
const SECOND_WORKSHOP = "National Workshop on Risk Management";

describe.each(ENGINES)("curating a year's answers (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  let firstWorkshop: string;
  let secondWorkshop: string;
  let toReply: string;
  let fjReply: string;
  let wsReply: string;
  const report = `/api/console/report/${FISCAL_YEAR_PATH}`;
  const tagPath = (replyId: string, questionId: string) => `/api/console/replies/${replyId}/answers/${questionId}/tag`;
  const answers = async (query = ""): Promise<FreeTextAnswer[]> => {
    const res = await consoleRequest(seeded.app, "GET", `${report}/answers${query}`, seeded.viewer);
    expect(res.status).toBe(200);
    return freeTextAnswerList.parse(await res.json()).answers;
  };

  beforeAll(async () => {
    const first = await workshopWithReply(seeded.app, seeded.me);
    firstWorkshop = first.workshopId;
    toReply = first.replyId;
    const fj = validReply({
      campaignId: first.campaign.campaign.id,
      invitationCode: first.code("FJ"),
      answers: validAnswers({
        administration: "FJ",
        followUpActions: { choices: ["shared_materials", "other"], specify: FJ_OTHER },
      }),
      submittedAt: "2024-03-05T09:56:00.000Z",
    });
    const second = await workshopWithCampaign(seeded.app, seeded.me, {
      title: SECOND_WORKSHOP,
      participants: [{ name: "Tavita Leota", administrationCode: "WS", email: "tavita@example.org" }],
    });
    secondWorkshop = second.workshopId;
    const ws = validReply({
      campaignId: second.campaign.campaign.id,
      invitationCode: second.code("WS"),
      answers: validAnswers({ administration: "WS" }),
      submittedAt: "2024-03-05T09:57:00.000Z",
    });
    const batch = await postBatch(seeded.app, [fj, ws]);
    expect(batch.results.map((r) => r.outcome)).toEqual(["stored", "stored"]);
    fjReply = fj.id;
    wsReply = ws.id;
  });

  it("offers the 'Other — please specify' text as an answer to curate, and quotes it like any other", async () => {
    const other = (await answers("?question=followUpActions")).map((a) => [a.replyId, a.text, a.questionLabel]);
    expect(other).toEqual([
      [fjReply, FJ_OTHER, "After returning home, which follow-up actions did you take? — Other (please specify)"],
    ]);
    const res = await consoleRequest(seeded.app, "PUT", tagPath(fjReply, "followUpActions"), seeded.me, {
      tag: "good_example",
      heading: "others_actions",
      quote: true,
      excerpt: "the port health authority",
    });
    expect(res.status).toBe(200);
    const quotes = (await (await consoleRequest(seeded.app, "GET", `${report}/quotes`, seeded.me)).json()) as {
      headings: Array<{ heading: string; quotes: Array<{ text: string }> }>;
    };
    expect(quotes.headings).toMatchObject([
      { heading: "others_actions", quotes: [{ text: "the port health authority" }] },
    ]);
    // A reply without "Other" has nothing to curate there.
    expect(
      (
        await consoleRequest(seeded.app, "PUT", tagPath(toReply, "followUpActions"), seeded.me, {
          tag: "good_example",
          heading: "others_actions",
          quote: false,
        })
      ).status,
    ).toBe(404);
  });

  it("refuses an excerpt that is not in the answer (422 excerpt_not_in_answer) and keeps the answer untouched", async () => {
    const res = await consoleRequest(seeded.app, "PUT", tagPath(toReply, "application"), seeded.me, {
      tag: "success_story",
      heading: "operational_improvement",
      quote: true,
      excerpt: "We halved clearance times",
    });
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("excerpt_not_in_answer");
    expect(error.message).toMatch(/not in the answer/);
    expect((await answers("?question=application")).find((a) => a.replyId === toReply)?.tag).toBeUndefined();

    // Words selected on screen lose the answer's line breaks and spacing: they still count as the answer's words.
    const selected = await consoleRequest(seeded.app, "PUT", tagPath(toReply, "application"), seeded.me, {
      tag: "success_story",
      heading: "operational_improvement",
      quote: true,
      excerpt: "removed a  duplicate\ndocument check",
    });
    expect(selected.status).toBe(200);
    expect((await answers("?question=application")).find((a) => a.replyId === toReply)).toMatchObject({
      text: TO_APPLICATION,
      excerpt: "removed a duplicate document check",
    });
  });

  it("filters the answers by workshop, by question and to the untagged ones", async () => {
    const ofSecond = await answers(`?workshop=${secondWorkshop}`);
    expect(ofSecond.length).toBeGreaterThan(0);
    expect(ofSecond.every((a) => a.replyId === wsReply && a.workshopId === secondWorkshop)).toBe(true);
    const ofFirst = await answers(`?workshop=${firstWorkshop}&question=application`);
    expect(ofFirst.map((a) => a.replyId).sort()).toEqual([toReply, fjReply].sort());

    const untagged = await answers("?untagged=true");
    expect(untagged.every((a) => a.tag === undefined)).toBe(true);
    const keys = untagged.map((a) => `${a.replyId}/${a.questionId}`);
    expect(keys).not.toContain(`${toReply}/application`);
    expect(keys).not.toContain(`${fjReply}/followUpActions`);
    expect(keys).toContain(`${wsReply}/application`);
    expect(untagged.length).toBe((await answers()).length - 2);

    for (const query of ["?untagged=yes", "?workshop=a%20b"]) {
      const bad = await consoleRequest(seeded.app, "GET", `${report}/answers${query}`, seeded.me);
      expect(bad.status, query).toBe(400);
    }
  });

  it("tags many answers with one request, keeping each answer's picked quote and excerpt", async () => {
    const chosen = [
      { replyId: toReply, questionId: "application" },
      { replyId: wsReply, questionId: "application" },
      { replyId: wsReply, questionId: "directEffectsDescription" },
    ];
    const res = await consoleRequest(seeded.app, "POST", `${report}/answers/tags`, seeded.me, {
      answers: chosen,
      tag: "strategic_empowerment",
      heading: "strategic_empowerment",
    });
    expect(res.status).toBe(200);
    expect(bulkTagResult.parse(await res.json())).toEqual({ tagged: 3 });
    const all = await answers();
    const find = (replyId: string, questionId: string) =>
      all.find((a) => a.replyId === replyId && a.questionId === questionId);
    expect(find(toReply, "application")).toMatchObject({
      tag: "strategic_empowerment",
      heading: "strategic_empowerment",
      quote: true,
      excerpt: "removed a duplicate document check",
    });
    expect(find(wsReply, "application")).toMatchObject({ tag: "strategic_empowerment", quote: false });
    expect(find(wsReply, "directEffectsDescription")?.tag).toBe("strategic_empowerment");
    expect(find(wsReply, "actionsDescription")?.tag).toBeUndefined();
  });

  it("refuses a bulk request naming an unknown answer, tagging none of them; viewers may not bulk-tag", async () => {
    const body = {
      answers: [
        { replyId: wsReply, questionId: "actionsDescription" },
        { replyId: wsReply, questionId: "name" },
      ],
      tag: "good_example",
      heading: "new_projects",
    };
    const res = await consoleRequest(seeded.app, "POST", `${report}/answers/tags`, seeded.me, body);
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe("answer_not_found");
    expect(error.details?.map((d) => d.path)).toEqual(["answers.1"]);
    expect((await answers()).find((a) => a.replyId === wsReply && a.questionId === "actionsDescription")?.tag).toBe(
      undefined,
    );
    expect((await consoleRequest(seeded.app, "POST", `${report}/answers/tags`, seeded.viewer, body)).status).toBe(403);
    const empty = await consoleRequest(seeded.app, "POST", `${report}/answers/tags`, seeded.me, {
      ...body,
      answers: [],
    });
    expect(empty.status).toBe(400);
  });

  it("carries the picked quotes in the JSON, the XLSX (a Quotes sheet) and quotes.csv", async () => {
    const expected = [
      "Others' actions",
      "the port health authority",
      "Fiji",
      "FJ",
      "Sub-regional Workshop on Post-Clearance Audit",
      "Good example",
      "no",
    ];
    const json = (await (await consoleRequest(seeded.app, "GET", `${report}/export.json`, seeded.viewer)).json()) as {
      quotes: Array<{ heading: string; quotes: Array<{ text: string; administration: { code: string } }> }>;
    };
    expect(json.quotes.map((h) => [h.heading, h.quotes.map((q) => `${q.administration.code}: ${q.text}`)])).toEqual([
      ["others_actions", ["FJ: the port health authority"]],
      ["strategic_empowerment", ["TO: removed a duplicate document check"]],
    ]);

    const xlsx = await consoleRequest(seeded.app, "GET", `${report}/export.xlsx`, seeded.viewer);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const names = [...strFromU8(files["xl/workbook.xml"]).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names.at(-1)).toBe("Quotes");
    const sheet = sheetRows(strFromU8(files[`xl/worksheets/sheet${names.length}.xml`]));
    expect(sheet[0]).toEqual([
      "Heading",
      "Quote",
      "Administration",
      "Administration code",
      "Workshop",
      "Tag",
      "Needs review",
    ]);
    expect(sheet[1]).toEqual(expected);
    expect(sheet).toHaveLength(3);

    const csv = await consoleRequest(seeded.app, "GET", `${report}/quotes.csv`, seeded.viewer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="outrigger-report-2023-24-quotes.csv"');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[1]).toBe(expected.map((cell) => (cell.includes(",") ? `"${cell}"` : cell)).join(","));
    expect(lines).toHaveLength(3);
  });
});
