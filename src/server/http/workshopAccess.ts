// A participant's invitation unlocks the materials of its campaign's workshop, and nothing else.
import type { Context } from "hono";
import { INVITATION_AUTH_SCHEME } from "../../shared/materials";
import { invitationCode } from "../../shared/reply";
import { findInvitationWorkshopId } from "../db/invitations";
import type { AppDeps } from "./context";
import { ApiProblem } from "./errors";
import { findInvitationWithinLimit } from "./invitationLookup";
import { normaliseInvitationCode } from "./invitations";

/** `Authorization: Invitation <CODE>` wins; `?invitation=CODE` serves plain links (a video tag, "open in another app"). */
function presentedCode(c: Context): string | undefined {
  const header = c.req.header("Authorization");
  if (header !== undefined) {
    const match = new RegExp(`^\\s*${INVITATION_AUTH_SCHEME}\\s+(\\S+)\\s*$`, "i").exec(header);
    if (match) return match[1];
  }
  const query = c.req.query("invitation");
  if (query !== undefined && query !== "") return query;
  return header === undefined ? undefined : "";
}

/** The workshop the request's invitation unlocks; 401 when there is no usable invitation. */
export async function invitationWorkshopId(deps: AppDeps, c: Context): Promise<string> {
  const raw = presentedCode(c);
  const code = raw === undefined ? undefined : normaliseInvitationCode(raw);
  if (code === undefined || !invitationCode.safeParse(code).success) {
    throw new ApiProblem(
      401,
      "invitation_required",
      `Materials are for workshop participants: send your invitation code as "Authorization: ${INVITATION_AUTH_SCHEME} <code>".`,
    );
  }
  const workshopId = await findInvitationWithinLimit(deps, c, () => findInvitationWorkshopId(deps.db, code));
  if (workshopId === undefined)
    throw new ApiProblem(
      401,
      "unknown_invitation",
      "No invitation has this code. Please check it against your invitation message.",
    );
  return workshopId;
}

export function forbidden(): ApiProblem {
  return new ApiProblem(403, "forbidden", "Your invitation does not open this workshop's materials.");
}
