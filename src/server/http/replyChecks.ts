// Whether one reply may be taken: its campaign, invitation and questionnaire version, then its answers.
import type { FieldIssue, ReplyResult } from "../../shared/api";
import { validateAnswers } from "../../shared/answerValidation";
import { campaignAcceptsReplies, type Campaign } from "../../shared/campaign";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import type { Reply } from "../../shared/reply";
import type { ReplyRefusalCode } from "../../shared/replyRefusalCodes";
import type { Invitation } from "../db/invitations";

export function rejected(id: string, code: ReplyRefusalCode, message: string, details?: FieldIssue[]): ReplyResult {
  return {
    id,
    outcome: "rejected",
    status: 422,
    error: details && details.length > 0 ? { code, message, details } : { code, message },
  };
}

export interface ReplyContext {
  campaign: Campaign | undefined;
  invitation: Invitation | undefined;
  questionnaire: (c: Campaign) => Promise<QuestionnaireDefinition | undefined>;
  administrationCodes: () => Promise<string[]>;
  now: Date;
}

export async function checkReply(reply: Reply, context: ReplyContext): Promise<ReplyResult | undefined> {
  const { campaign, invitation } = context;
  if (!campaign)
    return rejected(
      reply.id,
      "unknown_campaign",
      "The questionnaire this reply belongs to is not known to the server.",
    );
  if (!invitation || invitation.campaignId !== campaign.id) {
    return rejected(
      reply.id,
      "unknown_invitation",
      "The invitation code of this reply does not belong to this questionnaire.",
    );
  }
  const acceptance = campaignAcceptsReplies(campaign, context.now);
  if (!acceptance.accepted) return rejected(reply.id, acceptance.code, acceptance.message);
  if (invitation.archivedAt !== undefined)
    return rejected(
      reply.id,
      "invitation_archived",
      "This invitation belongs to data the organiser has archived, so it no longer takes replies.",
    );
  if (invitation.withdrawnAt !== undefined)
    return rejected(
      reply.id,
      "invitation_withdrawn",
      "The organiser has withdrawn your invitation to this questionnaire, so it no longer takes your replies.",
    );
  if (
    reply.questionnaireId !== campaign.questionnaireId ||
    reply.questionnaireVersion !== campaign.questionnaireVersion
  ) {
    return rejected(
      reply.id,
      "wrong_questionnaire_version",
      "This reply was made for a different version of the questionnaire than the one being collected.",
    );
  }
  const definition = await context.questionnaire(campaign);
  if (!definition)
    throw new Error(
      `Campaign ${campaign.id} uses questionnaire ${campaign.questionnaireId} v${campaign.questionnaireVersion}, which is not stored`,
    );
  const issues = validateAnswers(definition, reply.answers, {
    lists: { administrations: await context.administrationCodes() },
  });
  if (issues.length > 0) {
    return rejected(
      reply.id,
      "invalid_answers",
      "Some answers need attention before this reply can be taken.",
      issues.map((i) => ({ path: `answers.${i.question}`, code: i.code, message: i.message })),
    );
  }
  return undefined;
}
