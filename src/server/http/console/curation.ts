// Curation of free-text answers: GET /api/console/report/:fiscalYear/answers[?workshop=…&question=…&untagged=true]
// and …/quotes (any role); PUT and DELETE /api/console/replies/:replyId/answers/:questionId/tag and
// POST /api/console/report/:fiscalYear/answers/tags (many at once) for organisers, with the CSRF token.
import { Hono } from "hono";
import { bulkTagRequest, excerptIsInAnswer, squeezeSpaces, type BulkTagResult } from "../../../shared/curation";
import { answerTagRequest } from "../../../shared/feedback";
import { canonicalId } from "../../../shared/reply";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { deleteAnswerTag, tagKey, upsertAnswerTag, upsertAnswerTags } from "../../db/curation";
import { findFreeTextAnswer, freeTextAnswers, reportQuotesOf } from "../../report/curation";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";
import { fiscalYearParam } from "./report";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function idParam(value: string | undefined, what: "reply" | "question"): string {
  if (value === undefined || !ID.test(value))
    throw new ApiProblem(
      400,
      what === "reply" ? "invalid_reply_id" : "invalid_question_id",
      `This is not a ${what} id.`,
    );
  // Reply ids are stored in lower case whatever case they came in; question ids are names and keep theirs.
  return what === "reply" ? canonicalId(value) : value;
}

export function curationRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/report/:fiscalYear/answers", requireSession(), async (c) => {
    const fiscalYear = fiscalYearParam(c);
    const question = c.req.query("question");
    if (question !== undefined && !ID.test(question))
      throw new ApiProblem(400, "invalid_question_id", "This is not a question id.");
    const workshop = c.req.query("workshop");
    if (workshop !== undefined && !ID.test(workshop))
      throw new ApiProblem(400, "invalid_workshop_id", "This is not a workshop id.");
    const untagged = c.req.query("untagged");
    if (untagged !== undefined && untagged !== "true" && untagged !== "false")
      throw new ApiProblem(400, "invalid_filter", "Write untagged=true to list only untagged answers.");
    return c.json(
      await freeTextAnswers(c.var.deps.db, fiscalYear, { question, workshop, untagged: untagged === "true" }),
    );
  });

  routes.get("/report/:fiscalYear/quotes", requireSession(), async (c) =>
    c.json(await reportQuotesOf(c.var.deps.db, fiscalYearParam(c))),
  );

  routes.put("/replies/:replyId/answers/:questionId/tag", requireOrganiser(), jsonBody(answerTagRequest), async (c) => {
    const { db, now } = c.var.deps;
    const replyId = idParam(c.req.param("replyId"), "reply");
    const questionId = idParam(c.req.param("questionId"), "question");
    const input = c.req.valid("json");
    const answer = await findFreeTextAnswer(db, replyId, questionId);
    if (answer === undefined) {
      throw new ApiProblem(404, "answer_not_found", "This reply has no free-text answer to this question.");
    }
    const excerpt =
      input.excerpt === undefined || input.excerpt === null || input.excerpt === "" ? null : input.excerpt;
    // A quote is published as the participant's words: an excerpt is a piece of the answer, never a paraphrase.
    if (excerpt !== null && !excerptIsInAnswer(excerpt, answer))
      throw new ApiProblem(
        422,
        "excerpt_not_in_answer",
        "The excerpt is not in the answer. Select the words to quote in the answer itself, or leave the excerpt empty to quote all of it.",
      );
    const tagging = await upsertAnswerTag(db, {
      replyId,
      questionId,
      tag: input.tag,
      heading: input.heading,
      quote: input.quote,
      excerpt: excerpt === null ? null : squeezeSpaces(excerpt),
      taggedBy: c.var.session.organiser.id,
      taggedAt: now().toISOString(),
    });
    return c.json(tagging);
  });

  routes.post("/report/:fiscalYear/answers/tags", requireOrganiser(), jsonBody(bulkTagRequest), async (c) => {
    const { db, now } = c.var.deps;
    const fiscalYear = fiscalYearParam(c);
    const input = c.req.valid("json");
    const shown = new Map(
      (await freeTextAnswers(db, fiscalYear)).answers.map((a) => [tagKey(a.replyId, a.questionId), a]),
    );
    const chosen = new Map(
      input.answers.map((a, index) => {
        const replyId = canonicalId(a.replyId);
        return [tagKey(replyId, a.questionId), { replyId, questionId: a.questionId, index }];
      }),
    );
    const missing = [...chosen.entries()].filter(([key]) => !shown.get(key) || shown.get(key)?.text === "");
    if (missing.length > 0)
      throw new ApiProblem(
        404,
        "answer_not_found",
        `${missing.length} of the chosen answers are not free-text answers of FY ${fiscalYear}'s counted replies; nothing was tagged.`,
        missing.map(([, a]) => ({
          path: `answers.${a.index}`,
          code: "answer_not_found",
          message: "No such answer this year.",
        })),
      );
    const toReview = [...chosen.keys()].filter((key) => shown.get(key)?.carriedOver?.needsReview === true);
    if (toReview.length > 0)
      throw new ApiProblem(
        409,
        "answer_needs_review",
        `${toReview.length} of the chosen answers changed since their quote was picked: review them one by one first; nothing was tagged.`,
      );
    await upsertAnswerTags(
      db,
      [...chosen.entries()].map(([key, a]) => {
        const current = shown.get(key);
        return {
          replyId: a.replyId,
          questionId: a.questionId,
          quote: current?.quote ?? false,
          excerpt: current?.excerpt ?? null,
        };
      }),
      { tag: input.tag, heading: input.heading, taggedBy: c.var.session.organiser.id, taggedAt: now().toISOString() },
    );
    const result: BulkTagResult = { tagged: chosen.size };
    return c.json(result);
  });

  routes.delete("/replies/:replyId/answers/:questionId/tag", requireOrganiser(), async (c) => {
    const removed = await deleteAnswerTag(
      c.var.deps.db,
      idParam(c.req.param("replyId"), "reply"),
      idParam(c.req.param("questionId"), "question"),
    );
    if (!removed) throw new ApiProblem(404, "tag_not_found", "This answer has no tag.");
    return c.body(null, 204);
  });

  return routes;
}
