// Password hashing with scrypt (node:crypto): a random salt per password, the cost parameters stored with
// the hash ("scrypt$N$r$p$salt$hash", base64), and a constant-time comparison on verify.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { FieldIssue } from "../../shared/api";
import { passwordShapeProblem, type PasswordRule } from "../../shared/passwordPolicy";
import { isCommonPassword } from "./commonPasswords";

/** N = 2^16, r = 8, p = 1: about 64 MiB and a tenth of a second per hash on a small server. */
const DEFAULT_PARAMS = { N: 2 ** 16, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; allow twice that so raised parameters still run.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = DEFAULT_PARAMS;
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export type PasswordProblem = FieldIssue & { code: PasswordRule };

/** Why a new password is refused (blank, too short, common), or undefined when it is acceptable. */
export function newPasswordProblem(password: string, path = "password"): PasswordProblem | undefined {
  const shape = passwordShapeProblem(password, path);
  if (shape) return shape;
  if (isCommonPassword(password))
    return {
      path,
      code: "password_common",
      message:
        "This password is one of the most commonly used ones, which attackers try first. Choose another, e.g. a few unrelated words.",
    };
  return undefined;
}

export class PasswordRefusedError extends Error {
  constructor(readonly problem: PasswordProblem) {
    super(problem.message);
    this.name = "PasswordRefusedError";
  }
}

/**
 * The one way a password that someone chose becomes a stored hash (setup, admin:create, any later change):
 * throws PasswordRefusedError when the password breaks a rule.
 */
export async function hashNewPassword(password: string, path = "password"): Promise<string> {
  const problem = newPasswordProblem(password, path);
  if (problem) throw new PasswordRefusedError(problem);
  return hashPassword(password);
}

/** False for a wrong password or a hash this code cannot read; never throws for bad input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4], "base64");
  const expected = Buffer.from(parts[5], "base64");
  if (salt.length === 0 || expected.length !== KEY_LENGTH) return false;
  const actual = await derive(password, salt, N, r, p);
  return timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/** Spends the same work as a real verify, so an unknown e-mail answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(password, await dummyHash);
  return false;
}
