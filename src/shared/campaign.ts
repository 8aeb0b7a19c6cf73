// A follow-up campaign: one questionnaire version sent to one workshop's participants.
import * as z from "zod/mini";

export const campaignStatus = z.enum(["open", "closed", "withdrawn"]);
export type CampaignStatus = z.infer<typeof campaignStatus>;

export const campaign = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  workshopId: z.string().check(z.minLength(1), z.maxLength(64)),
  questionnaireId: z.string().check(z.minLength(1), z.maxLength(64)),
  questionnaireVersion: z.int().check(z.positive()),
  opensAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }),
  lateRepliesAccepted: z.boolean(),
  status: campaignStatus,
});
export type Campaign = z.infer<typeof campaign>;

export type CampaignAcceptance =
  | { accepted: true; late: boolean }
  | { accepted: false; code: "campaign_not_open_yet" | "campaign_closed" | "campaign_withdrawn"; message: string };

/** Whether a reply arriving at `now` is taken: late replies count when the campaign allows them. */
export function campaignAcceptsReplies(c: Campaign, now: Date): CampaignAcceptance {
  if (c.status === "withdrawn")
    return {
      accepted: false,
      code: "campaign_withdrawn",
      message: "The organiser has withdrawn this questionnaire, so it no longer takes replies.",
    };
  if (c.status === "closed")
    return {
      accepted: false,
      code: "campaign_closed",
      message: "This questionnaire is closed and no longer takes replies.",
    };
  if (now.getTime() < Date.parse(c.opensAt))
    return {
      accepted: false,
      code: "campaign_not_open_yet",
      message: "This questionnaire is not open for replies yet.",
    };
  const late = now.getTime() > Date.parse(c.dueAt);
  if (late && !c.lateRepliesAccepted)
    return {
      accepted: false,
      code: "campaign_closed",
      message: "The due date for this questionnaire has passed and late replies are not taken.",
    };
  return { accepted: true, late };
}
