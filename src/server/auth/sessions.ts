// Console sessions: the cookie holds 32 random bytes (hex); the database only their sha-256. Sessions last
// 12 hours from the last request (sliding) and carry the CSRF token the console sends back on every change.
import type { Organiser, OrganiserRole } from "../../shared/console";
import type { OutriggerDatabase } from "../db/database";
import { randomToken, sha256Hex } from "./tokens";

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** A session seen less than this long ago is not rewritten on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface ActiveSession {
  /** The digest stored as the row id. */
  digest: string;
  organiser: Organiser;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: OutriggerDatabase,
  organiserId: string,
  now: Date,
): Promise<{ cookieValue: string; csrfToken: string; expiresAt: Date }> {
  const cookieValue = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  // Expired sessions of anyone are swept on each sign-in, so the table stays small without a timer.
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
  await db
    .insertInto("sessions")
    .values({
      id: sha256Hex(cookieValue),
      organiser_id: organiserId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { cookieValue, csrfToken, expiresAt };
}

/** The live session for a cookie value, its expiry pushed 12 h past now; undefined when unknown, expired or the account is disabled. */
export async function resumeSession(
  db: OutriggerDatabase,
  cookieValue: string,
  now: Date,
): Promise<ActiveSession | undefined> {
  if (!/^[0-9a-f]{64}$/.test(cookieValue)) return undefined;
  const digest = sha256Hex(cookieValue);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("organisers", "organisers.id", "sessions.organiser_id")
    .select([
      "sessions.csrf_token",
      "sessions.expires_at",
      "sessions.last_seen_at",
      "organisers.id",
      "organisers.email",
      "organisers.name",
      "organisers.role",
      "organisers.disabled",
    ])
    .where("sessions.id", "=", digest)
    .executeTakeFirst();
  if (!row || row.disabled !== 0 || Date.parse(row.expires_at) <= now.getTime()) return undefined;
  let expiresAt = new Date(row.expires_at);
  if (
    now.getTime() - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL_MS ||
    expiresAt.getTime() - now.getTime() < SESSION_LIFETIME_MS - TOUCH_INTERVAL_MS
  ) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db
      .updateTable("sessions")
      .set({ expires_at: expiresAt.toISOString(), last_seen_at: now.toISOString() })
      .where("id", "=", digest)
      .execute();
  }
  return {
    digest,
    organiser: { id: row.id, email: row.email, name: row.name, role: row.role as OrganiserRole },
    csrfToken: row.csrf_token,
    expiresAt,
  };
}

export async function endSession(db: OutriggerDatabase, digest: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", digest).execute();
}
