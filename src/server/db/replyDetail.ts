// One stored reply with what the console shows beside it: its invitation, campaign, workshop and later replies.
import type { OutriggerDatabase } from "./database";

export interface StoredReplyContext {
  id: string;
  invitationCode: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: string;
  startedAt: string;
  submittedAt: string;
  receivedAt: string;
  appVersion: string;
  respondent: { name: string | null; email: string | null; administrationCode: string | null; position: string | null };
  workshop: { id: string; title: string; fiscalYear: string };
  campaign: { id: string; status: string };
  invitationWithdrawn: boolean;
  archived: boolean;
  /** Every reply of the same invitation (this one too), for telling which counts. */
  siblings: { id: string; receivedAt: string; submittedAt: string }[];
}

export async function findReplyWithContext(
  db: OutriggerDatabase,
  replyId: string,
): Promise<StoredReplyContext | undefined> {
  const row = await db
    .selectFrom("replies")
    .innerJoin("campaigns", "campaigns.id", "replies.campaign_id")
    .innerJoin("workshops", "workshops.id", "campaigns.workshop_id")
    .leftJoin("invitations", "invitations.code", "replies.invitation_code")
    .select([
      "replies.id as id",
      "replies.invitation_code as invitationCode",
      "replies.questionnaire_id as questionnaireId",
      "replies.questionnaire_version as questionnaireVersion",
      "replies.answers as answers",
      "replies.started_at as startedAt",
      "replies.submitted_at as submittedAt",
      "replies.received_at as receivedAt",
      "replies.app_version as appVersion",
      "invitations.participant_name as name",
      "invitations.email as email",
      "invitations.administration_code as administrationCode",
      "invitations.position as position",
      "invitations.withdrawn_at as withdrawnAt",
      "workshops.id as workshopId",
      "workshops.title as workshopTitle",
      "workshops.fiscal_year as fiscalYear",
      "workshops.archived_at as workshopArchivedAt",
      "campaigns.id as campaignId",
      "campaigns.status as campaignStatus",
      "campaigns.archived_at as campaignArchivedAt",
    ])
    .where("replies.id", "=", replyId)
    .executeTakeFirst();
  if (!row) return undefined;
  const siblings = await db
    .selectFrom("replies")
    .select(["id", "received_at", "submitted_at"])
    .where("invitation_code", "=", row.invitationCode)
    .where("campaign_id", "=", row.campaignId)
    .execute();
  return {
    id: row.id,
    invitationCode: row.invitationCode,
    questionnaireId: row.questionnaireId,
    questionnaireVersion: Number(row.questionnaireVersion),
    answers: row.answers,
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    appVersion: row.appVersion,
    respondent: {
      name: row.name ?? null,
      email: row.email ?? null,
      administrationCode: row.administrationCode ?? null,
      position: row.position ?? null,
    },
    workshop: { id: row.workshopId, title: row.workshopTitle, fiscalYear: row.fiscalYear },
    campaign: { id: row.campaignId, status: row.campaignStatus },
    invitationWithdrawn: row.withdrawnAt !== null && row.withdrawnAt !== undefined,
    archived: row.workshopArchivedAt !== null || row.campaignArchivedAt !== null,
    siblings: siblings.map((s) => ({ id: s.id, receivedAt: s.received_at, submittedAt: s.submitted_at })),
  };
}
