// GET /api/invitations/:code: everything a phone needs to answer the questionnaire offline from then on.
import { Hono } from "hono";
import type { InvitationPayload } from "../../shared/api";
import { normaliseInvitationCode } from "../../shared/invitationCode";
import { invitationCode } from "../../shared/reply";
import { findCampaign } from "../db/campaigns";
import { findWorkshop, listAdministrations } from "../db/directory";
import { findInvitation } from "../db/invitations";
import { findQuestionnaire } from "../db/questionnaires";
import type { AppDeps } from "./context";
import { ApiProblem } from "./errors";
import { participantFeedbackResponse } from "./feedback";
import { findInvitationWithinLimit } from "./invitationLookup";

/** People type codes from a letter or a poster: tolerate case, spaces and dashes (src/shared/invitationCode.ts). */
export { normaliseInvitationCode };

export function invitationRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const routes = new Hono();
  routes.get("/:code/feedback", (c) => participantFeedbackResponse(c, deps, c.req.param("code")));
  routes.get("/:code", async (c) => {
    const code = normaliseInvitationCode(c.req.param("code"));
    if (!invitationCode.safeParse(code).success) {
      throw new ApiProblem(
        400,
        "invalid_invitation_code",
        "This is not an invitation code. Codes look like DEMO-TO1: letters and digits, in groups joined by dashes.",
      );
    }
    const invitation = await findInvitationWithinLimit(deps, c, () => findInvitation(db, code));
    if (!invitation)
      throw new ApiProblem(
        404,
        "unknown_invitation",
        "No invitation has this code. Please check it against your invitation message.",
      );
    const campaign = await findCampaign(db, invitation.campaignId);
    const workshop = campaign && (await findWorkshop(db, campaign.workshopId));
    const questionnaire =
      campaign && (await findQuestionnaire(db, campaign.questionnaireId, campaign.questionnaireVersion));
    if (!campaign || !workshop || !questionnaire)
      throw new Error(`Invitation ${code} points at a missing campaign, workshop or questionnaire`);
    const payload: InvitationPayload = {
      code: invitation.code,
      prefill: invitation.prefill,
      campaign,
      workshop,
      questionnaire,
      administrations: await listAdministrations(db),
      // The holder of the code may sign its replies for delivery by hand: the code is the credential either way.
      ...(invitation.relayKey !== undefined ? { relayKey: invitation.relayKey } : {}),
    };
    c.header("Cache-Control", "no-cache");
    return c.json(payload);
  });
  return routes;
}
