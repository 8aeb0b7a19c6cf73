// What joining sets going in the background: the workshop's materials list, so the library opens offline even if never visited online.
import { getJoined } from "../store/campaigns";
import { refreshManifest, type ManifestDeps, type ManifestRefreshResult } from "./materialsManifest";

/** Best effort and never in the way: the questionnaire opens at once; a failure waits for the next library visit or sync. */
export async function storeMaterialsListAfterJoin(
  invitationCode: string,
  deps: ManifestDeps = {},
): Promise<ManifestRefreshResult | undefined> {
  const joined = await getJoined(invitationCode, deps.db);
  if (!joined) return undefined;
  return refreshManifest(joined.campaign.workshopId, deps).catch(() => undefined);
}
