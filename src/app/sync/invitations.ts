// Joining a campaign by invitation code: the one moment the survey needs the network before answering.
import { invitationPath, invitationPayload } from "../../shared/api";
import { listJoined, saveInvitation } from "../store/campaigns";
import type { JoinedCampaign } from "../store/db";
import { createApiClient, parseWith } from "./apiClient";
import {
  fetchInvitation,
  JOIN_MESSAGES,
  normaliseInvitationCode,
  type InvitationFetchDeps,
  type JoinFailure,
} from "./invitationFetch";
import { resolvePlatform, type Platform } from "./platform";

export type InvitationDeps = Partial<Platform> & InvitationFetchDeps;

export type JoinResult = { ok: true; invitationCode: string } | JoinFailure;

export { JOIN_MESSAGES, normaliseInvitationCode };

function clientFor(platform: Platform, deps: InvitationDeps) {
  return createApiClient({ ...platform, timeoutMs: deps.requestTimeoutMs });
}

/** Fetches the invitation and stores it on the phone (a first visit stores it later: features/join/JoinPage.tsx). */
export async function joinByCode(rawCode: string, deps: InvitationDeps = {}): Promise<JoinResult> {
  const platform = resolvePlatform(deps);
  const fetched = await fetchInvitation(rawCode, { ...platform, requestTimeoutMs: deps.requestTimeoutMs });
  if (!fetched.ok) return fetched;
  await saveInvitation(fetched.payload, platform.clock.now(), platform.db);
  return { ok: true, invitationCode: fetched.payload.code };
}

export interface RefreshSummary {
  refreshed: string[];
  notFound: string[];
  failed: string[];
}

/**
 * Re-reads every joined invitation so a closed or withdrawn campaign shows as such. Best effort: stops when offline.
 * One read from the server less than `skipReadWithinMs` ago is left as it is: right after joining, the app's first
 * sync would otherwise fetch the invitation a second time over a slow link.
 */
export async function refreshJoinedCampaigns(
  deps: InvitationDeps & { skipReadWithinMs?: number } = {},
): Promise<RefreshSummary> {
  const platform = resolvePlatform(deps);
  const client = clientFor(platform, deps);
  const summary: RefreshSummary = { refreshed: [], notFound: [], failed: [] };
  const now = platform.clock.now().getTime();
  const readRecently = (item: JoinedCampaign) => {
    const age = now - Date.parse(item.refreshedAt ?? item.joinedAt);
    // A stamp in the future (the phone's clock was set back) says nothing about when it was read: read it.
    return age >= 0 && age < (deps.skipReadWithinMs ?? 0);
  };
  const joined = (await listJoined(platform.db)).filter((item) => !readRecently(item));
  for (const [index, item] of joined.entries()) {
    const result = await client.get(invitationPath(item.invitationCode), parseWith(invitationPayload));
    if (result.ok) {
      await saveInvitation({ ...result.body, code: item.invitationCode }, platform.clock.now(), platform.db);
      summary.refreshed.push(item.invitationCode);
    } else if (result.status === 404 && result.error) {
      summary.notFound.push(item.invitationCode);
    } else if (result.kind !== "http") {
      summary.failed.push(...joined.slice(index).map((j) => j.invitationCode));
      break;
    } else {
      summary.failed.push(item.invitationCode);
    }
  }
  return summary;
}
