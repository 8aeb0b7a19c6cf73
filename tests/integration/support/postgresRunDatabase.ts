// Global setup of the integration project: one PostgreSQL database for this run, dropped at its end.
// Kysely's PostgreSQL introspection (used by its Migrator) reads every schema of the database and fails with
// "schema … does not exist" when another run drops its schema at that moment; a database per run keeps
// concurrent runs on one server (CI beside a developer's run) apart, while the files of one run go one at a time.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** This run's PostgreSQL database, or "" when PostgreSQL was not reachable (testDatabase.ts decides what then). */
    postgresRunUrl: string;
  }
}

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function admin(): Promise<pg.Client | undefined> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return client;
  } catch {
    return undefined;
  }
}

/** CREATE DATABASE copies template1 and is refused while another session uses it: retried briefly. */
async function createDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(`create database ${name}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const client = await admin();
  if (!client) {
    project.provide("postgresRunUrl", "");
    return async () => undefined;
  }
  const name = `outrigger_it_${randomBytes(5).toString("hex")}`;
  await createDatabase(client, name);
  await client.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  project.provide("postgresRunUrl", url.toString());
  return async () => {
    const cleanup = await admin();
    await cleanup?.query(`drop database if exists ${name} with (force)`);
    await cleanup?.end();
  };
}
