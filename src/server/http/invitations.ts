// GET /api/invitations/:code[?v=2]: everything a phone needs to answer the questionnaire offline from then on.
import { Hono } from "hono";
import {
  INVITATION_PAYLOAD_VERSION,
  type InvitationPayload,
  type InvitationPayloadForOlderApps,
} from "../../shared/api";
import { dueInstantForOlderApps } from "../../shared/campaign";
import { normaliseInvitationCode } from "../../shared/invitationCode";
import { findCampaign } from "../db/campaigns";
import { findWorkshop, listAdministrations } from "../db/directory";
import { findQuestionnaire } from "../db/questionnaires";
import type { AppDeps } from "./context";
import { participantFeedbackResponse } from "./feedback";
import { findPresentedInvitation } from "./invitationLookup";

/** People type codes from a letter or a poster: tolerate case, spaces and dashes (src/shared/invitationCode.ts). */
export { normaliseInvitationCode };

export function invitationRoutes(deps: AppDeps): Hono {
  const { db } = deps;
  const routes = new Hono();
  routes.get("/:code/feedback", (c) => participantFeedbackResponse(c, deps, c.req.param("code")));
  routes.get("/:code", async (c) => {
    const invitation = await findPresentedInvitation(deps, c, c.req.param("code"));
    const campaign = await findCampaign(db, invitation.campaignId);
    const workshop = campaign && (await findWorkshop(db, campaign.workshopId));
    const questionnaire =
      campaign && (await findQuestionnaire(db, campaign.questionnaireId, campaign.questionnaireVersion));
    if (!campaign || !workshop || !questionnaire)
      throw new Error(`Invitation ${invitation.code} points at a missing campaign, workshop or questionnaire`);
    const payload: InvitationPayload = {
      code: invitation.code,
      prefill: invitation.prefill,
      // A withdrawn invitation reads as a withdrawn campaign: phones already show that and stop offering the form.
      // An archived one (the demo data put away) reads the same way.
      campaign:
        invitation.withdrawnAt !== undefined || invitation.archivedAt !== undefined
          ? { ...campaign, status: "withdrawn" }
          : campaign,
      workshop,
      questionnaire,
      administrations: await listAdministrations(db),
      // The holder of the code may sign its replies for delivery by hand: the code is the credential either way.
      ...(invitation.relayKey !== undefined ? { relayKey: invitation.relayKey } : {}),
    };
    c.header("Cache-Control", "no-cache");
    if (c.req.query("v") === String(INVITATION_PAYLOAD_VERSION)) return c.json(payload);
    // Apps installed before due dates were days read a strict campaign with `dueAt` and nothing else.
    const { dueOn, ...olderCampaign } = payload.campaign;
    const forOlderApps: InvitationPayloadForOlderApps = {
      ...payload,
      campaign: { ...olderCampaign, dueAt: dueInstantForOlderApps(dueOn) },
    };
    return c.json(forOlderApps);
  });
  return routes;
}
