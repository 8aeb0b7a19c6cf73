// A new campaign from what the organiser asked: the questionnaire version (default: the latest "follow-up") and its dates.
import { v7 as uuidv7 } from "uuid";
import type { Campaign } from "../../shared/campaign";
import type { ConsoleWorkshop, NewCampaign } from "../../shared/console";
import { latestQuestionnaireVersion } from "../db/campaigns";
import type { OutriggerDatabase } from "../db/database";
import { findQuestionnaireVersion } from "../db/questionnaires";
import { campaignDates, dueNotAfterOpening } from "./schedule";

export const DEFAULT_QUESTIONNAIRE_ID = "follow-up";

/** The campaign to store, or why it cannot be made (checked in this order). */
export type CampaignPlan =
  | { campaign: Campaign }
  | { problem: "unknown_questionnaire"; questionnaireId: string }
  | { problem: "questionnaire_not_published"; questionnaireId: string; questionnaireVersion: number; status: string }
  | { problem: "dates_out_of_order" };

export async function planCampaign(
  db: OutriggerDatabase,
  workshop: ConsoleWorkshop,
  asked: NewCampaign,
  now: Date,
): Promise<CampaignPlan> {
  const questionnaireId = asked.questionnaireId ?? DEFAULT_QUESTIONNAIRE_ID;
  const questionnaireVersion = asked.questionnaireVersion ?? (await latestQuestionnaireVersion(db, questionnaireId));
  const stored =
    questionnaireVersion === undefined
      ? undefined
      : await findQuestionnaireVersion(db, questionnaireId, questionnaireVersion);
  if (questionnaireVersion === undefined || !stored) return { problem: "unknown_questionnaire", questionnaireId };
  // Drafts may still change and retired versions are withdrawn from use: a campaign pins a published version only.
  if (stored.status !== "published")
    return { problem: "questionnaire_not_published", questionnaireId, questionnaireVersion, status: stored.status };
  const { opensAt, dueOn } = campaignDates(asked, workshop, now);
  if (dueNotAfterOpening(opensAt, dueOn)) return { problem: "dates_out_of_order" };
  return {
    campaign: {
      id: uuidv7(),
      workshopId: workshop.id,
      questionnaireId,
      questionnaireVersion,
      opensAt: opensAt.toISOString(),
      dueOn,
      lateRepliesAccepted: asked.lateRepliesAccepted ?? true,
      status: "open",
    },
  };
}
