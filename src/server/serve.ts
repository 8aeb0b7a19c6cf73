// Starts the whole server in this process: database, migrations, first-start data, HTTP.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createDatabase, type OutriggerDatabase } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { oneStartAtATime } from "./db/startupTurn";
import { seedIfEmpty, type SeedResult } from "./db/seed";
import { createBlobStore, type BlobStore } from "./blobs/blobStore";
import { seedDemoMaterials } from "./demoMaterials/index";
import { issueSetupTokenIfNoOrganiser } from "./auth/setupToken";
import { createApp, defaultBlobDir } from "./http/app";
import { defaultUploadDir } from "./http/uploads";
import {
  recoverFinishedUploads,
  scheduleUploadSweeps,
  sweepExpiredUploads,
  uploadExpiryFromEnv,
} from "./attachments/uploadMaintenance";
import { createMailer, type Mailer } from "./mail/mailer";
import { loadOrCreateManifestSigner, serverNameFromEnv } from "./signing/manifestSigner";
import type { SigningKey } from "../shared/signing";
import { SERVER_VERSION } from "./version";
import { defaultLogger, silentLogger, type Logger } from "./observability/logger";
import { logRequests, type RequestLogEntry } from "./observability/requestLog";

export type { RequestLogEntry } from "./observability/requestLog";

/** How often the blob folder is swept of temporary files left by killed imports. */
const INCOMING_SWEEP_INTERVAL_MS = 15 * 60 * 1000;

/** How long close() lets in-flight requests finish before cutting connections. */
const SHUTDOWN_GRACE_MS = 5000;

export interface StartServerOptions {
  /** 0 picks a free port; default PORT or 8080. */
  port?: number;
  /** Default HOST or 127.0.0.1. */
  host?: string;
  /** postgres://… for PostgreSQL; default DATABASE_URL, else the embedded SQLite file in dataDir. */
  databaseUrl?: string;
  /**
   * Where the SQLite file and the material files (`<dataDir>/blobs`) live; default DATA_DIR or ./data.
   * With PostgreSQL the blobs still live here: the database holds only the rows that name them.
   */
  dataDir?: string;
  /** The built PWA; default the repository's dist/. */
  staticDir?: string;
  /**
   * Who the manifest signing key speaks for ("verified: issued by <serverName>"); default SERVER_NAME,
   * else "Outrigger demo server (127.0.0.1)". The key itself is `<dataDir>/keys/manifest-signing-ed25519.pem`.
   */
  serverName?: string;
  /** No log lines (tests, benchmarks). */
  quiet?: boolean;
  /** Where the server's events and request lines go; default the process logger (stdout, LOG_FORMAT / LOG_LEVEL). */
  logger?: Logger;
  /** One log line per request; default env LOG_REQUESTS=1. */
  logRequestLines?: boolean;
  now?: () => Date;
  /** Sends reminder e-mails; default from env SMTP_URL / MAIL_FROM (none when SMTP_URL is unset); null: none. */
  mailer?: Mailer | null;
  /** Unfinished attachment uploads older than this are removed (at start and hourly); default UPLOAD_EXPIRY_DAYS, else 7 days. */
  uploadExpiryMs?: number;
  /** Called once per request when its response has been sent (or the connection dropped). */
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:8080 (the real port when 0 was asked). */
  url: string;
  db: OutriggerDatabase;
  blobStore: BlobStore;
  /** The public half of the manifest signing key, as GET /api/signing-key serves it. */
  signingKey: SigningKey;
  seed: SeedResult;
  /**
   * While no organiser account exists: the one-time token of the console's setup link
   * (`<url>/console/setup?token=…`, valid 24 h; a new one on every start until used).
   */
  setupToken?: string;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? Number(process.env.PORT ?? 8080);
  const host = options.host ?? process.env.HOST ?? "127.0.0.1";
  const db = createDatabase(options.databaseUrl ?? process.env.DATABASE_URL, { dataDir: options.dataDir });
  const logger = options.quiet ? silentLogger() : (options.logger ?? defaultLogger());
  let sweepTimer: NodeJS.Timeout | undefined;
  try {
    // Several processes on one PostgreSQL database take turns here (db/startupTurn.ts).
    const { seed, blobStore, signer, setupToken, mailer, uploadDir, uploadCare, uploadExpiryMs } =
      await oneStartAtATime(db, async () => {
        const { applied } = await migrateToLatest(db);
        if (applied.length > 0)
          logger.info(
            { event: "migrations_applied", migrations: applied },
            `Database migrations applied: ${applied.join(", ")}`,
          );
        const seed = await seedIfEmpty(db, options.now?.());
        if (seed.seeded)
          logger.info(
            { event: "first_start_data_added" },
            "First start: member administrations, FY 2022/23 workshops and a demo campaign were added.",
          );
        const blobStore = createBlobStore(defaultBlobDir(options.dataDir));
        const clock = options.now ?? (() => new Date());
        const sweepIncoming = async () => {
          const { removedFiles, removedBytes } = await blobStore.sweepAbandonedIncoming(clock());
          if (removedFiles > 0)
            logger.info(
              { event: "incoming_files_swept", removedFiles, removedBytes },
              `Removed ${removedFiles} temporary file(s) (${removedBytes} bytes) left by interrupted material imports.`,
            );
        };
        await sweepIncoming();
        // unref: the sweep never keeps the process alive on its own.
        sweepTimer = setInterval(
          () =>
            void sweepIncoming().catch((error: unknown) =>
              logger.error({ event: "blob_sweep_failed", err: error }, "The blob folder sweep failed."),
            ),
          INCOMING_SWEEP_INTERVAL_MS,
        ).unref();
        const demo = await seedDemoMaterials(db, blobStore, options.now?.());
        if (demo.added.length > 0)
          logger.info(
            { event: "demo_materials_added", files: demo.added },
            `Demo materials added to the RKC workshop: ${demo.added.join(", ")}`,
          );
        const signer = loadOrCreateManifestSigner(
          options.dataDir ?? process.env.DATA_DIR ?? "data",
          options.serverName ?? serverNameFromEnv(),
        );
        if (signer.created)
          logger.info(
            { event: "signing_key_created", keyPath: signer.path, keyId: signer.key.keyId },
            `Manifest signing key created: ${signer.path} (key id ${signer.key.keyId}; back it up with the data folder).`,
          );
        const setupToken = await issueSetupTokenIfNoOrganiser(db, options.now?.());
        const mailer = options.mailer === undefined ? createMailer() : (options.mailer ?? undefined);
        // The sender address is left out: no e-mail address goes into the log.
        logger.info(
          { event: "mail_configured", smtp: mailer ? mailer.description : null },
          mailer
            ? `Reminders are sent by SMTP through ${mailer.description}.`
            : "SMTP_URL is not set: the console offers reminders as mailto links only.",
        );
        const uploadDir = defaultUploadDir(options.dataDir);
        const log = (line: string) => logger.info({ event: "uploads_maintenance" }, line);
        const uploadCare = { db, now: options.now ?? (() => new Date()), uploadDir, log };
        const uploadExpiryMs = options.uploadExpiryMs ?? uploadExpiryFromEnv();
        await recoverFinishedUploads(uploadCare);
        await sweepExpiredUploads(uploadCare, uploadExpiryMs);
        return { seed, blobStore, signer, setupToken, mailer, uploadDir, uploadCare, uploadExpiryMs };
      });
    const app = createApp({
      db,
      now: options.now,
      staticDir: options.staticDir,
      blobStore,
      signer,
      mailer: mailer ?? null,
      uploadDir,
      logger,
      dataDir: options.dataDir,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
      s.once("error", reject);
    });
    const writeRequestLine = options.logRequestLines ?? process.env.LOG_REQUESTS === "1";
    logRequests(
      server as Server,
      (entry) => {
        options.onRequest?.(entry);
        // Only these fields: never the raw path (it may hold a code), the query, or any header.
        const { method, route, status, bytes, durationMs, requestId, completed } = entry;
        if (writeRequestLine)
          logger.info(
            {
              event: "request",
              method,
              route,
              status,
              bytes,
              durationMs,
              requestId,
              ...(completed ? {} : { completed }),
            },
            `${method} ${route} ${status}`,
          );
      },
      (error) => logger.error({ event: "request_log_failed", err: error }, "A request could not be logged."),
    );
    const stopUploadSweeps = scheduleUploadSweeps(uploadCare, uploadExpiryMs);
    const address = server.address() as AddressInfo;
    const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    const url = `http://${shownHost === "0.0.0.0" || shownHost === "[::]" ? "localhost" : shownHost}:${address.port}`;
    // "Open http://…/" is what scripts wait for (tests, benchmarks), in the JSON line as on a terminal.
    logger.info(
      { event: "server_started", listening: url, version: SERVER_VERSION },
      `Outrigger is running. Open ${url}/ in a browser.`,
    );
    return {
      url,
      db,
      blobStore,
      signingKey: signer.key,
      seed,
      ...(setupToken !== undefined ? { setupToken } : {}),
      close: () =>
        (closing ??= (async () => {
          stopUploadSweeps();
          await new Promise<void>((resolve) => {
            // In-flight requests may finish; keep-alive sockets are closed as soon as they go idle
            // (a response still streaming when close() is called only goes idle a moment later).
            const http = server as Server;
            const sweep = setInterval(() => http.closeIdleConnections(), 50);
            const deadline = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
            server.close(() => {
              clearInterval(sweep);
              clearTimeout(deadline);
              resolve();
            });
            http.closeIdleConnections();
          });
          clearInterval(sweepTimer);
          await db.destroy();
        })()),
    };
  } catch (error) {
    clearInterval(sweepTimer);
    await db.destroy();
    throw error;
  }
}
