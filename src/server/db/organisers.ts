// Organiser accounts and their sign-in sessions.
import { v7 as uuidv7 } from "uuid";
import type { Account, Organiser, OrganiserRole } from "../../shared/console";
import type { OutriggerDatabase } from "./database";

export interface OrganiserAccount extends Organiser {
  passwordHash: string;
  disabled: boolean;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function countOrganisers(db: OutriggerDatabase): Promise<number> {
  const row = await db
    .selectFrom("organisers")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findOrganiserByEmail(
  db: OutriggerDatabase,
  email: string,
): Promise<OrganiserAccount | undefined> {
  const row = await db
    .selectFrom("organisers")
    .selectAll()
    .where("email", "=", normaliseEmail(email))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as OrganiserRole,
    passwordHash: row.password_hash,
    disabled: row.disabled !== 0,
  };
}

export class OrganiserExistsError extends Error {
  constructor(email: string) {
    super(`An organiser with the e-mail ${email} already exists.`);
    this.name = "OrganiserExistsError";
  }
}

/** Inserts an account whose password is already hashed; throws OrganiserExistsError for a taken e-mail. */
export async function insertOrganiser(
  db: OutriggerDatabase,
  account: { email: string; name: string; role: OrganiserRole; passwordHash: string },
  now: Date,
): Promise<Organiser> {
  const email = normaliseEmail(account.email);
  if (await findOrganiserByEmail(db, email)) throw new OrganiserExistsError(email);
  const id = uuidv7();
  try {
    await db
      .insertInto("organisers")
      .values({
        id,
        email,
        name: account.name,
        role: account.role,
        password_hash: account.passwordHash,
        created_at: now.toISOString(),
        disabled: 0,
      })
      .execute();
  } catch (error) {
    // Two adds of one e-mail at once both pass the check above; the unique constraint stops the second, which
    // then gets the same plain refusal instead of the engine's error.
    if (await findOrganiserByEmail(db, email).catch(() => undefined)) throw new OrganiserExistsError(email);
    throw error;
  }
  return { id, email, name: account.name, role: account.role };
}

/**
 * The first organiser: inserted only while there is none and `spendSetupToken` accepts (and spends) the
 * one-time token, in one transaction; undefined when either check fails.
 */
export async function insertFirstOrganiser(
  db: OutriggerDatabase,
  account: { email: string; name: string; role: OrganiserRole; passwordHash: string },
  now: Date,
  spendSetupToken: (tx: OutriggerDatabase) => Promise<boolean>,
): Promise<Organiser | undefined> {
  return db.transaction().execute(async (tx) => {
    // The token goes only with an empty organiser list: once anyone exists, more come from an organiser or the CLI.
    if ((await countOrganisers(tx)) > 0 || !(await spendSetupToken(tx))) return undefined;
    return insertOrganiser(tx, account, now);
  });
}

/** Every account, organisers first, then by name: the Accounts page's list. */
export async function listAccounts(db: OutriggerDatabase): Promise<Account[]> {
  const rows = await db
    .selectFrom("organisers")
    .select(["id", "email", "name", "role", "disabled", "created_at"])
    .orderBy("role")
    .orderBy("name")
    .orderBy("email")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as OrganiserRole,
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
  }));
}

/** Disables or re-enables an account; a disabled account's sessions end with it. False when there is no such account. */
export async function setAccountDisabled(db: OutriggerDatabase, id: string, disabled: boolean): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("organisers")
      .set({ disabled: disabled ? 1 : 0 })
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    if (disabled) await tx.deleteFrom("sessions").where("organiser_id", "=", id).execute();
    return true;
  });
}

/** Stores a new password hash and ends every session of the account. False when there is no such account. */
export async function resetAccountPassword(db: OutriggerDatabase, id: string, passwordHash: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("organisers")
      .set({ password_hash: passwordHash })
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await tx.deleteFrom("sessions").where("organiser_id", "=", id).execute();
    return true;
  });
}
