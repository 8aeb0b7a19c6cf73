// Joined campaigns: what an invitation brought onto the phone, kept so the survey works offline from then on.
import type { InvitationPayload } from "../../shared/api";
import { db, questionnaireKey, type JoinedCampaign, type OutriggerDb } from "./db";

/** Stores an invitation's campaign, workshop, questionnaire version and lists in one transaction. */
export async function saveInvitation(
  payload: InvitationPayload,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<void> {
  const at = now.toISOString();
  await database.transaction(
    "rw",
    [database.campaigns, database.workshops, database.questionnaires, database.administrations],
    async () => {
      const existing = await database.campaigns.get(payload.code);
      const joined: JoinedCampaign = {
        invitationCode: payload.code,
        campaign: payload.campaign,
        prefill: payload.prefill,
        ...((payload.relayKey ?? existing?.relayKey) ? { relayKey: payload.relayKey ?? existing?.relayKey } : {}),
        joinedAt: existing?.joinedAt ?? at,
        ...(existing ? { refreshedAt: at } : {}),
      };
      await database.campaigns.put(joined);
      await database.workshops.put(payload.workshop);
      // A questionnaire version never changes once published, and drafts stay pinned to theirs: add, never replace.
      const key = questionnaireKey(payload.questionnaire.id, payload.questionnaire.version);
      if (!(await database.questionnaires.get(key)))
        await database.questionnaires.add({ key, definition: payload.questionnaire });
      // The list only grows: an administration dropped from today's list may still be named in older replies.
      await database.administrations.bulkPut(payload.administrations);
    },
  );
}

export function getJoined(code: string, database: OutriggerDb = db): Promise<JoinedCampaign | undefined> {
  return database.campaigns.get(code);
}

export function listJoined(database: OutriggerDb = db): Promise<JoinedCampaign[]> {
  return database.campaigns.orderBy("invitationCode").toArray();
}
