// Curation of free-text answers: GET /api/console/report/:fiscalYear/answers[?question=…] and …/quotes (any role),
// PUT and DELETE /api/console/replies/:replyId/answers/:questionId/tag (organisers, with the CSRF token).
import { Hono } from "hono";
import { answerTagRequest } from "../../../shared/feedback";
import { canonicalId } from "../../../shared/reply";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { deleteAnswerTag, upsertAnswerTag } from "../../db/curation";
import { findFreeTextAnswer, freeTextAnswers, reportQuotesOf } from "../../report/curation";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";
import { fiscalYearParam } from "./report";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function idParam(value: string | undefined, what: "reply" | "question"): string {
  if (value === undefined || !ID.test(value))
    throw new ApiProblem(400, `invalid_${what}_id`, `This is not a ${what} id.`);
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
    return c.json(await freeTextAnswers(c.var.deps.db, fiscalYear, question));
  });

  routes.get("/report/:fiscalYear/quotes", requireSession(), async (c) =>
    c.json(await reportQuotesOf(c.var.deps.db, fiscalYearParam(c))),
  );

  routes.put("/replies/:replyId/answers/:questionId/tag", requireOrganiser(), jsonBody(answerTagRequest), async (c) => {
    const { db, now } = c.var.deps;
    const replyId = idParam(c.req.param("replyId"), "reply");
    const questionId = idParam(c.req.param("questionId"), "question");
    const input = c.req.valid("json");
    if ((await findFreeTextAnswer(db, replyId, questionId)) === undefined) {
      throw new ApiProblem(404, "answer_not_found", "This reply has no free-text answer to this question.");
    }
    const excerpt =
      input.excerpt === undefined || input.excerpt === null || input.excerpt === "" ? null : input.excerpt;
    const tagging = await upsertAnswerTag(db, {
      replyId,
      questionId,
      tag: input.tag,
      heading: input.heading,
      quote: input.quote,
      excerpt,
      taggedBy: c.var.session.organiser.id,
      taggedAt: now().toISOString(),
    });
    return c.json(tagging);
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
