// Why the server would not delete a workshop or campaign, in the console's language (its own sentence is English).
import { frameText as t } from "./consoleText";

const REFUSALS = {
  campaign_has_replies: "deleteRefusedCampaignHasReplies",
  workshop_has_replies: "deleteRefusedWorkshopHasReplies",
  workshop_has_materials: "deleteRefusedWorkshopHasMaterials",
} as const;

/** A known refusal from the catalogue; any other keeps the server's sentence. */
export function deletionRefusal(error: { code: string; message: string }): string {
  return error.code in REFUSALS ? t(REFUSALS[error.code as keyof typeof REFUSALS]) : error.message;
}
