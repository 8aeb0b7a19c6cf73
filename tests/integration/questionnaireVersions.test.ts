// Questionnaire v2 on the real server: "none yet" replies are stored, combinations refused, v1 campaigns keep working, and both land in one report.
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Answers } from "../../src/shared/answers";
import { questionnaireVersionList, type CampaignDetail } from "../../src/shared/console";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import type { BuiltReport } from "../../src/server/report";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole, workshopWithCampaign } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";
import { sheetRows } from "./support/xlsxRows";

const NONE_YET: Partial<Answers> = {
  followUpActions: { choices: ["none_yet"] },
  actionsDescription: undefined,
  application: "Not yet: the new procedures wait for the minister's approval.",
  directEffects: "no",
  directEffectsDescription: undefined,
  efficiencyImproved: "yes",
  newProjects: "no",
};

describe.each(ENGINES)("questionnaire versions 1 and 2 (%s)", (engine) => {
  const start = new Date("2026-02-15T09:00:00.000Z");
  const seeded = seededConsole(engine, () => start, { signIn: "organiser and viewer" });
  const campaigns: Record<"v1" | "v2", CampaignDetail> = {} as Record<"v1" | "v2", CampaignDetail>;
  const code = (which: "v1" | "v2", admin: string) =>
    campaigns[which].invitations.find((i) => i.administrationCode === admin)!.code;
  const reply = (which: "v1" | "v2", admin: string, answers: Partial<Answers>) =>
    validReply({
      campaignId: campaigns[which].campaign.id,
      invitationCode: code(which, admin),
      questionnaireVersion: which === "v1" ? 1 : 2,
      answers: validAnswers({ administration: admin, ...answers }),
    });

  const workshopWithCampaignFor = async (title: string, admins: string[], campaign: object): Promise<CampaignDetail> =>
    (
      await workshopWithCampaign(seeded.app, seeded.me, {
        title,
        startsOn: "2025-08-04",
        endsOn: "2025-08-08",
        participants: admins.map((admin) => ({
          name: `Participant ${admin}`,
          administrationCode: admin,
          email: `p-${admin.toLowerCase()}@example.org`,
        })),
        campaign,
      })
    ).campaign;

  beforeAll(async () => {
    campaigns.v1 = await workshopWithCampaignFor(
      "Sub-regional Workshop on Risk Management (opened on v1)",
      ["FJ", "PG"],
      { questionnaireVersion: 1 },
    );
    campaigns.v2 = await workshopWithCampaignFor(
      "Sub-regional Workshop on Training Management",
      ["TO", "WS", "VU"],
      {},
    );
  });

  it("lists both stored versions, newest first, to anyone signed in and to no one else", async () => {
    const res = await consoleRequest(seeded.app, "GET", "/api/console/questionnaires", seeded.viewer);
    expect(res.status).toBe(200);
    const list = questionnaireVersionList.parse(await res.json());
    expect(list.questionnaires.map((q) => [q.id, q.version, q.title])).toEqual([
      ["follow-up", 2, followUpV2.title],
      ["follow-up", 1, followUpV1.title],
    ]);
    expect((await consoleRequest(seeded.app, "GET", "/api/console/questionnaires", undefined)).status).toBe(401);
  });

  it("opens new campaigns on the newest version unless the organiser picks one", () => {
    expect(campaigns.v2.campaign.questionnaireVersion).toBe(2);
    expect(campaigns.v1.campaign.questionnaireVersion).toBe(1);
  });

  it("stores a 'none yet' reply on v2 and refuses one that combines it with an action, naming the question", async () => {
    const { results } = await postBatch(seeded.app, [
      reply("v2", "TO", NONE_YET),
      reply("v2", "WS", { ...NONE_YET, followUpActions: { choices: ["none_yet", "shared_materials"] } }),
    ]);
    expect(results[0].outcome).toBe("stored");
    expect(results[1]).toMatchObject({ outcome: "rejected", status: 422, error: { code: "invalid_answers" } });
    const details = results[1].outcome === "rejected" ? results[1].error.details : [];
    expect(details).toEqual([expect.objectContaining({ path: "answers.followUpActions", code: "exclusive_choice" })]);
    expect(
      await seeded.ctx.db.selectFrom("replies").select("id").where("invitation_code", "=", code("v2", "WS")).execute(),
    ).toEqual([]);
  });

  it("keeps v1 campaigns pinned to v1: its replies are stored, and 'none yet' is not one of its options", async () => {
    const { results } = await postBatch(seeded.app, [
      reply("v1", "FJ", { followUpActions: { choices: ["shared_materials", "inhouse_workshop"] } }),
      reply("v1", "PG", NONE_YET),
    ]);
    expect(results[0].outcome).toBe("stored");
    expect(results[1]).toMatchObject({ outcome: "rejected", error: { code: "invalid_answers" } });
    const wrongVersion = await postBatch(seeded.app, [{ ...reply("v1", "PG", {}), questionnaireVersion: 2 }]);
    expect(wrongVersion.results[0]).toMatchObject({
      outcome: "rejected",
      error: { code: "wrong_questionnaire_version" },
    });
  });

  it("reports v1 and v2 replies in the same tables, with 'none yet' answered but no action, in JSON and XLSX alike", async () => {
    const more = await postBatch(seeded.app, [
      reply("v2", "VU", { followUpActions: { choices: ["submitted_report"] } }),
    ]);
    expect(more.results[0].outcome).toBe("stored");
    const built = (await (
      await consoleRequest(seeded.app, "GET", "/api/console/report/2025-26", seeded.viewer)
    ).json()) as BuiltReport;
    const t = built.report.tables;
    expect(t.followUpActions.total).toMatchObject({ replies: 3, answered: 3, noActionYet: 1 });
    expect(t.followUpActions.total.actions.shared_materials.count).toBe(1);
    expect(t.followUpActions.total.actions.submitted_report.count).toBe(1);
    expect(t.directEffects.total).toMatchObject({ replies: 3, yes: 2, no: 1 });
    expect(t.newProjects.total).toMatchObject({ replies: 3, no: 3 });

    const xlsx = await consoleRequest(seeded.app, "GET", "/api/console/report/2025-26/export.xlsx", seeded.viewer);
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const table2 = sheetRows(strFromU8(files["xl/worksheets/sheet2.xml"]));
    const total = table2.find((r) => typeof r[1] === "string" && r[1].startsWith("Total ("))!;
    expect(total[table2[0].indexOf("No action yet")]).toBe(1);
    expect(total[table2[0].indexOf("Answered")]).toBe(3);
    // Raw replies: one block per questionnaire version, each with its own header; v2's has the new questions.
    const replies = sheetRows(strFromU8(files["xl/worksheets/sheet8.xml"]));
    const headers = replies.filter((r) => r[0] === "Reply id");
    expect(headers).toHaveLength(2);
    expect(headers.filter((h) => h.includes("Which kind of workshop suits you better?"))).toHaveLength(1);
    expect(replies.flat()).toContain("I have not taken any follow-up action yet");
  });
});
