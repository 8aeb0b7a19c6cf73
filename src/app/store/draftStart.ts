// A new draft as it starts: pinned to the campaign's questionnaire version, pre-filled from the invitation. Apart from
// the database, so a first visit can start one in memory before Dexie has loaded (firstVisitJoin.ts).
import { v7 as uuidv7 } from "uuid";
import type { InvitationPrefill } from "../../shared/api";
import type { Answers } from "../../shared/answers";
import type { Campaign } from "../../shared/campaign";
import { allQuestions, type QuestionnaireDefinition } from "../../shared/questionnaire";
import type { Draft } from "./db";

export function startDraft(
  invitationCode: string,
  joined: { campaign: Campaign; prefill: InvitationPrefill },
  definition: QuestionnaireDefinition,
  now: Date,
): Draft {
  const answers: Answers = {};
  for (const question of allQuestions(definition)) {
    const known = question.prefillFrom ? joined.prefill[question.prefillFrom]?.trim() : undefined;
    if (known) answers[question.id] = known;
  }
  const at = now.toISOString();
  return {
    id: uuidv7(),
    invitationCode,
    campaignId: joined.campaign.id,
    questionnaireId: joined.campaign.questionnaireId,
    questionnaireVersion: joined.campaign.questionnaireVersion,
    answers,
    startedAt: at,
    updatedAt: at,
    sectionIndex: 0,
  };
}
