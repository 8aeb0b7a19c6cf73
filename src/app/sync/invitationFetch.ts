// Asking the server for an invitation, without storing it: the first screen's part of joining, apart from the
// database (invitations.ts stores what it brings), so a first visit shows the questionnaire before Dexie arrives.
import { invitationPath, invitationPayload, type InvitationPayload } from "../../shared/api";
import { normaliseInvitationCode as normaliseTypedCode } from "../../shared/invitationCode";
import { invitationCode as invitationCodeSchema } from "../../shared/reply";
import { createApiClient, parseWith } from "./apiClient";
import type { Network } from "./network";

export type InvitationFetchDeps = Partial<Network> & { requestTimeoutMs?: number };

export type JoinFailure = {
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

const failure = (reason: JoinFailure["reason"]): JoinFailure => ({ ok: false, reason, message: JOIN_MESSAGES[reason] });

/** The invitation as the server sends it, under the code the participant used (the one their link and replies carry). */
export async function fetchInvitation(
  rawCode: string,
  deps: InvitationFetchDeps = {},
): Promise<{ ok: true; payload: InvitationPayload } | JoinFailure> {
  const code = normaliseInvitationCode(rawCode);
  if (!invitationCodeSchema.safeParse(code).success) return failure("invalid_code");
  const client = createApiClient({ ...deps, timeoutMs: deps.requestTimeoutMs });
  const result = await client.get(invitationPath(code), parseWith(invitationPayload));
  if (result.ok) return { ok: true, payload: { ...result.body, code } };
  if (result.kind === "network" || result.kind === "timeout") return failure("offline");
  if (result.status === 404 && result.error) return failure("not_found");
  // Anything else not from our server (a captive portal's page, a proxy's 502) means we did not really get through.
  if (!result.error) return failure("offline");
  if (result.status === 400) return failure("invalid_code");
  if (result.status === 429) return failure("too_many_attempts");
  return failure("server_error");
}
