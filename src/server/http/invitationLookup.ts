// Every look-up of a code a client presents goes through here, so guessing codes is limited on every route alike.
import type { Context } from "hono";
import { normaliseInvitationCode } from "../../shared/invitationCode";
import { invitationCode } from "../../shared/reply";
import { findInvitation, type Invitation } from "../db/invitations";
import { ApiProblem } from "./errors";
import { clientAddress } from "./clientAddress";
import type { AppDeps } from "./context";

export type LimitedLookup<T> = { limited: false; found: T | undefined } | { limited: true; retryAfterSeconds: number };

/**
 * Runs `find` unless this source has made too many failed look-ups; a found result does not count against it.
 * `remembered` answers from memory, without a query, when it can (the reference cache): a code it finds cannot be a
 * failed look-up, so the count is only read, not reserved: on PostgreSQL a reservation is a locked, committed
 * transaction per source, which every reply from one address (a workshop room's NAT) queued behind.
 */
export async function lookUpWithinLimit<T>(
  deps: AppDeps,
  c: Context,
  find: () => Promise<T | undefined>,
  remembered?: () => Promise<T | undefined> | undefined,
): Promise<LimitedLookup<T>> {
  const source = clientAddress(c, deps.trustProxy);
  const known = await remembered?.()?.catch(() => undefined);
  if (known !== undefined) {
    // Past the limit a right code is refused like a wrong one, or it would tell a guesser which guess was right.
    const wait = await deps.invitationLookups.wait(source, deps.now());
    return wait > 0 ? { limited: true, retryAfterSeconds: wait } : { limited: false, found: known };
  }
  // Reserved before the database is asked, so parallel guesses cannot all slip under the limit.
  const attempt = await deps.invitationLookups.reserve(source, deps.now());
  if (!attempt.allowed) return { limited: true, retryAfterSeconds: attempt.retryAfterSeconds };
  const found = await find();
  if (found !== undefined) await attempt.succeeded();
  return { limited: false, found };
}

export const TOO_MANY_LOOKUPS_SENTENCE =
  "Too many invitation codes that do not exist were tried from your network. Please wait a while and try again.";

/** The JSON routes' form: the found value or undefined; past the limit a 429 too_many_attempts with Retry-After. */
export async function findInvitationWithinLimit<T>(
  deps: AppDeps,
  c: Context,
  find: () => Promise<T | undefined>,
  remembered?: () => Promise<T | undefined> | undefined,
): Promise<T | undefined> {
  const result = await lookUpWithinLimit(deps, c, find, remembered);
  if (!result.limited) return result.found;
  c.header("Retry-After", String(result.retryAfterSeconds));
  throw new ApiProblem(429, "too_many_attempts", TOO_MANY_LOOKUPS_SENTENCE);
}

/** The invitation a JSON route's `:code` names: 400 for what is not a code, 404 for a code no invitation has. */
export async function findPresentedInvitation(deps: AppDeps, c: Context, rawCode: string): Promise<Invitation> {
  const code = normaliseInvitationCode(rawCode);
  if (!invitationCode.safeParse(code).success) {
    throw new ApiProblem(
      400,
      "invalid_invitation_code",
      "This is not an invitation code. Codes look like DEMO-TO1: letters and digits, in groups joined by dashes.",
    );
  }
  const invitation = await findInvitationWithinLimit(deps, c, () => findInvitation(deps.db, code));
  if (!invitation)
    throw new ApiProblem(
      404,
      "unknown_invitation",
      "No invitation has this code. Please check it against your invitation message.",
    );
  return invitation;
}
