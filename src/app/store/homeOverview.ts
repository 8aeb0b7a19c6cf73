// The participant's start screen as data: each joined campaign with its workshop, draft, replies and feedback.
import type { Workshop } from "../../shared/directory";
import { db, type Draft, type JoinedCampaign, type OutboxEntry, type OutriggerDb, type PhoneFeedback } from "./db";

export interface JoinedCampaignOverview {
  joined: JoinedCampaign;
  workshop?: Workshop;
  draft?: Draft;
  replies: OutboxEntry[];
  feedback?: PhoneFeedback;
}

/** In invitation-code order, so the list does not jump around as replies change. */
export async function listJoinedCampaigns(database: OutriggerDb = db): Promise<JoinedCampaignOverview[]> {
  const campaigns = await database.campaigns.orderBy("invitationCode").toArray();
  return Promise.all(
    campaigns.map(async (c) => ({
      joined: c,
      workshop: await database.workshops.get(c.campaign.workshopId),
      draft: await database.drafts.where("invitationCode").equals(c.invitationCode).first(),
      replies: await database.outbox.where("reply.invitationCode").equals(c.invitationCode).toArray(),
      feedback: await database.feedback.get(c.invitationCode),
    })),
  );
}

/** The organiser's feedback for one invitation, as last fetched; undefined when none is on the phone. */
export function getFeedbackOnPhone(
  invitationCode: string,
  database: OutriggerDb = db,
): Promise<PhoneFeedback | undefined> {
  return database.feedback.get(invitationCode);
}
