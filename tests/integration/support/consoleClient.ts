// Signs organisers in and sends console requests the way the console page does: cookie plus X-CSRF-Token.
import { randomBytes, scryptSync } from "node:crypto";
import type { Hono } from "hono";
import { expect } from "vitest";
import { consoleSession, type OrganiserRole } from "../../../src/shared/console";
import type { OutriggerDatabase } from "../../../src/server/db/database";
import { insertOrganiser } from "../../../src/server/db/organisers";

export const TEST_PASSWORD = "a long enough passphrase";

export interface SignedIn {
  cookie: string;
  csrfToken: string;
}

/**
 * TEST_PASSWORD's stored hash for test accounts: scrypt in the app's own format ("scrypt$N$r$p$salt$key") and a salt
 * of its own, but at N = 2^10 instead of the app's 2^16. verifyPassword reads the cost from the hash, so signing these
 * accounts in is still a real scrypt check, costing a millisecond instead of a tenth of a second (several seconds on
 * a busy machine, which pushed sign-in-heavy tests past their limits). Accounts made through the app get full cost.
 */
function testPasswordHash(): string {
  const [N, r, p] = [2 ** 10, 8, 1];
  const salt = randomBytes(16);
  const key = scryptSync(TEST_PASSWORD.normalize("NFC"), salt, 32, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function addOrganiser(
  db: OutriggerDatabase,
  email: string,
  role: OrganiserRole,
  now: Date,
  name = `Test ${role}`,
): Promise<void> {
  await insertOrganiser(db, { email, name, role, passwordHash: testPasswordHash() }, now);
}

/** The `name=value` part of the Set-Cookie the response carries. */
export function sessionCookieOf(res: Response): string {
  const header = res.headers.get("set-cookie");
  expect(header).toBeTruthy();
  return (header as string).split(";")[0];
}

export function signInRequest(
  app: Hono,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request("/api/console/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

export async function signIn(app: Hono, email: string, password = TEST_PASSWORD): Promise<SignedIn> {
  const res = await signInRequest(app, email, password);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = consoleSession.parse(await res.json());
  return { cookie: sessionCookieOf(res), csrfToken: body.csrfToken };
}

/** A console request; JSON bodies get the content type, changes get the CSRF token unless `csrf: false`. */
export function consoleRequest(
  app: Hono,
  method: string,
  path: string,
  who: SignedIn | undefined,
  body?: unknown,
  options: { csrf?: boolean; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (who) headers.Cookie = who.cookie;
  if (who && options.csrf !== false && method !== "GET") headers["X-CSRF-Token"] = who.csrfToken;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return Promise.resolve(
    app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
  );
}

/** The revision a questionnaire draft or its report bindings are loaded with at `path` (their saves take ?revision=N). */
export async function loadedRevision(app: Hono, path: string, who: SignedIn): Promise<number> {
  const res = await consoleRequest(app, "GET", path, who);
  const body = (await res.json()) as { revision?: number };
  if (body.revision === undefined) throw new Error(`${path} has no revision: ${res.status}`);
  return body.revision;
}

/** The version a console form loads the record at `path` with (a workshop's `version`, a campaign's `campaign.version`). */
export async function loadedVersion(app: Hono, path: string, who: SignedIn): Promise<number> {
  const res = await consoleRequest(app, "GET", path, who);
  const body = (await res.json()) as { version?: number; campaign?: { version: number } };
  const version = body.version ?? body.campaign?.version;
  if (version === undefined) throw new Error(`${path} has no version: ${res.status}`);
  return version;
}
