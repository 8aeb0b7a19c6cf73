// Organiser accounts and their sign-in sessions.
import { v7 as uuidv7 } from "uuid";
import type { Organiser, OrganiserRole } from "../../shared/console";
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
