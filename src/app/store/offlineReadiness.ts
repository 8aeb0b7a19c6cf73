// Offline readiness as screens read it: which joined workshops have their questionnaire and materials list on
// the phone. The shell's part comes from the service worker (features/update/offlineShell.ts); the two meet in
// deriveOfflineReadiness (src/shared/offlineReadiness.ts).
import type { StoredForOffline } from "../../shared/offlineReadiness";
import { db, questionnaireKey, type OutriggerDb } from "./db";

/** Two items per joined invitation: its questionnaire version, and its workshop's materials list. */
export async function loadStoredForOffline(database: OutriggerDb = db): Promise<StoredForOffline> {
  const joined = await database.campaigns.toArray();
  const present = await Promise.all(
    joined.flatMap(({ campaign }) => [
      database.questionnaires.get(questionnaireKey(campaign.questionnaireId, campaign.questionnaireVersion)),
      database.manifests.get(campaign.workshopId),
    ]),
  );
  return { items: present.length, stored: present.filter((row) => row !== undefined).length };
}
