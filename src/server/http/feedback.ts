// GET /api/invitations/:code/feedback: the feedback published for the invitation's campaign. The invitation
// code is the credential; every invited participant reads it, whether or not they replied.
import type { Context } from "hono";
import { findCampaign } from "../db/campaigns";
import { findFeedback } from "../db/curation";
import { findWorkshop } from "../db/directory";
import { feedbackEtag, participantFeedbackOf } from "../report/curation";
import { ifNoneMatchHits } from "./byteRange";
import type { AppDeps } from "./context";
import { ApiProblem } from "./errors";
import { findPresentedInvitation } from "./invitationLookup";

export async function participantFeedbackResponse(c: Context, deps: AppDeps, rawCode: string): Promise<Response> {
  const { db } = deps;
  const invitation = await findPresentedInvitation(deps, c, rawCode);
  const stored = await findFeedback(db, invitation.campaignId);
  if (!stored || stored.publishedAt === null)
    throw new ApiProblem(404, "no_feedback", "No feedback has been published for this workshop yet.");
  const campaign = await findCampaign(db, invitation.campaignId);
  const workshop = campaign && (await findWorkshop(db, campaign.workshopId));
  if (!workshop) throw new Error(`Invitation ${invitation.code} points at a missing campaign or workshop`);
  const feedback = await participantFeedbackOf(db, { ...stored, publishedAt: stored.publishedAt }, workshop);
  const etag = feedbackEtag(feedback);
  c.header("ETag", etag);
  // private: behind an invitation code; no-cache: the app revalidates cheaply with If-None-Match.
  c.header("Cache-Control", "private, no-cache");
  if (ifNoneMatchHits(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
  return c.json(feedback);
}
