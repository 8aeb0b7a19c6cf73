// First-start data: run on every start, writes only what is missing.
import { dueDayOfInstant } from "../../shared/campaign";
import { bundledQuestionnaires, followUpLatest } from "../../shared/questionnaires/index";
import { insertCampaign } from "./campaigns";
import type { OutriggerDatabase } from "./database";
import { isDemoDataArchived } from "./demoArchive";
import { countAdministrations, insertWorkshops, upsertAdministrations } from "./directory";
import { insertInvitations, listInvitationCodes } from "./invitations";
import { insertQuestionnaire } from "./questionnaires";
import { bindShippedVersions } from "./reportBindings";
import {
  DEMO_CAMPAIGN_DAYS_OPEN,
  DEMO_CAMPAIGN_ID,
  DEMO_INVITATIONS,
  DEMO_WORKSHOP_ID,
  FY2223_WORKSHOPS,
  MEMBER_ADMINISTRATIONS,
} from "./seedData";

export interface SeedResult {
  /** True when this call filled an empty database. */
  seeded: boolean;
  demoCampaignId: string;
  /** Invitation codes of the demo campaign (empty if the organiser removed or archived it). */
  demoInvitationCodes: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedIfEmpty(db: OutriggerDatabase, now: Date = new Date()): Promise<SeedResult> {
  // Questionnaires ship with the code: a new version in a new build reaches the database on its next start.
  for (const definition of bundledQuestionnaires) await insertQuestionnaire(db, definition);
  await bindShippedVersions(db, now);

  const empty = (await countAdministrations(db)) === 0;
  if (empty) {
    await db.transaction().execute(async (tx) => {
      await upsertAdministrations(tx, MEMBER_ADMINISTRATIONS);
      await insertWorkshops(tx, FY2223_WORKSHOPS);
      // Opens a minute ago so a clock a little behind on the phone still sees it open.
      await insertCampaign(
        tx,
        {
          id: DEMO_CAMPAIGN_ID,
          workshopId: DEMO_WORKSHOP_ID,
          questionnaireId: followUpLatest.id,
          questionnaireVersion: followUpLatest.version,
          opensAt: new Date(now.getTime() - 60_000).toISOString(),
          dueOn: dueDayOfInstant(new Date(now.getTime() + DEMO_CAMPAIGN_DAYS_OPEN * DAY_MS).toISOString()),
          lateRepliesAccepted: true,
          status: "open",
        },
        now,
      );
      await insertInvitations(
        tx,
        DEMO_INVITATIONS.map((i) => ({ ...i, campaignId: DEMO_CAMPAIGN_ID })),
        now,
      );
    });
  }
  return {
    seeded: empty,
    demoCampaignId: DEMO_CAMPAIGN_ID,
    // Archived demo data is never seeded again (the administrations are there) nor its codes offered.
    demoInvitationCodes: (await isDemoDataArchived(db)) ? [] : await listInvitationCodes(db, DEMO_CAMPAIGN_ID),
  };
}
