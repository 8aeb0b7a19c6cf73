// Brings the phone's stored copies up to date from our server: joined invitations (with their questionnaire versions),
// the signing key, the organiser's feedback and, when asked, each workshop's materials list. Used by the open app
// (after it reaches the server, at most hourly) and by the service worker's Periodic Background Sync.
import { refreshFeedback } from "./feedbackSync";
import { refreshJoinedCampaigns } from "./invitations";
import { refreshAllManifests, type ManifestRefreshResult } from "./materialsManifest";
import type { Platform } from "./platform";
import { refreshSigningKey } from "./signingKeyCache";

export interface StoredCopiesOptions {
  requestTimeoutMs?: number;
  /**
   * Also the materials lists. The open app fetches them at join and whenever the library opens, so its hourly
   * refresh leaves them; a closed app has no such moment.
   */
  materialsLists: boolean;
  /** Invitations read from the server less than this long ago are not read again (default: all are). */
  invitationsReadWithinMs?: number;
}

/**
 * Best effort: each part fails alone and a failure changes nothing stored. Gives the material files a changed list
 * queued for download (the downloader fetches them; the service worker leaves that to the app's next start).
 */
export async function refreshStoredCopies(platform: Platform, options: StoredCopiesOptions): Promise<string[]> {
  const deps = { ...platform, requestTimeoutMs: options.requestTimeoutMs };
  const [, , , lists] = await Promise.allSettled([
    refreshJoinedCampaigns({ ...deps, skipReadWithinMs: options.invitationsReadWithinMs }),
    refreshSigningKey(deps),
    refreshFeedback(platform),
    options.materialsLists ? refreshAllManifests(deps) : Promise.resolve<Record<string, ManifestRefreshResult>>({}),
  ]);
  if (lists.status !== "fulfilled") return [];
  return [...new Set(Object.values(lists.value).flatMap((result) => (result.ok ? result.queuedBlobs : [])))];
}
