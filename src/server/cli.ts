// Command line: `start` runs the server, `migrate` only brings the database schema up to date,
// `materials:add` publishes files as a workshop's materials, `admin:create` adds an organiser console account,
// `backup` writes one archive of the data folder while the server runs, `restore` fills an empty data folder from one.
import { parseArgs } from "node:util";
import { MATERIAL_KINDS, type MaterialKind } from "../shared/materials";
import { createBlobStore } from "./blobs/blobStore";
import { createDatabase } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { seedIfEmpty } from "./db/seed";
import { defaultBlobDir } from "./http/app";
import { addMaterials, MaterialsInputError } from "./materials/addMaterials";
import { createBackup } from "./backup/createBackup";
import { restoreBackup } from "./backup/restoreBackup";
import { createOrganiserFromArgs } from "./auth/createOrganiserCommand";
import { issueSetupTokenIfNoOrganiser } from "./auth/setupToken";
import { defaultLogger, logFormatFromEnv } from "./observability/logger";
import { startServer, type RunningServer } from "./serve";

const USAGE = `Usage: tsx src/server/cli.ts <command>

Commands:
  start           migrate, add first-start data if the database is empty, and serve
  migrate         only bring the database schema up to date
  materials:add   --workshop <id> [--title T] [--description D] [--kind K] [--language en] <files…>
                  store files and add them to a workshop's materials; a file with the same name
                  as an existing material of that workshop replaces it (that is how a changed file is published)
  admin:create    --email <e-mail> --name <name> [--role organiser|viewer]  (default organiser)
                  add an organiser console account; the password comes from ADMIN_PASSWORD or is typed
  backup          [--out FILE] [--files-only]  one archive (default outrigger-backup-<UTC time>.tar) of the
                  SQLite database (online backup, safe while the server runs), DATA_DIR/blobs, uploads and keys;
                  with PostgreSQL only --files-only (the database itself: pg_dump)
  restore         FILE  fill an empty DATA_DIR from a backup archive, after checking every file's SHA-256

Environment: HOST (127.0.0.1), PORT (8080), DATABASE_URL (postgres://…; default embedded SQLite),
DATA_DIR (folder of the SQLite file and of the material files in DATA_DIR/blobs, also with PostgreSQL;
default ./data; the manifest signing key is DATA_DIR/keys/manifest-signing-ed25519.pem),
SERVER_NAME (who signed the materials, shown as "verified: issued by …"; default
"Outrigger demo server (127.0.0.1)"), LOG_REQUESTS=1 (one log line per request: method, route, status, bytes, ms, request id),
LOG_FORMAT=json|pretty (default pretty on a terminal, else JSON lines), LOG_LEVEL (info), METRICS_TOKEN (turns on GET /metrics),
MIN_FREE_DISK_MB (200: below it /api/health answers 503),
TRUST_PROXY=1 (behind an HTTPS reverse proxy: believe X-Forwarded-Proto/-For for Secure cookies and sign-in limits)`;

/**
 * The start-up notice for the person who started the server: URL, demo codes and the one-time setup link. It is
 * not a log line (the setup token is a secret): on a terminal (LOG_FORMAT=pretty) it goes to stdout; with JSON logs
 * it goes to stderr, so stdout stays one JSON object per line while journalctl / docker logs still show the link.
 */
function printBanner(server: RunningServer, toStdout: boolean): void {
  const lines = [`\nOutrigger is running. Open ${server.url}/ in a browser.`];
  const codes = server.seed.demoInvitationCodes;
  if (codes.length > 0) {
    lines.push("\nDemo invitations (RKC workshop follow-up):");
    for (const code of codes) lines.push(`  ${code.padEnd(12)} ${server.url}/join/${code}`);
  }
  if (server.setupToken !== undefined) {
    lines.push("\nNo organiser account yet. Create the first one within 24 hours (this link works once):");
    lines.push(`  ${server.url}/console/setup?token=${server.setupToken}`);
    lines.push("  (or: npm run admin:create -- --email … --name … --role organiser)");
  }
  lines.push("\nPress Ctrl+C to stop.\n");
  (toStdout ? process.stdout : process.stderr).write(lines.join("\n"));
}

async function start(): Promise<void> {
  const format = logFormatFromEnv();
  const logger = defaultLogger();
  let server: RunningServer;
  try {
    server = await startServer({ logger });
  } catch (error) {
    logger.fatal({ event: "start_failed", err: error }, "The server could not start.");
    process.exit(1);
  }
  printBanner(server, format === "pretty");
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: "stopping", signal }, `${signal} received, stopping…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: "stop_failed", err: error }, "The server did not stop cleanly.");
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
      console.log(
        `${what} ${material.fileName}  "${material.title}"  ${material.kind}, ${formatBytes(material.size)}, sha256 ${material.sha256}`,
      );
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

async function backup(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { out: { type: "string" }, "files-only": { type: "boolean" } },
  });
  const started = Date.now();
  const result = await createBackup({
    dataDir: process.env.DATA_DIR ?? "data",
    out: values.out,
    databaseUrl: process.env.DATABASE_URL,
    filesOnly: values["files-only"],
  });
  const { counts, files } = result.manifest;
  console.log(
    `Backup written: ${result.archive} (${formatBytes(result.archiveBytes)}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `  database:        ${result.manifest.database === "sqlite" ? "SQLite (online backup, integrity checked)" : "not included (--files-only)"}`,
  );
  if (counts.replies !== null) console.log(`  replies:         ${counts.replies}`);
  console.log(`  materials files: ${counts.materialFiles}`);
  if (counts.attachments !== null) console.log(`  attachments:     ${counts.attachments}`);
  console.log(`  files:           ${files.length}, ${formatBytes(result.fileBytes)}`);
}

async function restore(): Promise<void> {
  const { positionals } = parseArgs({ args: process.argv.slice(3), allowPositionals: true });
  if (positionals.length !== 1) throw new Error("Name one backup archive: npm run restore -- outrigger-backup-….tar");
  const result = await restoreBackup(positionals[0], process.env.DATA_DIR ?? "data");
  const { counts } = result.manifest;
  console.log(
    `Restored ${result.files} files (${formatBytes(result.fileBytes)}) from the backup of ${result.manifest.createdAt} into ${result.dataDir}, every SHA-256 checked.`,
  );
  console.log(
    `  replies: ${counts.replies ?? "not included (restore the PostgreSQL database with pg_restore)"}, materials files: ${counts.materialFiles}, attachments: ${counts.attachments ?? "—"}`,
  );
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
const commands: Record<string, () => Promise<void>> = {
  start,
  migrate,
  "materials:add": materialsAdd,
  "admin:create": adminCreate,
  backup,
  restore,
};
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
