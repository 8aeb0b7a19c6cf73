// Campaigns of the organiser console (mounted at /api/console): one personal invitation per participant of the
// workshop (its e-mails are in campaignEmails.ts). "Organiser" routes also need the session's CSRF token.
//
// | method | path                                       | what                                                   | who may call |
// | ------ | ------------------------------------------ | ------------------------------------------------------ | ------------ |
// | GET    | /workshops/:id/campaigns                   | the workshop's campaigns, with invited/replied counts  | any role     |
// | POST   | /workshops/:id/campaigns                   | a new campaign, inviting every participant             | organiser    |
// | GET    | /campaigns/:id                             | the campaign, its workshop and its invitations         | any role     |
// | PATCH  | /campaigns/:id                             | change status, due date, late replies (with `version`) | organiser    |
// | DELETE | /campaigns/:id                             | delete it, while nobody has replied (else 409)         | organiser    |
// | POST   | /campaigns/:id/invitations                 | invite participants added to the workshop since        | organiser    |
// | GET    | /campaigns/:id/invitations/:code/qr.svg    | an invitation link as a QR code, for the printed sheet | any role     |
// | POST   | /campaigns/:id/invitations/:code/withdraw  | withdraw it: no new replies, left out of counts        | organiser    |
// | POST   | /campaigns/:id/invitations/:code/reinstate | undo a withdrawal: it counts again                     | organiser    |
import { Hono } from "hono";
import { campaignChanges, newCampaign } from "../../../shared/console";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { newInvitationsFor } from "../../campaigns/invitationCodes";
import { planCampaign } from "../../campaigns/newCampaign";
import { askedDueDay, dueNotAfterOpening } from "../../campaigns/schedule";
import {
  campaignFormFields,
  deleteCampaignWithoutReplies,
  insertCampaignWithInvitations,
  listWorkshopCampaigns,
  updateCampaign,
} from "../../db/campaigns";
import {
  addInvitations,
  findCampaignInvitationCode,
  listUninvitedParticipants,
  setInvitationWithdrawal,
} from "../../db/invitations";
import { listParticipants } from "../../db/participants";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";
import { changedElsewhere, editorOf } from "./editConflict";
import { campaignDetail, freshCampaignDetail, joinLink, publicOrigin, withCampaign } from "./campaignDetail";
import { qrSvg } from "./qrCode";
import { workshopOr404 } from "./workshops";

function datesOutOfOrder(): ApiProblem {
  return new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", [
    { path: "dueOn", code: "dates_out_of_order", message: "The due date cannot come before the opening day." },
  ]);
}

function unknownQuestionnaire(questionnaireId: string, askedVersion: number | undefined): ApiProblem {
  return new ApiProblem(
    422,
    "unknown_questionnaire",
    `There is no questionnaire "${questionnaireId}"${askedVersion !== undefined ? ` version ${askedVersion}` : ""}.`,
    [
      {
        path: askedVersion !== undefined ? "questionnaireVersion" : "questionnaireId",
        code: "unknown_questionnaire",
        message: "No such questionnaire version.",
      },
    ],
  );
}

function notPublished(questionnaireId: string, version: number, status: string): ApiProblem {
  const why =
    status === "draft" ? "is a draft that may still change: publish it first" : "was retired: pick a published version";
  return new ApiProblem(
    422,
    "questionnaire_not_published",
    `Questionnaire "${questionnaireId}" version ${version} ${why}.`,
    [
      {
        path: "questionnaireVersion",
        code: "questionnaire_not_published",
        message: `Version ${version} is ${status}; campaigns open only on published versions.`,
      },
    ],
  );
}

export function withdrawn(what: string): ApiProblem {
  return new ApiProblem(409, "campaign_withdrawn", `This campaign was withdrawn: it ${what}.`);
}

function invitationNotFound(): ApiProblem {
  return new ApiProblem(404, "invitation_not_found", "This campaign has no invitation with this code.");
}

export function campaignRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/workshops/:id/campaigns", requireSession(), async (c) => {
    const workshop = await workshopOr404(c.var.deps.db, c.req.param("id"));
    return c.json({ campaigns: await listWorkshopCampaigns(c.var.deps.db, workshop.id) });
  });

  routes.post("/workshops/:id/campaigns", requireOrganiser(), jsonBody(newCampaign), async (c) => {
    const { db, now } = c.var.deps;
    const at = now();
    const workshop = await workshopOr404(db, c.req.param("id"));
    const asked = c.req.valid("json");
    const plan = await planCampaign(db, workshop, asked, at);
    if ("problem" in plan) {
      if (plan.problem === "dates_out_of_order") throw datesOutOfOrder();
      if (plan.problem === "questionnaire_not_published")
        throw notPublished(plan.questionnaireId, plan.questionnaireVersion, plan.status);
      throw unknownQuestionnaire(plan.questionnaireId, asked.questionnaireVersion);
    }
    const { campaign } = plan;
    await insertCampaignWithInvitations(
      db,
      campaign,
      at,
      async (tx) => newInvitationsFor(tx, campaign.id, await listParticipants(tx, workshop.id)),
      { editor: editorOf(c) },
    );
    return c.json(await freshCampaignDetail(c, campaign.id), 201);
  });

  routes.get("/campaigns/:id", requireSession(), withCampaign(), async (c) =>
    c.json(await campaignDetail(c, c.var.campaign)),
  );

  routes.patch("/campaigns/:id", requireOrganiser(), jsonBody(campaignChanges), withCampaign(), async (c) => {
    const current = c.var.campaign;
    const { status, lateRepliesAccepted, ...asked } = c.req.valid("json");
    const dueOn = askedDueDay(asked);
    if (dueOn !== undefined && dueNotAfterOpening(current.opensAt, dueOn)) throw datesOutOfOrder();
    const { db, now } = c.var.deps;
    const saved = await updateCampaign(
      db,
      current.id,
      { status, lateRepliesAccepted, dueOn },
      {
        expectedVersion: asked.version,
        editor: editorOf(c),
        at: now(),
        before: campaignFormFields(current),
        after: campaignFormFields({
          ...current,
          status: status ?? current.status,
          lateRepliesAccepted: lateRepliesAccepted ?? current.lateRepliesAccepted,
          dueOn: dueOn ?? current.dueOn,
        }),
      },
    );
    const detail = await freshCampaignDetail(c, current.id);
    return saved ? c.json(detail) : changedElsewhere(c, detail.campaign);
  });

  // Only a campaign nobody answered: replies are the office's record and are never deleted from here.
  routes.delete("/campaigns/:id", requireOrganiser(), withCampaign(), async (c) => {
    const { db, now } = c.var.deps;
    const audit = { editor: editorOf(c), at: now(), before: campaignFormFields(c.var.campaign) };
    if ((await deleteCampaignWithoutReplies(db, c.var.campaign.id, audit)) === "has_replies")
      throw new ApiProblem(
        409,
        "campaign_has_replies",
        "This campaign has replies, so it cannot be deleted: close it instead (its replies stay counted).",
      );
    return c.body(null, 204);
  });

  routes.post("/campaigns/:id/invitations", requireOrganiser(), withCampaign(), async (c) => {
    const current = c.var.campaign;
    const { db, now } = c.var.deps;
    const at = now();
    if (current.status === "withdrawn") throw withdrawn("takes no new invitations");
    const added = await addInvitations(db, at, async (tx) =>
      newInvitationsFor(tx, current.id, await listUninvitedParticipants(tx, current)),
    );
    return c.json({ ...(await freshCampaignDetail(c, current.id)), added }, added > 0 ? 201 : 200);
  });

  // Replies are the office's record: withdrawing only marks the invitation, and reinstating brings its replies back.
  for (const action of ["withdraw", "reinstate"] as const)
    routes.post(`/campaigns/:id/invitations/:code/${action}`, requireOrganiser(), withCampaign(), async (c) => {
      const { db, now } = c.var.deps;
      const withdrawal = action === "withdraw" ? { at: now(), by: c.var.session.organiser.id } : null;
      if (!(await setInvitationWithdrawal(db, c.var.campaign.id, c.req.param("code"), withdrawal)))
        throw invitationNotFound();
      return c.json(await freshCampaignDetail(c, c.var.campaign.id));
    });

  routes.get("/campaigns/:id/invitations/:code/qr.svg", requireSession(), withCampaign(), async (c) => {
    const code = await findCampaignInvitationCode(c.var.deps.db, c.var.campaign.id, c.req.param("code"));
    if (code === undefined) throw invitationNotFound();
    return c.body(qrSvg(joinLink(publicOrigin(c), code)), 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "no-store",
    });
  });

  return routes;
}
