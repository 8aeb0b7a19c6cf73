// Feedback to a campaign's participants: GET (any role), PUT publishes or republishes (version + 1) and DELETE
// unpublishes (organisers, with the CSRF token) /api/console/campaigns/:id/feedback.
import { Hono } from "hono";
import { feedbackRequest, type ConsoleFeedback, type QuoteId } from "../../../shared/feedback";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { findCampaign } from "../../db/campaigns";
import { findFeedback, publishFeedback, unpublishFeedback } from "../../db/curation";
import type { OutriggerDatabase } from "../../db/database";
import { findWorkshop } from "../../db/directory";
import { participantFeedbackOf, unknownQuotes } from "../../report/curation";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";

export const noFeedback = (): ApiProblem =>
  new ApiProblem(404, "no_feedback", "No feedback has been published for this campaign yet.");

async function campaignWorkshop(db: OutriggerDatabase, campaignId: string) {
  const campaign = await findCampaign(db, campaignId);
  if (!campaign) throw new ApiProblem(404, "campaign_not_found", "There is no campaign with this id.");
  const workshop = await findWorkshop(db, campaign.workshopId);
  if (!workshop) throw new Error(`Campaign ${campaignId} points at a missing workshop`);
  return { campaign, workshop };
}

async function consoleFeedback(db: OutriggerDatabase, campaignId: string): Promise<ConsoleFeedback> {
  const { workshop } = await campaignWorkshop(db, campaignId);
  const stored = await findFeedback(db, campaignId);
  if (!stored || stored.publishedAt === null) throw noFeedback();
  const publishedAt = stored.publishedAt;
  const preview = await participantFeedbackOf(db, { ...stored, publishedAt }, workshop);
  return {
    campaignId,
    title: stored.title,
    message: stored.message,
    tables: stored.tables,
    quoteIds: stored.quoteIds,
    publishedAt,
    publishedBy: stored.publishedBy,
    version: stored.version,
    preview,
  };
}

export function feedbackRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/campaigns/:id/feedback", requireSession(), async (c) =>
    c.json(await consoleFeedback(c.var.deps.db, c.req.param("id"))),
  );

  routes.put("/campaigns/:id/feedback", requireOrganiser(), jsonBody(feedbackRequest), async (c) => {
    const { db, now } = c.var.deps;
    const { campaign, workshop } = await campaignWorkshop(db, c.req.param("id"));
    const input = c.req.valid("json");
    const tables = [...new Set(input.tables)].sort((a, b) => a - b);
    const seen = new Set<string>();
    const quoteIds: QuoteId[] = input.quoteIds.filter((q) => {
      const key = `${q.replyId}\u0000${q.questionId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const unknown = await unknownQuotes(db, workshop.fiscalYear, quoteIds);
    if (unknown.length > 0) {
      throw new ApiProblem(
        422,
        "unknown_quote",
        `Only picked quotes of the ${workshop.fiscalYear} replies can go into this feedback: tag the answer and pick it as a quote first.`,
        unknown.map((i) => ({
          path: `quoteIds.${i}`,
          code: "unknown_quote",
          message: "Not a picked quote of this fiscal year's replies.",
        })),
      );
    }
    await publishFeedback(db, {
      campaignId: campaign.id,
      title: input.title,
      message: input.message,
      tables,
      quoteIds,
      publishedBy: c.var.session.organiser.id,
      publishedAt: now().toISOString(),
    });
    return c.json(await consoleFeedback(db, campaign.id));
  });

  routes.delete("/campaigns/:id/feedback", requireOrganiser(), async (c) => {
    const { db } = c.var.deps;
    const { campaign } = await campaignWorkshop(db, c.req.param("id"));
    if (!(await unpublishFeedback(db, campaign.id))) throw noFeedback();
    return c.body(null, 204);
  });

  return routes;
}
