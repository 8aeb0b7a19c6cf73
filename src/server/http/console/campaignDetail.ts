// What the campaign routes share: the campaign named in the path (or a JSON 404), and its detail as the console shows it.
import type { Context, MiddlewareHandler } from "hono";
import type { CampaignDetail, CampaignInvitation } from "../../../shared/console";
import { isHttps, type ConsoleEnv } from "../../auth/middleware";
import {
  findCampaignWithCounts,
  listCampaignInvitations,
  type CampaignInvitationRow,
  type CampaignWithCounts,
} from "../../db/campaigns";
import type { OutriggerDatabase } from "../../db/database";
import { ApiProblem } from "../errors";
import { workshopOr404 } from "./workshops";

/** The origin participants reach: the request's, with https when a trusted proxy says so. */
export function publicOrigin<E extends ConsoleEnv>(c: Context<E>): string {
  const url = new URL(c.req.url);
  const protocol = isHttps(c) ? "https:" : url.protocol;
  return `${protocol}//${url.host}`;
}

export function joinLink(origin: string, code: string): string {
  return `${origin}/join/${encodeURIComponent(code)}`;
}

function toInvitation(origin: string, campaignId: string, r: CampaignInvitationRow): CampaignInvitation {
  return {
    code: r.code,
    participantId: r.participantId,
    participantName: r.participantName,
    administrationCode: r.administrationCode,
    email: r.email,
    position: r.position,
    link: joinLink(origin, r.code),
    replied: r.repliedAt !== undefined,
    ...(r.repliedAt !== undefined ? { repliedAt: r.repliedAt } : {}),
    ...(r.latestReplyId !== undefined ? { latestReplyId: r.latestReplyId } : {}),
    ...(r.remindedAt !== null ? { remindedAt: r.remindedAt } : {}),
    ...(r.invitationEmailedAt !== null ? { invitationEmailedAt: r.invitationEmailedAt } : {}),
    ...(r.withdrawnAt !== null ? { withdrawnAt: r.withdrawnAt } : {}),
    qrSvgPath: `/api/console/campaigns/${encodeURIComponent(campaignId)}/invitations/${encodeURIComponent(r.code)}/qr.svg`,
  };
}

export async function campaignOr404(db: OutriggerDatabase, id: string): Promise<CampaignWithCounts> {
  const campaign = await findCampaignWithCounts(db, id);
  if (!campaign) throw new ApiProblem(404, "campaign_not_found", "There is no campaign with this id.");
  return campaign;
}

/** The campaign with its workshop and invitations (links made for the origin of this request). */
export async function campaignDetail<E extends ConsoleEnv>(
  c: Context<E>,
  campaign: CampaignWithCounts,
): Promise<CampaignDetail> {
  const { db } = c.var.deps;
  const workshop = await workshopOr404(db, campaign.workshopId);
  const origin = publicOrigin(c);
  return {
    campaign,
    workshop: { id: workshop.id, title: workshop.title, fiscalYear: workshop.fiscalYear },
    invitations: (await listCampaignInvitations(db, campaign.id)).map((r) => toInvitation(origin, campaign.id, r)),
  };
}

/** The detail read again after a change. */
export async function freshCampaignDetail<E extends ConsoleEnv>(c: Context<E>, id: string): Promise<CampaignDetail> {
  return campaignDetail(c, await campaignOr404(c.var.deps.db, id));
}

/** The console's variables plus the campaign named in the path, for handlers after withCampaign(). */
export interface CampaignEnv extends ConsoleEnv {
  Variables: ConsoleEnv["Variables"] & { campaign: CampaignWithCounts };
}

/**
 * Loads the campaign of a `/campaigns/:id/…` path into c.var.campaign before the handler runs; an unknown id
 * answers 404 campaign_not_found. Put it after the body's validator, so a bad body is refused first as before.
 *
 * @example routes.get("/campaigns/:id", requireSession(), withCampaign(), async (c) => c.json(await campaignDetail(c, c.var.campaign)));
 */
export function withCampaign(): MiddlewareHandler<CampaignEnv> {
  return async function withCampaign(c, next) {
    c.set("campaign", await campaignOr404(c.var.deps.db, c.req.param("id") ?? ""));
    await next();
  };
}
