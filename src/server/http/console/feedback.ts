// Feedback to a campaign's participants, under /api/console:
// | method | path                              | what                                                        | who        |
// | GET    | /campaigns/:id/feedback           | what is published, and what participants see                | any role   |
// | GET    | /campaigns/:id/feedback/versions  | every version ever published, newest first                  | any role   |
// | POST   | /campaigns/:id/feedback/preview   | what participants would see with this text (nothing stored) | organisers |
// | PUT    | /campaigns/:id/feedback           | publishes over the loaded `version` (+ 1; else 409), kept   | organisers |
// | DELETE | /campaigns/:id/feedback           | unpublishes (the versions stay)                             | organisers |
// Organiser routes also need the CSRF token.
import { Hono } from "hono";
import {
  feedbackPublish,
  feedbackRequest,
  type ConsoleFeedback,
  type FeedbackRequest,
  type FeedbackVersionList,
  type QuoteId,
} from "../../../shared/feedback";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { findCampaign } from "../../db/campaigns";
import { findFeedback, listFeedbackVersions, publishFeedback, unpublishFeedback } from "../../db/curation";
import type { OutriggerDatabase } from "../../db/database";
import { findWorkshop } from "../../db/directory";
import { currentQuoteIds, participantFeedbackOf, unknownQuotes } from "../../report/curation";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";
import { changedElsewhere, editorOf } from "./editConflict";

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
    // Named as the console lists the quotes now, so the form shows them chosen after a respondent replied again.
    quoteIds: await currentQuoteIds(db, workshop.fiscalYear, stored.quoteIds),
    publishedAt,
    publishedBy: stored.publishedBy,
    version: stored.version,
    preview,
  };
}

/** Tables sorted without duplicates, quotes without duplicates; 422 when a quote is not a picked one of the year. */
async function checkedFeedback(
  db: OutriggerDatabase,
  fiscalYear: string,
  input: FeedbackRequest,
): Promise<{ tables: number[]; quoteIds: QuoteId[] }> {
  const tables = [...new Set(input.tables)].sort((a, b) => a - b);
  const seen = new Set<string>();
  const quoteIds: QuoteId[] = input.quoteIds.filter((q) => {
    const key = `${q.replyId}\u0000${q.questionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const unknown = await unknownQuotes(db, fiscalYear, quoteIds);
  if (unknown.length > 0) {
    throw new ApiProblem(
      422,
      "unknown_quote",
      `Only picked quotes of the ${fiscalYear} replies can go into this feedback: tag the answer and pick it as a quote first.`,
      unknown.map((i) => ({
        path: `quoteIds.${i}`,
        code: "unknown_quote",
        message: "Not a picked quote of this fiscal year's replies.",
      })),
    );
  }
  return { tables, quoteIds };
}

export function feedbackRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/campaigns/:id/feedback", requireSession(), async (c) =>
    c.json(await consoleFeedback(c.var.deps.db, c.req.param("id"))),
  );

  routes.get("/campaigns/:id/feedback/versions", requireSession(), async (c) => {
    const { db } = c.var.deps;
    const { campaign } = await campaignWorkshop(db, c.req.param("id"));
    const stored = await findFeedback(db, campaign.id);
    const answer: FeedbackVersionList = {
      campaignId: campaign.id,
      current: stored && stored.publishedAt !== null ? stored.version : null,
      versions: await listFeedbackVersions(db, campaign.id),
    };
    return c.json(answer);
  });

  routes.post("/campaigns/:id/feedback/preview", requireOrganiser(), jsonBody(feedbackRequest), async (c) => {
    const { db, now } = c.var.deps;
    const { campaign, workshop } = await campaignWorkshop(db, c.req.param("id"));
    const input = c.req.valid("json");
    const { tables, quoteIds } = await checkedFeedback(db, workshop.fiscalYear, input);
    const next = ((await findFeedback(db, campaign.id))?.version ?? 0) + 1;
    const preview = await participantFeedbackOf(
      db,
      {
        campaignId: campaign.id,
        title: input.title,
        message: input.message,
        tables,
        quoteIds,
        publishedAt: now().toISOString(),
        publishedBy: c.var.session.organiser.id,
        version: next,
      },
      workshop,
    );
    return c.json(preview);
  });

  routes.put("/campaigns/:id/feedback", requireOrganiser(), jsonBody(feedbackPublish), async (c) => {
    const { db, now } = c.var.deps;
    const { campaign, workshop } = await campaignWorkshop(db, c.req.param("id"));
    const { version, ...input } = c.req.valid("json");
    const { tables, quoteIds } = await checkedFeedback(db, workshop.fiscalYear, input);
    const landed = await publishFeedback(
      db,
      { campaignId: campaign.id, title: input.title, message: input.message, tables, quoteIds },
      { expectedVersion: version, editor: editorOf(c), at: now() },
    );
    if (!landed) {
      // The newest version as published, whether or not it is still up: what the form compares with.
      const [newest] = await listFeedbackVersions(db, campaign.id);
      return changedElsewhere(c, {
        title: newest.title,
        message: newest.message,
        tables: newest.tables,
        quoteIds: newest.quoteIds,
        version: newest.version,
        updatedAt: newest.publishedAt,
        ...(newest.publishedByName !== null ? { updatedBy: newest.publishedByName } : {}),
      });
    }
    return c.json(await consoleFeedback(db, campaign.id));
  });

  routes.delete("/campaigns/:id/feedback", requireOrganiser(), async (c) => {
    const { db, now } = c.var.deps;
    const { campaign } = await campaignWorkshop(db, c.req.param("id"));
    if (!(await unpublishFeedback(db, campaign.id, { editor: editorOf(c), at: now() }))) throw noFeedback();
    return c.body(null, 204);
  });

  return routes;
}
