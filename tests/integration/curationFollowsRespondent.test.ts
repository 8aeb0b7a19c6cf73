// Curation follows the respondent: when an invitation sends a newer reply, its tags and picked quotes carry over
// (or are flagged for review with both versions), in the console lists and in feedback already published.
import { beforeAll, describe, expect, it } from "vitest";
import { freeTextAnswerList, participantFeedback, reportQuotes } from "../../src/shared/feedback";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { FISCAL_YEAR_PATH, TO_APPLICATION, workshopWithReply } from "./support/curationFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const EXCERPT = "removed a duplicate document check";

describe.each(ENGINES)("curation follows the respondent across a newer reply (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  let campaignId: string;
  let firstReplyId: string;
  let tongaCode: string;
  let fijiCode: string;
  const answersPath = `/api/console/report/${FISCAL_YEAR_PATH}/answers?question=application`;
  const quotesPath = `/api/console/report/${FISCAL_YEAR_PATH}/quotes`;

  const replyAgain = async (application: string, submittedAt: string): Promise<string> => {
    const reply = validReply({
      campaignId,
      invitationCode: tongaCode,
      answers: validAnswers({ administration: "TO", application }),
      startedAt: "2024-03-05T09:00:00.000Z",
      submittedAt,
    });
    expect((await postBatch(seeded.app, [reply])).results[0].outcome).toBe("stored");
    return reply.id;
  };
  const listed = async () =>
    freeTextAnswerList.parse(await (await consoleRequest(seeded.app, "GET", answersPath, seeded.viewer)).json())
      .answers;
  const quotes = async () =>
    reportQuotes.parse(await (await consoleRequest(seeded.app, "GET", quotesPath, seeded.viewer)).json()).headings;
  const participantQuotes = async () =>
    participantFeedback.parse(await (await seeded.app.request(`/api/invitations/${fijiCode}/feedback`)).json()).quotes;

  beforeAll(async () => {
    const made = await workshopWithReply(seeded.app, seeded.me);
    campaignId = made.campaign.campaign.id;
    firstReplyId = made.replyId;
    tongaCode = made.code("TO");
    fijiCode = made.code("FJ");
    const tagged = await consoleRequest(
      seeded.app,
      "PUT",
      `/api/console/replies/${firstReplyId}/answers/application/tag`,
      seeded.me,
      { tag: "success_story", heading: "operational_improvement", quote: true, excerpt: EXCERPT },
    );
    expect(tagged.status).toBe(200);
    const published = await consoleRequest(
      seeded.app,
      "PUT",
      `/api/console/campaigns/${campaignId}/feedback`,
      seeded.me,
      {
        version: 0,
        title: "Good examples",
        message: "",
        tables: [1],
        quoteIds: [{ replyId: firstReplyId, questionId: "application" }],
      },
    );
    expect(published.status).toBe(200);
  });

  it("a correction that keeps the quoted words carries the tag and the quote over to the newer reply", async () => {
    const corrected = `${TO_APPLICATION} We also trained the night shift.`;
    const secondId = await replyAgain(corrected, "2024-03-05T09:58:00.000Z");
    const answers = await listed();
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      replyId: secondId,
      text: corrected,
      tag: "success_story",
      heading: "operational_improvement",
      quote: true,
      excerpt: EXCERPT,
      carriedOver: { fromReplyId: firstReplyId, previousText: TO_APPLICATION, needsReview: false },
    });
    const headings = await quotes();
    expect(headings.map((h) => h.quotes.map((q) => [q.replyId, q.text, q.needsReview]))).toEqual([
      [[secondId, EXCERPT, undefined]],
    ]);
    // Feedback published with the first reply's id still shows the quote to participants.
    expect((await participantQuotes()).map((q) => q.text)).toEqual([EXCERPT]);
  });

  it("a newer reply without the quoted words keeps the quote, flagged for review with both versions", async () => {
    const rewritten = "We rewrote the clearance manual with the General Annex in mind.";
    const thirdId = await replyAgain(rewritten, "2024-03-05T09:59:00.000Z");
    const [answer] = await listed();
    expect(answer).toMatchObject({
      replyId: thirdId,
      text: rewritten,
      quote: true,
      carriedOver: { fromReplyId: firstReplyId, previousText: TO_APPLICATION, needsReview: true },
    });
    const [heading] = await quotes();
    expect(heading.quotes).toMatchObject([{ replyId: thirdId, text: EXCERPT, needsReview: true }]);
    expect((await participantQuotes()).map((q) => q.text)).toEqual([EXCERPT]);

    // Reviewing it (saving a tag on the newer reply) makes the tag the newer reply's own.
    const reviewed = await consoleRequest(
      seeded.app,
      "PUT",
      `/api/console/replies/${thirdId}/answers/application/tag`,
      seeded.me,
      {
        tag: "success_story",
        heading: "operational_improvement",
        quote: true,
        excerpt: "rewrote the clearance manual",
      },
    );
    expect(reviewed.status).toBe(200);
    const [after] = await listed();
    expect(after.carriedOver).toBeUndefined();
    expect(after.excerpt).toBe("rewrote the clearance manual");
    expect((await participantQuotes()).map((q) => q.text)).toEqual(["rewrote the clearance manual"]);

    // Removing the tag on the newer reply removes it for the respondent: the earlier tag does not come back.
    expect(
      (await consoleRequest(seeded.app, "DELETE", `/api/console/replies/${thirdId}/answers/application/tag`, seeded.me))
        .status,
    ).toBe(204);
    expect((await listed())[0].tag).toBeUndefined();
    expect(await quotes()).toEqual([]);
    expect(await participantQuotes()).toEqual([]);
  });
});
