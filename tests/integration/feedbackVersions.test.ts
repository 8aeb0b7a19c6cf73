// Feedback versions: a preview shows what participants would see without storing it, and every published version is kept.
import { beforeAll, describe, expect, it } from "vitest";
import { consoleFeedback, feedbackVersionList, participantFeedback } from "../../src/shared/feedback";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { TO_APPLICATION, WORKSHOP_TITLE, workshopWithReply } from "./support/curationFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("feedback preview and published versions (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  let campaignId: string;
  let replyId: string;
  let fijiCode: string;
  const path = (rest = "") => `/api/console/campaigns/${campaignId}/feedback${rest}`;
  const body = (title: string, quote = true) => ({
    title,
    message: `Message of ${title}`,
    tables: [1],
    quoteIds: quote ? [{ replyId, questionId: "application" }] : [],
  });
  const versions = async () =>
    feedbackVersionList.parse(await (await consoleRequest(seeded.app, "GET", path("/versions"), seeded.viewer)).json());

  beforeAll(async () => {
    const made = await workshopWithReply(seeded.app, seeded.me);
    campaignId = made.campaign.campaign.id;
    replyId = made.replyId;
    fijiCode = made.code("FJ");
    const tagged = await consoleRequest(
      seeded.app,
      "PUT",
      `/api/console/replies/${replyId}/answers/application/tag`,
      seeded.me,
      {
        tag: "good_example",
        heading: "operational_improvement",
        quote: true,
      },
    );
    expect(tagged.status).toBe(200);
  });

  it("a preview shows what participants would see and stores nothing; viewers cannot ask for one", async () => {
    const res = await consoleRequest(seeded.app, "POST", path("/preview"), seeded.me, body("First draft"));
    expect(res.status).toBe(200);
    const preview = participantFeedback.parse(await res.json());
    expect(preview).toMatchObject({
      campaignId,
      workshopTitle: WORKSHOP_TITLE,
      title: "First draft",
      message: "Message of First draft",
      version: 1,
      quotes: [{ text: TO_APPLICATION, administration: "Tonga" }],
    });
    expect(preview.tables.map((t) => t.number)).toEqual([1]);
    expect((await consoleRequest(seeded.app, "POST", path("/preview"), seeded.viewer, body("x"))).status).toBe(403);
    const notPicked = await consoleRequest(seeded.app, "POST", path("/preview"), seeded.me, {
      ...body("x"),
      quoteIds: [{ replyId, questionId: "actionsDescription" }],
    });
    expect((await errorOf(notPicked)).code).toBe("unknown_quote");
    expect((await seeded.app.request(`/api/invitations/${fijiCode}/feedback`)).status).toBe(404);
    expect(await versions()).toEqual({ campaignId, current: null, versions: [] });
  });

  it("every publication is kept: the console reads the published text back, and unpublishing keeps the history", async () => {
    expect(
      (await consoleRequest(seeded.app, "PUT", path(), seeded.me, { ...body("Version one"), version: 0 })).status,
    ).toBe(200);
    const republished = await consoleRequest(seeded.app, "PUT", path(), seeded.me, {
      ...body("Version two", false),
      version: 1,
    });
    expect(consoleFeedback.parse(await republished.json()).version).toBe(2);

    // What the form loads after a reload: the published text, not defaults.
    const current = consoleFeedback.parse(await (await consoleRequest(seeded.app, "GET", path(), seeded.me)).json());
    expect(current).toMatchObject({
      title: "Version two",
      message: "Message of Version two",
      tables: [1],
      quoteIds: [],
    });

    const listed = await versions();
    expect(listed.current).toBe(2);
    expect(listed.versions.map((v) => [v.version, v.title, v.quoteIds.length, v.publishedByName])).toEqual([
      [2, "Version two", 0, "Test organiser"],
      [1, "Version one", 1, "Test organiser"],
    ]);
    expect(listed.versions[1]).toMatchObject({
      message: "Message of Version one",
      tables: [1],
      publishedAt: now.toISOString(),
    });

    expect((await consoleRequest(seeded.app, "DELETE", path(), seeded.me)).status).toBe(204);
    expect((await versions()).current).toBeNull();
    expect((await versions()).versions).toHaveLength(2);
    expect(
      (await consoleRequest(seeded.app, "PUT", path(), seeded.me, { ...body("Version three"), version: 2 })).status,
    ).toBe(200);
    expect((await versions()).versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });
});
