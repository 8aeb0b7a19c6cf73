// Follow-up campaigns: one questionnaire version sent to one workshop's participants.
import type { Campaign, CampaignStatus } from "../../shared/campaign";
import type { OutriggerDatabase } from "./database";
import type { CampaignRow } from "./schema";

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: Number(row.questionnaire_version),
    opensAt: row.opens_at,
    dueAt: row.due_at,
    lateRepliesAccepted: Number(row.late_replies_accepted) === 1,
    status: row.status as CampaignStatus,
  };
}

export async function findCampaign(db: OutriggerDatabase, id: string): Promise<Campaign | undefined> {
  const row = await db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toCampaign(row) : undefined;
}

export async function insertCampaign(db: OutriggerDatabase, campaign: Campaign, createdAt: Date): Promise<void> {
  await db
    .insertInto("campaigns")
    .values({
      id: campaign.id,
      workshop_id: campaign.workshopId,
      questionnaire_id: campaign.questionnaireId,
      questionnaire_version: campaign.questionnaireVersion,
      opens_at: new Date(campaign.opensAt).toISOString(),
      due_at: new Date(campaign.dueAt).toISOString(),
      late_replies_accepted: campaign.lateRepliesAccepted ? 1 : 0,
      status: campaign.status,
      created_at: createdAt.toISOString(),
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

export async function setCampaignStatus(db: OutriggerDatabase, id: string, status: CampaignStatus): Promise<void> {
  await db.updateTable("campaigns").set({ status }).where("id", "=", id).execute();
}
