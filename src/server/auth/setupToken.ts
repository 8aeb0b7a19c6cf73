// First start: while no organiser exists, a one-time link creates the first one. Only the token's sha-256 is kept.
import type { OutriggerDatabase } from "../db/database";
import { countOrganisers } from "../db/organisers";
import { randomToken, sha256Hex } from "./tokens";

export const SETUP_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh setup token when the database has no organiser yet; undefined once an organiser exists. Earlier
 * unexpired tokens stay valid: with several server processes on one database each prints its own link at start,
 * and one process must not spoil the link another just printed. Using any of them ends them all.
 */
export async function issueSetupTokenIfNoOrganiser(
  db: OutriggerDatabase,
  now: Date = new Date(),
): Promise<string | undefined> {
  if ((await countOrganisers(db)) > 0) {
    await db.deleteFrom("setup_tokens").execute();
    return undefined;
  }
  const token = randomToken();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom("setup_tokens").where("expires_at", "<=", now.toISOString()).execute();
    await tx
      .insertInto("setup_tokens")
      .values({
        token_hash: sha256Hex(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SETUP_TOKEN_LIFETIME_MS).toISOString(),
      })
      .execute();
  });
  return token;
}

/**
 * Deletes the token if it is known and unexpired — and with it every other setup token, since the first organiser
 * now exists; true when it was (so it works exactly once). Run inside the transaction that creates the organiser.
 */
export async function consumeSetupToken(db: OutriggerDatabase, token: string, now: Date): Promise<boolean> {
  const result = await db
    .deleteFrom("setup_tokens")
    .where("token_hash", "=", sha256Hex(token))
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) return false;
  await db.deleteFrom("setup_tokens").execute();
  return true;
}
