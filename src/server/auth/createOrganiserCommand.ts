// `npm run admin:create -- --email … --name … --role organiser|viewer`: adds a console account.
// The password comes from env ADMIN_PASSWORD or is typed (twice, not echoed) on a terminal.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { MIN_PASSWORD_LENGTH, newOrganiser, ORGANISER_ROLES } from "../../shared/console";
import type { OutriggerDatabase } from "../db/database";
import { insertOrganiser, OrganiserExistsError } from "../db/organisers";
import { hashNewPassword, PasswordRefusedError } from "./passwords";

export class AdminInputError extends Error {
  /** The input at fault and the rule it broke, when known (e.g. "password", "password_common"). */
  constructor(
    message: string,
    readonly path?: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "AdminInputError";
  }
}

function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!process.stdin.isTTY)
    throw new AdminInputError("No password: set ADMIN_PASSWORD, or run the command in a terminal to type it.");
  const first = await askHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const second = await askHidden("Password again: ");
  if (first !== second) throw new AdminInputError("The two passwords differ; nothing was changed.");
  return first;
}

export async function createOrganiserFromArgs(
  db: OutriggerDatabase,
  args: string[],
  now = new Date(),
): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
  });
  if (!values.email) throw new AdminInputError("Give the e-mail address: --email someone@example.org");
  if (!values.name) throw new AdminInputError('Give the name: --name "Mere Tuilagi"');
  const role = values.role ?? "organiser";
  if (!(ORGANISER_ROLES as readonly string[]).includes(role))
    throw new AdminInputError(
      `Unknown role "${role}": use --role organiser (may change things) or --role viewer (may only look).`,
    );
  const password = await readPassword();
  const parsed = newOrganiser.safeParse({ email: values.email, name: values.name, role, password });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "input");
    const reason =
      field === "password"
        ? `The password is too long.`
        : `The ${field} is not valid${field === "email" ? " (expected an e-mail address)" : ""}.`;
    throw new AdminInputError(reason, field, issue?.code);
  }
  let passwordHash: string;
  try {
    passwordHash = await hashNewPassword(parsed.data.password);
  } catch (error) {
    if (error instanceof PasswordRefusedError)
      throw new AdminInputError(
        `${error.problem.message} Nothing was changed.`,
        error.problem.path,
        error.problem.code,
      );
    throw error;
  }
  try {
    const created = await insertOrganiser(
      db,
      { email: parsed.data.email, name: parsed.data.name, role: parsed.data.role, passwordHash },
      now,
    );
    return `Created ${created.role} ${created.name} <${created.email}>. They can sign in at /console.`;
  } catch (error) {
    if (error instanceof OrganiserExistsError) throw new AdminInputError(error.message);
    throw error;
  }
}
