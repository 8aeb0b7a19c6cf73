// What the survey screen opens with: the invitation's draft (started if need be), its pinned questionnaire and the lists it needs.
import type { CalendarDate } from "../../shared/calendarDate";
import type { Administration } from "../../shared/directory";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import { getJoined } from "./campaigns";
import { db, questionnaireKey, type Draft, type OutriggerDb } from "./db";
import { findOrStartDraft } from "./drafts";

export interface SurveyContext {
  draft: Draft;
  definition: QuestionnaireDefinition;
  /** Sorted by name, as the administration list shows them. */
  administrations: Administration[];
  workshopTitle: string;
  dueOn: CalendarDate;
  campaignStatus: string;
}

export type SurveyContextResult =
  { kind: "ready"; context: SurveyContext } | { kind: "not_joined" } | { kind: "already_replied"; replyId: string };

/** A reply already sent for this invitation (and no draft reopened) sends the participant to that reply instead. */
export async function loadSurveyContext(code: string, database: OutriggerDb = db): Promise<SurveyContextResult> {
  const joined = await getJoined(code, database);
  if (!joined) return { kind: "not_joined" };
  const existingDraft = await database.drafts.where("invitationCode").equals(code).first();
  if (!existingDraft) {
    const reply = await database.outbox.where("reply.invitationCode").equals(code).first();
    if (reply) return { kind: "already_replied", replyId: reply.id };
  }
  const draft = existingDraft ?? (await findOrStartDraft(code, new Date(), database));
  // The draft is pinned to the version it started on, even if a newer one has arrived since.
  const stored = await database.questionnaires.get(questionnaireKey(draft.questionnaireId, draft.questionnaireVersion));
  if (!stored) throw new Error("The questionnaire for this draft is missing on this phone.");
  const workshop = await database.workshops.get(joined.campaign.workshopId);
  return {
    kind: "ready",
    context: {
      draft,
      definition: stored.definition,
      administrations: (await database.administrations.toArray()).sort((a, b) => a.name.localeCompare(b.name)),
      workshopTitle: workshop?.title ?? "Workshop",
      dueOn: joined.campaign.dueOn,
      campaignStatus: joined.campaign.status,
    },
  };
}
