// Invitation codes as people type them: the alphabet and grouping of new codes, and one normalising rule for phone and server.
// New codes: 12 characters of Crockford's base32 (60 random bits), in groups of four, then the administration,
// e.g. "Q8ZT-M4VX-9NRH-TL". Older codes ("7K3QF9-TL", "DEMO-TO1") keep working exactly as they were issued.

/** Crockford's base32: digits and capitals without I, L, O and U, which are misread or misheard. */
export const INVITATION_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 12 × 5 bits = 60 random bits per code. */
export const INVITATION_CODE_RANDOM_CHARACTERS = 12;
export const INVITATION_CODE_GROUP_LENGTH = 4;

/** A new-format code once spaces and dashes are gone: the random part, then an optional 2–3 letter administration. */
const NEW_FORMAT_BARE = new RegExp(`^([0-9A-Z]{${INVITATION_CODE_RANDOM_CHARACTERS}})([A-Z]{2,3})?$`);
/** Crockford decoding of look-alikes, for the random part only (an administration code may well contain an O or an L). */
const LOOK_ALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };

/** The random part in groups, then the administration: "Q8ZTM4VX9NRH" + "TL" → "Q8ZT-M4VX-9NRH-TL". */
export function formatInvitationCode(random: string, administrationCode: string | undefined): string {
  const groups = random.match(new RegExp(`.{1,${INVITATION_CODE_GROUP_LENGTH}}`, "g")) ?? [];
  return [...groups, ...(administrationCode ? [administrationCode] : [])].join("-");
}

/**
 * The stored form of a typed code: upper case, no spaces; a new-format code also regrouped whatever dashes were typed,
 * with O read as 0 and I or L as 1 in its random part. Anything else (older codes) only loses case and spaces.
 */
export function normaliseInvitationCode(raw: string): string {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  const bare = NEW_FORMAT_BARE.exec(compact.replaceAll("-", ""));
  if (!bare) return compact;
  const random = bare[1].replace(/[OIL]/g, (ch) => LOOK_ALIKES[ch]);
  if (![...random].every((ch) => INVITATION_CODE_ALPHABET.includes(ch))) return compact;
  return formatInvitationCode(random, bare[2]);
}
