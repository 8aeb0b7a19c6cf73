// The common-password rule: listed passwords and their usual stretches are refused; ordinary passphrases are not.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "../../src/server/auth/commonPasswords";
import { newPasswordProblem } from "../../src/server/auth/passwords";

describe("common passwords", () => {
  it("ships a list of about a thousand, one per line, lower case without spaces", () => {
    const entries = readFileSync(new URL("../../src/server/auth/commonPasswords.txt", import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l !== "" && !l.startsWith("#"));
    expect(entries.length).toBeGreaterThanOrEqual(900);
    expect(entries.every((e) => e === e.toLowerCase() && !/\s/.test(e))).toBe(true);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it("refuses listed passwords whatever their case and spacing, repeated ones, and listed ones with digits or symbols added", () => {
    for (const password of [
      "123456789012345",
      "QwertyuiopASDFGH",
      "Correct Horse Battery Staple",
      "passwordpassword",
      "aaaaaaaaaaaaaaaa",
      "abababababababab",
      "password12345678",
      "Sunshine2025!!!!",
      "outrigger1234567",
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
  });

  it("accepts passphrases that merely contain a common word", () => {
    for (const password of [
      "a long enough passphrase",
      "tide tables for the Nukualofa wharf",
      "the first organiser's passphrase",
      "dragon fruit in the Suva market",
    ]) {
      expect(isCommonPassword(password), password).toBe(false);
    }
  });

  it("names the first rule a new password breaks, at its field", () => {
    expect(newPasswordProblem("   ")).toMatchObject({ path: "password", code: "password_blank" });
    expect(newPasswordProblem("fourteen chars")).toMatchObject({ path: "password", code: "password_too_short" });
    // Length counts characters, not UTF-16 units: 14 emoji are 28 units but still too short.
    expect(newPasswordProblem("🌊".repeat(14))).toMatchObject({ code: "password_too_short" });
    expect(newPasswordProblem("qwertyuiopasdfghjkl")).toMatchObject({ code: "password_common" });
    expect(newPasswordProblem("fifteen chars!!")).toBeUndefined();
  });
});
