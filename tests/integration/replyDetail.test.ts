// Reading one reply in full from the console: its own questionnaire version, who sent it, whether it counts
// (superseded and withdrawn marked), its curation tags; 404 for an unknown id; any signed-in role, nobody else.
import { describe, expect, it } from "vitest";
import { replyDetail } from "../../src/shared/replyDetail";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { TO_APPLICATION, WORKSHOP_TITLE, workshopWithReply } from "./support/curationFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("reading one reply in full (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  const read = async (replyId: string, who = seeded.viewer) =>
    consoleRequest(seeded.app, "GET", `/api/console/replies/${replyId}`, who);

  it("a reply reads with its questionnaire, respondent, workshop, times and tags, and counts until a later one arrives", async () => {
    const { campaign, replyId, code } = await workshopWithReply(seeded.app, seeded.me);
    const tagged = await consoleRequest(
      seeded.app,
      "PUT",
      `/api/console/replies/${replyId}/answers/application/tag`,
      seeded.me,
      { tag: "success_story", heading: "operational_improvement", quote: true },
    );
    expect(tagged.status).toBe(200);

    const res = await read(replyId);
    expect(res.status).toBe(200);
    const detail = replyDetail.parse(await res.json());
    expect(detail).toMatchObject({
      id: replyId,
      invitationCode: code("TO"),
      submittedAt: "2024-03-05T09:55:00.000Z",
      receivedAt: now.toISOString(),
      respondent: { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
      workshop: { title: WORKSHOP_TITLE, fiscalYear: "2023/24" },
      campaign: { id: campaign.campaign.id, status: "open" },
      counts: true,
      excludedBecause: null,
      supersededBy: null,
    });
    expect(detail.questionnaire.version).toBe(campaign.campaign.questionnaireVersion);
    expect(detail.answers.application).toBe(TO_APPLICATION);
    expect(detail.tags).toEqual([expect.objectContaining({ questionId: "application", tag: "success_story" })]);
    expect(detail.attachments).toEqual([]);

    const later = validReply({
      campaignId: campaign.campaign.id,
      invitationCode: code("TO"),
      answers: validAnswers({
        administration: "TO",
        followUpActions: { choices: ["other"], specify: "Briefed the port authority" },
      }),
      startedAt: "2024-03-05T09:56:00.000Z",
      submittedAt: "2024-03-05T09:58:00.000Z",
    });
    expect((await postBatch(seeded.app, [later])).results[0].outcome).toBe("stored");
    const first = replyDetail.parse(await (await read(replyId)).json());
    expect(first).toMatchObject({ counts: false, excludedBecause: "superseded" });
    // Same received time (the fixed clock): the later submission wins, as in the report.
    expect(first.supersededBy).toBe(later.id.toLowerCase());
    const second = replyDetail.parse(await (await read(later.id)).json());
    expect(second).toMatchObject({ counts: true, supersededBy: null });
    expect(second.answers.followUpActions).toEqual({ choices: ["other"], specify: "Briefed the port authority" });
  });

  it("a withdrawn invitation's reply is marked as not counting", async () => {
    const { campaign, replyId, code } = await workshopWithReply(seeded.app, seeded.me);
    const path = `/api/console/campaigns/${campaign.campaign.id}/invitations/${code("TO")}/withdraw`;
    expect((await consoleRequest(seeded.app, "POST", path, seeded.me)).status).toBe(200);
    const detail = replyDetail.parse(await (await read(replyId, seeded.me)).json());
    expect(detail).toMatchObject({ counts: false, excludedBecause: "invitation_withdrawn" });
  });

  it("an unknown reply id is a 404 JSON error, and a visitor without a session is turned away", async () => {
    const unknown = await read("0193a000-0000-7000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({
      code: "reply_not_found",
      message: "There is no reply with this id.",
    });
    const { replyId } = await workshopWithReply(seeded.app, seeded.me);
    const anonymous = await seeded.app.request(`/api/console/replies/${replyId}`);
    expect(anonymous.status).toBe(401);
  });
});
