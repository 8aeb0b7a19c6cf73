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
  const known = remembered && (await rememberedAndWaitSeconds(deps, c, remembered));
  // Past the limit a right code is refused like a wrong one, or it would tell a guesser which guess was right.
  if (known)
    return known.wait > 0 ? { limited: true, retryAfterSeconds: known.wait } : { limited: false, found: known.found };
  // Reserved before the database is asked, so parallel guesses cannot all slip under the limit.
  const attempt = await deps.invitationLookups.reserve(clientAddress(c, deps.trustProxy), deps.now());
  if (!attempt.allowed) return { limited: true, retryAfterSeconds: attempt.retryAfterSeconds };
  const found = await find();
  if (found !== undefined) await attempt.succeeded();
  return { limited: false, found };
}

/** What memory holds for the code, and how long its source must wait (its count only read); undefined when memory has nothing. */
async function rememberedAndWaitSeconds<T>(
  deps: AppDeps,
  c: Context,
  remembered: () => Promise<T | undefined> | undefined,
): Promise<{ found: T; wait: number } | undefined> {
  const found = await remembered()?.catch(() => undefined);
  if (found === undefined) return undefined;
  return { found, wait: await deps.invitationLookups.wait(clientAddress(c, deps.trustProxy), deps.now()) };
}

/**
 * The value memory holds (the reference cache), while its source is within the limit: no query for the code and
 * nothing counted. Undefined when memory holds nothing or the source is past the limit: the caller then asks
 * findInvitationWithinLimit(), which decides (and refuses) as for any other look-up.
 */
export async function rememberedWithinLimit<T>(
  deps: AppDeps,
  c: Context,
  remembered: () => Promise<T | undefined> | undefined,
): Promise<T | undefined> {
  const known = await rememberedAndWaitSeconds(deps, c, remembered);
  return known && known.wait === 0 ? known.found : undefined;
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
