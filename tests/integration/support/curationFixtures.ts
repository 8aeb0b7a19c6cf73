// A workshop of FY 2023/24 with three invited participants (FJ, TO, TL), a campaign, and a reply from TO.
import type { Hono } from "hono";
import { expect } from "vitest";
import type { CampaignDetail } from "../../../src/shared/console";
import type { SignedIn } from "./consoleClient";
import { workshopWithCampaign } from "./consoleFixtures";
import { validAnswers, validReply } from "./replyFixtures";
import { postBatch } from "./requests";

export const WORKSHOP_TITLE = "Sub-regional Workshop on Post-Clearance Audit";
export const FISCAL_YEAR_PATH = "2023-24";
export const TO_APPLICATION =
  "We compared our clearance steps with the General Annex and removed a duplicate document check.";

export async function workshopWithReply(
  app: Hono,
  me: SignedIn,
): Promise<{
  workshopId: string;
  campaign: CampaignDetail;
  replyId: string;
  code: (administration: string) => string;
}> {
  const { workshopId, campaign, code } = await workshopWithCampaign(app, me, {
    title: WORKSHOP_TITLE,
    participants: [
      { name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" },
      { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
      { name: "Ana da Costa", administrationCode: "TL", email: "ana@example.org" },
    ],
  });
  const reply = validReply({
    campaignId: campaign.campaign.id,
    invitationCode: code("TO"),
    answers: validAnswers({ administration: "TO", application: TO_APPLICATION }),
    startedAt: "2024-03-05T09:40:00.000Z",
    submittedAt: "2024-03-05T09:55:00.000Z",
  });
  const batch = await postBatch(app, [reply]);
  expect(batch.results[0].outcome).toBe("stored");
  return { workshopId, campaign, replyId: reply.id, code };
}
