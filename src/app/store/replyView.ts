// One submitted reply as its screen shows it, and the reply with the key that signs it for a colleague to deliver.
import type { Administration, Workshop } from "../../shared/directory";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import { db, questionnaireKey, type OutboxEntry, type OutriggerDb } from "./db";

export interface ReplyView {
  entry?: OutboxEntry;
  definition?: QuestionnaireDefinition;
  workshop?: Workshop;
  administrations?: Administration[];
}

export async function loadReplyView(replyId: string, database: OutriggerDb = db): Promise<ReplyView> {
  const entry = await database.outbox.get(replyId);
  if (!entry) return { entry: undefined };
  const questionnaire = await database.questionnaires.get(
    questionnaireKey(entry.reply.questionnaireId, entry.reply.questionnaireVersion),
  );
  const joined = await database.campaigns.get(entry.reply.invitationCode);
  const workshop = joined ? await database.workshops.get(joined.campaign.workshopId) : undefined;
  const administrations = await database.administrations.toArray();
  return { entry, definition: questionnaire?.definition, workshop, administrations };
}

export type ReplyForRelay =
  { kind: "ready"; entry: OutboxEntry; relayKey: string } | { kind: "not_on_phone" } | { kind: "no_relay_key" };

/** Invitations opened by an app older than relaying have no key to sign with until opened again. */
export async function loadReplyForRelay(replyId: string, database: OutriggerDb = db): Promise<ReplyForRelay> {
  const entry = await database.outbox.get(replyId);
  if (!entry) return { kind: "not_on_phone" };
  const joined = await database.campaigns.get(entry.reply.invitationCode);
  if (!joined?.relayKey) return { kind: "no_relay_key" };
  return { kind: "ready", entry, relayKey: joined.relayKey };
}
