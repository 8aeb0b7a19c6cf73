// Organiser console curation: free-text answers listed, tagged and quoted under report headings, with bad input refused.
import { beforeAll, describe, expect, it } from "vitest";
import { answerTagging, freeTextAnswerList, reportQuotes } from "../../src/shared/feedback";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { FISCAL_YEAR_PATH, TO_APPLICATION, WORKSHOP_TITLE, workshopWithReply } from "./support/curationFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("organiser console: curation of answers and quotes (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser and viewer" });
  let workshopId: string;
  let replyId: string;
  const tagPath = () => `/api/console/replies/${replyId}/answers/application/tag`;
  const answersPath = `/api/console/report/${FISCAL_YEAR_PATH}/answers`;
  const quotesPath = `/api/console/report/${FISCAL_YEAR_PATH}/quotes`;

  beforeAll(async () => {
    ({ workshopId, replyId } = await workshopWithReply(seeded.app, seeded.me));
  });

  it("lists the free-text answers of the year's counted replies, filtered by question", async () => {
    const all = freeTextAnswerList.parse(
      await (await consoleRequest(seeded.app, "GET", answersPath, seeded.viewer)).json(),
    );
    expect(all.answers.map((a) => a.questionId)).toEqual([
      "actionsDescription",
      "application",
      "directEffectsDescription",
    ]);
    expect(
      all.answers.every(
        (a) =>
          a.replyId === replyId &&
          a.administrationCode === "TO" &&
          a.workshopId === workshopId &&
          a.workshopTitle === WORKSHOP_TITLE,
      ),
    ).toBe(true);
    const one = freeTextAnswerList.parse(
      await (await consoleRequest(seeded.app, "GET", `${answersPath}?question=application`, seeded.me)).json(),
    );
    expect(one.answers).toHaveLength(1);
    expect(one.answers[0]).toMatchObject({ questionId: "application", text: TO_APPLICATION });
    expect(one.answers[0].tag).toBeUndefined();
    expect((await consoleRequest(seeded.app, "GET", `${answersPath}?question=bad%20id`, seeded.me)).status).toBe(400);
    expect((await consoleRequest(seeded.app, "GET", "/api/console/report/2023/answers", seeded.me)).status).toBe(400);
  });

  it("tags an answer and picks a quote: the quotes list shows it under its heading with administration and workshop", async () => {
    const res = await consoleRequest(seeded.app, "PUT", tagPath(), seeded.me, {
      tag: "success_story",
      heading: "operational_improvement",
      quote: true,
      excerpt: "  removed a duplicate document check  ",
    });
    expect(res.status).toBe(200);
    expect(answerTagging.parse(await res.json())).toMatchObject({
      replyId,
      questionId: "application",
      tag: "success_story",
      heading: "operational_improvement",
      quote: true,
      excerpt: "removed a duplicate document check",
      taggedAt: now.toISOString(),
    });

    const listed = freeTextAnswerList.parse(
      await (await consoleRequest(seeded.app, "GET", `${answersPath}?question=application`, seeded.viewer)).json(),
    );
    expect(listed.answers[0]).toMatchObject({
      tag: "success_story",
      heading: "operational_improvement",
      quote: true,
      excerpt: "removed a duplicate document check",
    });

    // A second answer tagged but not picked stays out of the quotes.
    expect(
      (
        await consoleRequest(
          seeded.app,
          "PUT",
          `/api/console/replies/${replyId}/answers/directEffectsDescription/tag`,
          seeded.me,
          { tag: "good_example", heading: "direct_effects", quote: false },
        )
      ).status,
    ).toBe(200);

    const quotes = reportQuotes.parse(
      await (await consoleRequest(seeded.app, "GET", quotesPath, seeded.viewer)).json(),
    );
    expect(quotes.headings).toEqual([
      {
        heading: "operational_improvement",
        label: "Operational improvement",
        quotes: [
          {
            replyId,
            questionId: "application",
            tag: "success_story",
            text: "removed a duplicate document check",
            administration: { code: "TO", name: "Tonga" },
            workshop: { id: workshopId, title: WORKSHOP_TITLE },
          },
        ],
      },
    ]);

    // Retagging replaces; without an excerpt the quote is the whole answer.
    expect(
      (
        await consoleRequest(seeded.app, "PUT", tagPath(), seeded.me, {
          tag: "strategic_empowerment",
          heading: "strategic_empowerment",
          quote: true,
        })
      ).status,
    ).toBe(200);
    const again = reportQuotes.parse(await (await consoleRequest(seeded.app, "GET", quotesPath, seeded.me)).json());
    expect(again.headings.map((h) => [h.heading, h.quotes.map((q) => q.text)])).toEqual([
      ["strategic_empowerment", [TO_APPLICATION]],
    ]);
  });

  it("refuses an invalid tag, heading or excerpt (400) and an answer that does not exist (404)", async () => {
    for (const body of [
      { tag: "nice", heading: "operational_improvement", quote: true },
      { tag: "success_story", heading: "other", quote: true },
      { tag: "success_story", heading: "new_projects", quote: "yes" },
      { tag: "success_story", heading: "new_projects", quote: true, excerpt: "x".repeat(1001) },
      { tag: "success_story", heading: "new_projects", quote: true, extra: 1 },
    ]) {
      const res = await consoleRequest(seeded.app, "PUT", tagPath(), seeded.me, body);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("invalid_request");
    }
    const ok = { tag: "good_example", heading: "new_projects", quote: false };
    expect(
      (
        await errorOf(
          await consoleRequest(
            seeded.app,
            "PUT",
            "/api/console/replies/no-such-reply/answers/application/tag",
            seeded.me,
            ok,
          ),
        )
      ).code,
    ).toBe("answer_not_found");
    // The respondent's name is not a curated answer; nor is a yes/no.
    expect(
      (await consoleRequest(seeded.app, "PUT", `/api/console/replies/${replyId}/answers/name/tag`, seeded.me, ok))
        .status,
    ).toBe(404);
    expect(
      (
        await consoleRequest(
          seeded.app,
          "PUT",
          `/api/console/replies/${replyId}/answers/directEffects/tag`,
          seeded.me,
          ok,
        )
      ).status,
    ).toBe(404);
    // Unanswered free-text question (otherComments).
    expect(
      (
        await consoleRequest(
          seeded.app,
          "PUT",
          `/api/console/replies/${replyId}/answers/otherComments/tag`,
          seeded.me,
          ok,
        )
      ).status,
    ).toBe(404);
  });

  it("viewers read but may not tag (403); changes need the CSRF token (403); no session is 401", async () => {
    const body = { tag: "good_example", heading: "others_actions", quote: true };
    const asViewer = await consoleRequest(seeded.app, "PUT", tagPath(), seeded.viewer, body);
    expect(asViewer.status).toBe(403);
    expect((await errorOf(asViewer)).code).toBe("forbidden");
    expect((await consoleRequest(seeded.app, "DELETE", tagPath(), seeded.viewer)).status).toBe(403);
    const noCsrf = await consoleRequest(seeded.app, "PUT", tagPath(), seeded.me, body, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect((await errorOf(noCsrf)).code).toBe("csrf_token_invalid");
    expect((await consoleRequest(seeded.app, "DELETE", tagPath(), seeded.me, undefined, { csrf: false })).status).toBe(
      403,
    );
    for (const [method, path] of [
      ["GET", answersPath],
      ["GET", quotesPath],
      ["PUT", tagPath()],
      ["DELETE", tagPath()],
    ] as const) {
      expect(
        (await consoleRequest(seeded.app, method, path, undefined, method === "PUT" ? body : undefined)).status,
      ).toBe(401);
    }
    // Nothing changed.
    const quotes = reportQuotes.parse(
      await (await consoleRequest(seeded.app, "GET", quotesPath, seeded.viewer)).json(),
    );
    expect(quotes.headings.map((h) => h.heading)).toEqual(["strategic_empowerment"]);
  });

  it("removing a tag drops the quote; removing it again is 404", async () => {
    expect((await consoleRequest(seeded.app, "DELETE", tagPath(), seeded.me)).status).toBe(204);
    expect(
      reportQuotes.parse(await (await consoleRequest(seeded.app, "GET", quotesPath, seeded.me)).json()).headings,
    ).toEqual([]);
    const listed = freeTextAnswerList.parse(
      await (await consoleRequest(seeded.app, "GET", `${answersPath}?question=application`, seeded.me)).json(),
    );
    expect(listed.answers[0].tag).toBeUndefined();
    const again = await consoleRequest(seeded.app, "DELETE", tagPath(), seeded.me);
    expect(again.status).toBe(404);
    expect((await errorOf(again)).code).toBe("tag_not_found");
  });
});
