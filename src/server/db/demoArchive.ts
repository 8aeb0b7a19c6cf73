// Archiving the demo data (the workshop, campaign and invitations seeded on first start) and bringing it back.
// Nothing is deleted: the archived_at columns (migration 0140) take it out of lists, counts, reports and replies.
import type { DemoDataState } from "../../shared/demoArchive";
import type { OutriggerDatabase } from "./database";
import { listInvitationCodes } from "./invitations";
import { forgetCampaigns, forgetInvitations } from "./referenceChanges";
import { DEMO_CAMPAIGN_ID, DEMO_WORKSHOP_ID } from "./seedData";

export async function findDemoDataState(db: OutriggerDatabase): Promise<DemoDataState> {
  const workshop = await db
    .selectFrom("workshops")
    .leftJoin("organisers", "organisers.id", "workshops.archived_by")
    .select(["workshops.title", "workshops.archived_at", "organisers.name as archived_by_name"])
    .where("workshops.id", "=", DEMO_WORKSHOP_ID)
    .executeTakeFirst();
  return {
    present: workshop !== undefined,
    workshopId: DEMO_WORKSHOP_ID,
    workshopTitle: workshop?.title ?? null,
    campaignId: DEMO_CAMPAIGN_ID,
    invitationCodes: await listInvitationCodes(db, DEMO_CAMPAIGN_ID),
    archivedAt: workshop?.archived_at ?? null,
    archivedBy: workshop?.archived_by_name ?? null,
  };
}

/** True when the demo workshop is archived: its codes are not offered at start. */
export async function isDemoDataArchived(db: OutriggerDatabase): Promise<boolean> {
  const row = await db
    .selectFrom("workshops")
    .select("archived_at")
    .where("id", "=", DEMO_WORKSHOP_ID)
    .executeTakeFirst();
  return row !== undefined && row.archived_at !== null;
}

/** Archives (`archive` says when and by whom) or restores (null) the demo workshop and its campaign together. */
export async function setDemoDataArchived(
  db: OutriggerDatabase,
  archive: { at: Date; by: string } | null,
): Promise<void> {
  const values = { archived_at: archive?.at.toISOString() ?? null, archived_by: archive?.by ?? null };
  await db.transaction().execute(async (tx) => {
    await tx.updateTable("workshops").set(values).where("id", "=", DEMO_WORKSHOP_ID).execute();
    await tx.updateTable("campaigns").set(values).where("id", "=", DEMO_CAMPAIGN_ID).execute();
  });
  forgetCampaigns();
  forgetInvitations();
}
