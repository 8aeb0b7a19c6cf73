// The participant's start screen as data: each joined campaign with its workshop, draft, replies and feedback.
import type { Workshop } from "../../shared/directory";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import {
  db,
  questionnaireKey,
  type Draft,
  type JoinedCampaign,
  type OutboxEntry,
  type OutriggerDb,
  type PhoneFeedback,
} from "./db";

export interface JoinedCampaignOverview {
  joined: JoinedCampaign;
  workshop?: Workshop;
  /** The title of the version the participant answers (their draft's, else their reply's, else the campaign's). */
  questionnaire?: Pick<QuestionnaireDefinition, "title" | "titles">;
  draft?: Draft;
  replies: OutboxEntry[];
  feedback?: PhoneFeedback;
}

/** In invitation-code order, so the list does not jump around as replies change. */
export async function listJoinedCampaigns(database: OutriggerDb = db): Promise<JoinedCampaignOverview[]> {
  const campaigns = await database.campaigns.orderBy("invitationCode").toArray();
  return Promise.all(
    campaigns.map(async (c) => {
      const draft = await database.drafts.where("invitationCode").equals(c.invitationCode).first();
      const replies = await database.outbox.where("reply.invitationCode").equals(c.invitationCode).toArray();
      const pinned = draft ?? replies[0]?.reply ?? c.campaign;
      const stored = await database.questionnaires.get(
        questionnaireKey(pinned.questionnaireId, pinned.questionnaireVersion),
      );
      return {
        joined: c,
        workshop: await database.workshops.get(c.campaign.workshopId),
        ...(stored ? { questionnaire: { title: stored.definition.title, titles: stored.definition.titles } } : {}),
        draft,
        replies,
        feedback: await database.feedback.get(c.invitationCode),
      };
    }),
  );
}

/** The organiser's feedback for one invitation, as last fetched; undefined when none is on the phone. */
export function getFeedbackOnPhone(
  invitationCode: string,
  database: OutriggerDb = db,
): Promise<PhoneFeedback | undefined> {
  return database.feedback.get(invitationCode);
}
