// Command line: `start` runs the server, `migrate` only brings the database schema up to date.
import { createDatabase } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { startServer } from "./serve";

const USAGE = `Usage: tsx src/server/cli.ts <command>

Commands:
  start     migrate, add first-start data if the database is empty, and serve
  migrate   only bring the database schema up to date

Environment: HOST (127.0.0.1), PORT (8080), DATABASE_URL (postgres://…; default embedded SQLite),
DATA_DIR (folder of the SQLite file, default ./data)`;

async function start(): Promise<void> {
  const server = await startServer();
  const codes = server.seed.demoInvitationCodes;
  console.log(`\nOutrigger is running. Open ${server.url}/ in a browser.`);
  if (codes.length > 0) {
    console.log("\nDemo invitations (RKC workshop follow-up):");
    for (const code of codes) console.log(`  ${code.padEnd(12)} ${server.url}/join/${code}`);
  }
  console.log("\nPress Ctrl+C to stop.");
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, stopping…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

async function migrate(): Promise<void> {
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    const { applied } = await migrateToLatest(db);
    console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database schema is up to date.");
  } finally {
    await db.destroy();
  }
}

const command = process.argv[2];
const commands: Record<string, () => Promise<void>> = { start, migrate };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(USAGE);
  process.exit(command ? 1 : 0);
} else {
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
