// GET /api/console/replies/:replyId (any role): one stored reply in full, as the reply page shows it; 404 reply_not_found.
import { Hono } from "hono";
import { answers as answersSchema } from "../../../shared/answers";
import { canonicalId } from "../../../shared/reply";
import type { ReplyDetail, ReplyExclusion } from "../../../shared/replyDetail";
import { requireSession, type ConsoleEnv } from "../../auth/middleware";
import { listReplyAttachments } from "../../db/attachments";
import { listAnswerTags } from "../../db/curation";
import { listAdministrations } from "../../db/directory";
import { findQuestionnaire } from "../../db/questionnaires";
import { findReplyWithContext } from "../../db/replyDetail";
import { isLater } from "../../report/reportData";
import { ApiProblem } from "../errors";
import { consoleAttachmentOf } from "./attachments";

const REPLY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function replyDetailRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/replies/:replyId", requireSession(), async (c) => {
    const { db } = c.var.deps;
    const replyId = canonicalId(c.req.param("replyId"));
    const notFound = new ApiProblem(404, "reply_not_found", "There is no reply with this id.");
    if (!REPLY_ID.test(replyId)) throw notFound;
    const stored = await findReplyWithContext(db, replyId);
    if (!stored) throw notFound;
    const questionnaire = await findQuestionnaire(db, stored.questionnaireId, stored.questionnaireVersion);
    if (!questionnaire)
      throw new Error(`Reply ${stored.id} names a missing questionnaire version ${stored.questionnaireVersion}`);
    // The same rule as the report (reportData.ts): the latest received reply of an invitation counts.
    const latest = stored.siblings.reduce((best, r) => (isLater(r, best) ? r : best));
    const excludedBecause: ReplyExclusion = stored.archived
      ? "archived"
      : stored.invitationWithdrawn
        ? "invitation_withdrawn"
        : latest.id !== stored.id
          ? "superseded"
          : null;
    const tags = await listAnswerTags(db, [stored.id]);
    const body: ReplyDetail = {
      id: stored.id,
      invitationCode: stored.invitationCode,
      startedAt: stored.startedAt,
      submittedAt: stored.submittedAt,
      receivedAt: stored.receivedAt,
      appVersion: stored.appVersion,
      respondent: stored.respondent,
      workshop: stored.workshop,
      campaign: stored.campaign,
      counts: excludedBecause === null,
      excludedBecause,
      supersededBy: latest.id !== stored.id ? latest.id : null,
      questionnaire,
      answers: answersSchema.parse(JSON.parse(stored.answers)),
      administrations: await listAdministrations(db),
      attachments: (await listReplyAttachments(db, stored.id)).map(consoleAttachmentOf),
      tags: [...tags.values()],
    };
    return c.json(body);
  });

  return routes;
}
