// Feedback to participants: only organisers publish it, and invitations (replied or not) read the chosen tables and quotes.
import { beforeAll, describe, expect, it } from "vitest";
import { consoleFeedback, participantFeedback } from "../../src/shared/feedback";
import { buildReport, tableToRows } from "../../src/server/report";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { TO_APPLICATION, WORKSHOP_TITLE, workshopWithReply } from "./support/curationFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("feedback to participants (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  let campaignId: string;
  let replyId: string;
  let fijiCode: string;
  let etag1: string;
  const feedbackPath = () => `/api/console/campaigns/${campaignId}/feedback`;
  const participantPath = () => `/api/invitations/${fijiCode}/feedback`;
  /** The feedback, published over `version` (0 before the first). */
  const publish = (version = 0) => ({
    version,
    title: "What participants did after the workshop",
    message: "Thank you to everyone who replied.",
    tables: [2, 1, 2],
    quoteIds: [{ replyId, questionId: "application" }],
  });

  beforeAll(async () => {
    const made = await workshopWithReply(seeded.app, seeded.me);
    campaignId = made.campaign.campaign.id;
    replyId = made.replyId;
    // Fiji was invited and never replied.
    fijiCode = made.code("FJ");
    expect(made.campaign.invitations.find((i) => i.code === fijiCode)!.replied).toBe(false);
    const tagged = await consoleRequest(
      seeded.app,
      "PUT",
      `/api/console/replies/${replyId}/answers/application/tag`,
      seeded.me,
      { tag: "success_story", heading: "operational_improvement", quote: true },
    );
    expect(tagged.status).toBe(200);
  });

  it("before publishing there is no feedback (404 no_feedback); an unknown code is 404, a malformed one 400", async () => {
    const none = await seeded.app.request(participantPath());
    expect(none.status).toBe(404);
    expect((await errorOf(none)).code).toBe("no_feedback");
    expect((await errorOf(await consoleRequest(seeded.app, "GET", feedbackPath(), seeded.viewer))).code).toBe(
      "no_feedback",
    );
    const unknown = await seeded.app.request("/api/invitations/ZZZZZZ-FJ/feedback");
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("unknown_invitation");
    expect((await seeded.app.request("/api/invitations/not%20a%20code!/feedback")).status).toBe(400);
  });

  it("only organisers publish, with the CSRF token; the body is checked", async () => {
    expect((await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.viewer, publish())).status).toBe(403);
    const noCsrf = await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.me, publish(), { csrf: false });
    expect((await errorOf(noCsrf)).code).toBe("csrf_token_invalid");
    expect((await consoleRequest(seeded.app, "PUT", feedbackPath(), undefined, publish())).status).toBe(401);
    expect(
      (await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.me, { ...publish(), tables: [8] })).status,
    ).toBe(400);
    expect(
      (await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.me, { ...publish(), title: "  " })).status,
    ).toBe(400);
    const notPicked = await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.me, {
      ...publish(),
      quoteIds: [{ replyId, questionId: "actionsDescription" }],
    });
    expect(notPicked.status).toBe(422);
    const problem = await errorOf(notPicked);
    expect(problem.code).toBe("unknown_quote");
    expect(problem.details?.[0].path).toBe("quoteIds.0");
    expect(
      (
        await errorOf(
          await consoleRequest(seeded.app, "PUT", "/api/console/campaigns/no-such/feedback", seeded.me, publish()),
        )
      ).code,
    ).toBe("campaign_not_found");
    expect((await errorOf(await seeded.app.request(participantPath()))).code).toBe("no_feedback");
  });

  it("published feedback reaches an invitation that did not reply: the chosen tables' rows and the quotes", async () => {
    const res = await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.me, publish());
    expect(res.status).toBe(200);
    const published = consoleFeedback.parse(await res.json());
    expect(published).toMatchObject({ campaignId, tables: [1, 2], version: 1, publishedAt: now.toISOString() });

    // Codes are read case-insensitively, as for GET /api/invitations/:code.
    const got = await seeded.app.request(`/api/invitations/${fijiCode.toLowerCase()}/feedback`);
    expect(got.status).toBe(200);
    etag1 = got.headers.get("etag")!;
    expect(etag1).toMatch(/^"v1-[A-Za-z0-9_-]+"$/);
    expect(got.headers.get("cache-control")).toBe("private, no-cache");
    const feedback = participantFeedback.parse(await got.json());
    const { report } = await buildReport(seeded.ctx.db, "2023/24");
    const rows = (t: Parameters<typeof tableToRows>[0]) => JSON.parse(JSON.stringify(tableToRows(t)));
    expect(feedback).toEqual({
      campaignId,
      workshopTitle: WORKSHOP_TITLE,
      title: "What participants did after the workshop",
      message: "Thank you to everyone who replied.",
      publishedAt: now.toISOString(),
      version: 1,
      tables: [
        { number: 1, title: "Replies", rows: rows(report.tables.replies) },
        { number: 2, title: "Follow-up actions", rows: rows(report.tables.followUpActions) },
      ],
      quotes: [
        { heading: "operational_improvement", text: TO_APPLICATION, administration: "Tonga", workshop: WORKSHOP_TITLE },
      ],
    });
    // The reply shows in Table 1's workshop row.
    expect(feedback.tables[0].rows.some((r) => r.includes(WORKSHOP_TITLE))).toBe(true);
    expect(published.preview).toEqual(feedback);
    // Viewers read what was published.
    expect(
      consoleFeedback.parse(await (await consoleRequest(seeded.app, "GET", feedbackPath(), seeded.viewer)).json())
        .version,
    ).toBe(1);
  });

  it("answers 304 to If-None-Match; republishing bumps the version and the ETag", async () => {
    const same = await seeded.app.request(participantPath(), { headers: { "If-None-Match": etag1 } });
    expect(same.status).toBe(304);
    expect(same.headers.get("etag")).toBe(etag1);

    const res = await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.me, {
      ...publish(1),
      message: "Updated with the late replies.",
      tables: [3],
    });
    expect(consoleFeedback.parse(await res.json()).version).toBe(2);
    const fresh = await seeded.app.request(participantPath(), { headers: { "If-None-Match": etag1 } });
    expect(fresh.status).toBe(200);
    const etag2 = fresh.headers.get("etag")!;
    expect(etag2).toMatch(/^"v2-/);
    expect(etag2).not.toBe(etag1);
    const body = participantFeedback.parse(await fresh.json());
    expect(body).toMatchObject({ version: 2, message: "Updated with the late replies." });
    expect(body.tables.map((t) => t.number)).toEqual([3]);
    expect((await seeded.app.request(participantPath(), { headers: { "If-None-Match": etag2 } })).status).toBe(304);
  });

  it("unpublishing hides it (404 no_feedback); publishing again continues the version count", async () => {
    expect((await consoleRequest(seeded.app, "DELETE", feedbackPath(), seeded.viewer)).status).toBe(403);
    expect(
      (await consoleRequest(seeded.app, "DELETE", feedbackPath(), seeded.me, undefined, { csrf: false })).status,
    ).toBe(403);
    expect((await consoleRequest(seeded.app, "DELETE", feedbackPath(), seeded.me)).status).toBe(204);
    expect((await errorOf(await seeded.app.request(participantPath()))).code).toBe("no_feedback");
    expect((await consoleRequest(seeded.app, "DELETE", feedbackPath(), seeded.me)).status).toBe(404);
    const again = await consoleRequest(seeded.app, "PUT", feedbackPath(), seeded.me, publish(2));
    expect(consoleFeedback.parse(await again.json()).version).toBe(3);
    expect(participantFeedback.parse(await (await seeded.app.request(participantPath())).json()).version).toBe(3);
  });
});
