// New invitation codes: at least 60 random bits from node:crypto, in a typeable alphabet without look-alikes, grouped for reading.
import { describe, expect, it } from "vitest";
import {
  INVITATION_CODE_ALPHABET,
  INVITATION_CODE_RANDOM_CHARACTERS,
  normaliseInvitationCode,
} from "../../src/shared/invitationCode";
import { invitationCode } from "../../src/shared/reply";
import { newInvitationCode } from "../../src/server/campaigns/invitationCodes";

describe("new invitation codes", () => {
  it("carry at least 60 random bits: 12 characters from a 32-letter alphabet", () => {
    expect(INVITATION_CODE_ALPHABET).toHaveLength(32);
    expect(new Set(INVITATION_CODE_ALPHABET).size).toBe(32);
    expect(INVITATION_CODE_RANDOM_CHARACTERS * Math.log2(INVITATION_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(60);
  });

  it("use Crockford's base32 letters, with none of the look-alikes I, L, O, U", () => {
    expect(INVITATION_CODE_ALPHABET).toBe("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    for (const letter of "ILOU") expect(INVITATION_CODE_ALPHABET).not.toContain(letter);
  });

  it("are grouped by four with the administration at the end, valid for the shared schema and unchanged by normalising", () => {
    for (let i = 0; i < 200; i++) {
      const code = newInvitationCode("TL");
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-TL$/);
      expect(invitationCode.safeParse(code).success).toBe(true);
      expect(normaliseInvitationCode(code.toLowerCase().replaceAll("-", " "))).toBe(code);
    }
    expect(newInvitationCode(null)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it("spread evenly over the alphabet (no character favoured by the byte-to-letter mapping)", () => {
    const counts = new Map<string, number>();
    const codes = 4000;
    for (let i = 0; i < codes; i++)
      for (const ch of newInvitationCode(null).replaceAll("-", "")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (codes * INVITATION_CODE_RANDOM_CHARACTERS) / 32;
    expect(counts.size).toBe(32);
    // 1,500 draws per letter: a fair source stays well within ±15 %.
    for (const [ch, n] of counts) expect(Math.abs(n - expected) / expected, ch).toBeLessThan(0.15);
    expect(new Set(Array.from({ length: 1000 }, () => newInvitationCode(null))).size).toBe(1000);
  });
});
