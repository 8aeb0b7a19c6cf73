// Joining a campaign by invitation code: the one moment the survey needs the network before answering.
import { invitationPath, invitationPayload } from "../../shared/api";
import { normaliseInvitationCode as normaliseTypedCode } from "../../shared/invitationCode";
import { invitationCode as invitationCodeSchema } from "../../shared/reply";
import { listJoined, saveInvitation } from "../store/campaigns";
import type { JoinedCampaign } from "../store/db";
import { createApiClient, parseWith } from "./apiClient";
import { resolvePlatform, type Platform } from "./platform";

export type InvitationDeps = Partial<Platform> & { requestTimeoutMs?: number };

export type JoinResult =
  | { ok: true; invitationCode: string }
  | {
      ok: false;
      reason: "invalid_code" | "not_found" | "offline" | "server_error" | "too_many_attempts";
      message: string;
    };

export const JOIN_MESSAGES = {
  invalid_code:
    "This does not look like an invitation code. It is letters and numbers in groups, like Q8ZT-M4VX-9NRH-TL, as written in your e-mail.",
  not_found: "No invitation has this code. Check it against your e-mail.",
  offline: "You seem to be offline. Joining needs a connection once; after that everything works offline.",
  too_many_attempts:
    "Too many codes that do not exist were tried from this network. Please wait a few minutes, check the code and try again.",
  server_error: "The survey server could not open this invitation just now. Please try again in a few minutes.",
} as const;

/** Accepts a typed code or a pasted invitation link (…/join/CODE), in any case, with stray spaces, with or without dashes. */
export function normaliseInvitationCode(raw: string): string {
  let text = raw.trim();
  const fromLink = /\/join\/([^/?#\s]+)/i.exec(text);
  if (fromLink) {
    try {
      text = decodeURIComponent(fromLink[1]);
    } catch {
      text = fromLink[1];
    }
  }
  return normaliseTypedCode(text);
}

function clientFor(platform: Platform, deps: InvitationDeps) {
  return createApiClient({ ...platform, timeoutMs: deps.requestTimeoutMs });
}

export async function joinByCode(rawCode: string, deps: InvitationDeps = {}): Promise<JoinResult> {
  const code = normaliseInvitationCode(rawCode);
  if (!invitationCodeSchema.safeParse(code).success)
    return { ok: false, reason: "invalid_code", message: JOIN_MESSAGES.invalid_code };
  const platform = resolvePlatform(deps);
  const result = await clientFor(platform, deps).get(invitationPath(code), parseWith(invitationPayload));
  if (!result.ok) {
    if (result.kind === "network" || result.kind === "timeout")
      return { ok: false, reason: "offline", message: JOIN_MESSAGES.offline };
    if (result.status === 404 && result.error)
      return { ok: false, reason: "not_found", message: JOIN_MESSAGES.not_found };
    // Anything else not from our server (a captive portal's page, a proxy's 502) means we did not really get through.
    if (!result.error) return { ok: false, reason: "offline", message: JOIN_MESSAGES.offline };
    if (result.status === 400) return { ok: false, reason: "invalid_code", message: JOIN_MESSAGES.invalid_code };
    if (result.status === 429)
      return { ok: false, reason: "too_many_attempts", message: JOIN_MESSAGES.too_many_attempts };
    return { ok: false, reason: "server_error", message: JOIN_MESSAGES.server_error };
  }
  // Stored under the code the participant used, which is the one their link and the replies carry.
  await saveInvitation({ ...result.body, code }, platform.clock.now(), platform.db);
  return { ok: true, invitationCode: code };
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
