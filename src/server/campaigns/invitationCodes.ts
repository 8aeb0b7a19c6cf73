// Personal invitation codes: made from node:crypto, and checked unused before a campaign's invitations are stored.
import { randomBytes } from "node:crypto";
import type { Participant } from "../../shared/console";
import {
  formatInvitationCode,
  INVITATION_CODE_ALPHABET,
  INVITATION_CODE_RANDOM_CHARACTERS,
} from "../../shared/invitationCode";
import type { OutriggerDatabase } from "../db/database";
import { takenInvitationCodes, type NewInvitation } from "../db/invitations";

/** New codes are tried this many times over before giving up (a clash of 60-bit codes is already unlikely). */
const CODE_ATTEMPTS = 10;

/**
 * A personal invitation code: 12 characters of Crockford's base32 from node:crypto (60 random bits), in groups of
 * four, then the administration ("Q8ZT-M4VX-9NRH-TL"); matches the shared `invitationCode` pattern. The suffix is
 * public knowledge, so it adds no secrecy: the random part alone must resist guessing (with the look-up limit).
 */
export function newInvitationCode(administrationCode: string | null): string {
  let random = "";
  // 32 letters: one random byte & 31 picks each without bias.
  for (const b of randomBytes(INVITATION_CODE_RANDOM_CHARACTERS)) random += INVITATION_CODE_ALPHABET[b & 31];
  const suffix = (administrationCode ?? "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(0, 12);
  return formatInvitationCode(random, suffix.length >= 2 ? suffix : undefined);
}

/** Invitations with unused codes for these participants: checked against the database (and each other) so an insert never drops one. */
export async function newInvitationsFor(
  db: OutriggerDatabase,
  campaignId: string,
  people: readonly Participant[],
): Promise<NewInvitation[]> {
  const out: NewInvitation[] = people.map((p) => ({
    code: newInvitationCode(p.administrationCode),
    campaignId,
    participantId: p.id,
    participantName: p.name,
    email: p.email,
    administrationCode: p.administrationCode,
    ...(p.position ? { position: p.position } : {}),
  }));
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const seen = new Set<string>();
    const clashes = new Set<string>();
    for (const i of out) (seen.has(i.code) ? clashes : seen).add(i.code);
    for (const taken of await takenInvitationCodes(
      db,
      out.map((i) => i.code),
    ))
      clashes.add(taken);
    if (clashes.size === 0) return out;
    const renamed = new Set<string>();
    for (const i of out) {
      if (clashes.has(i.code) && !renamed.has(i.code)) {
        renamed.add(i.code);
        i.code = newInvitationCode(i.administrationCode ?? null);
      }
    }
  }
  throw new Error("Could not find unused invitation codes");
}
