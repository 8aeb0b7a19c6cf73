// What makes a new console password acceptable before the server also checks it against common passwords.
// Minimum 15 characters: the console has no second factor, and OWASP's Authentication cheat sheet (after NIST
// SP 800-63B-4) asks for at least 15 then (8 only with MFA). No composition rules; length is counted in code points.
import type { FieldIssue } from "./api";

export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 1024;

export type PasswordRule = "password_blank" | "password_too_short" | "password_common";

/** The first rule a new password breaks that needs no list (blank, too short), as a field issue at `path`; undefined when none. */
export function passwordShapeProblem(
  password: string,
  path = "password",
): (FieldIssue & { code: PasswordRule }) | undefined {
  if (password.trim() === "")
    return { path, code: "password_blank", message: "The password cannot be blank or only spaces." };
  if ([...password.normalize("NFC")].length < MIN_PASSWORD_LENGTH)
    return {
      path,
      code: "password_too_short",
      message: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  return undefined;
}
