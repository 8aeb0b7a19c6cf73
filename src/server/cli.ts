// Command line: `start` runs the server, `migrate` only brings the database schema up to date,
// `materials:add` publishes files as a workshop's materials, `admin:create` adds an organiser console account.
import { parseArgs } from "node:util";
import { MATERIAL_KINDS, type MaterialKind } from "../shared/materials";
import { createBlobStore } from "./blobs/blobStore";
import { createDatabase } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { seedIfEmpty } from "./db/seed";
import { defaultBlobDir } from "./http/app";
import { addMaterials, MaterialsInputError } from "./materials/addMaterials";
import { createOrganiserFromArgs } from "./auth/createOrganiserCommand";
import { issueSetupTokenIfNoOrganiser } from "./auth/setupToken";
import { startServer, type RequestLogEntry } from "./serve";

const USAGE = `Usage: tsx src/server/cli.ts <command>

Commands:
  start           migrate, add first-start data if the database is empty, and serve
  migrate         only bring the database schema up to date
  materials:add   --workshop <id> [--title T] [--description D] [--kind K] [--language en] <files…>
                  store files and add them to a workshop's materials; a file with the same name
                  as an existing material of that workshop replaces it (that is how a changed file is published)
  admin:create    --email <e-mail> --name <name> [--role organiser|viewer]  (default organiser)
                  add an organiser console account; the password comes from ADMIN_PASSWORD or is typed

Environment: HOST (127.0.0.1), PORT (8080), DATABASE_URL (postgres://…; default embedded SQLite),
DATA_DIR (folder of the SQLite file and of the material files in DATA_DIR/blobs, also with PostgreSQL;
default ./data; the manifest signing key is DATA_DIR/keys/manifest-signing-ed25519.pem),
SERVER_NAME (who signed the materials, shown as "verified: issued by …"; default
"Outrigger demo server (127.0.0.1)"), LOG_REQUESTS=1 (one line per request: method, path, Range, status, bytes),
TRUST_PROXY=1 (behind an HTTPS reverse proxy: believe X-Forwarded-Proto/-For for Secure cookies and sign-in limits)`;

function printRequest(entry: RequestLogEntry): void {
  const range = entry.range ? ` range=${entry.range}` : "";
  const cut = entry.completed ? "" : " (connection closed early)";
  console.log(`${new Date().toISOString()} ${entry.method} ${entry.path}${range} ${entry.status} ${entry.bytes ?? 0}B${cut}`);
}

async function start(): Promise<void> {
  const server = await startServer({ onRequest: process.env.LOG_REQUESTS === "1" ? printRequest : undefined });
  const codes = server.seed.demoInvitationCodes;
  console.log(`\nOutrigger is running. Open ${server.url}/ in a browser.`);
  if (codes.length > 0) {
    console.log("\nDemo invitations (RKC workshop follow-up):");
    for (const code of codes) console.log(`  ${code.padEnd(12)} ${server.url}/join/${code}`);
  }
  if (server.setupToken !== undefined) {
    console.log("\nNo organiser account yet. Create the first one within 24 hours (this link works once):");
    console.log(`  ${server.url}/console/setup?token=${server.setupToken}`);
    console.log("  (or: npm run admin:create -- --email … --name … --role organiser)");
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

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
}

async function materialsAdd(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(3),
    allowPositionals: true,
    options: {
      workshop: { type: "string" },
      title: { type: "string" },
      description: { type: "string" },
      kind: { type: "string" },
      language: { type: "string" },
    },
  });
  if (!values.workshop) throw new MaterialsInputError("Name the workshop: --workshop <id> (e.g. fy2223-09-rkc).");
  if (values.kind !== undefined && !(MATERIAL_KINDS as readonly string[]).includes(values.kind)) {
    throw new MaterialsInputError(`Unknown kind "${values.kind}". Kinds: ${MATERIAL_KINDS.join(", ")}.`);
  }
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    await migrateToLatest(db);
    // A fresh data folder has no workshops yet: add the first-start directory so the demo ids exist.
    await seedIfEmpty(db);
    const result = await addMaterials(db, createBlobStore(defaultBlobDir()), values.workshop, positionals, {
      title: values.title,
      description: values.description,
      kind: values.kind as MaterialKind | undefined,
      language: values.language,
    });
    for (const { outcome, material } of result.materials) {
      const what = outcome === "added" ? "added    " : outcome === "changed" ? "replaced " : "unchanged";
      console.log(`${what} ${material.fileName}  "${material.title}"  ${material.kind}, ${formatBytes(material.size)}, sha256 ${material.sha256}`);
    }
    console.log(
      result.version === result.previousVersion
        ? `Manifest of ${result.workshopId} unchanged: version ${result.version}`
        : `Manifest of ${result.workshopId}: version ${result.previousVersion} → ${result.version}`,
    );
  } finally {
    await db.destroy();
  }
}

async function adminCreate(): Promise<void> {
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    await migrateToLatest(db);
    console.log(await createOrganiserFromArgs(db, process.argv.slice(3)));
    // The first-start setup link is for an empty account list only.
    await issueSetupTokenIfNoOrganiser(db);
  } finally {
    await db.destroy();
  }
}

const command = process.argv[2];
const commands: Record<string, () => Promise<void>> = { start, migrate, "materials:add": materialsAdd, "admin:create": adminCreate };
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
