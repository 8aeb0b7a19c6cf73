// The Hono application: API routes, JSON errors, and the built PWA.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Hono, type MiddlewareHandler } from "hono";
import { MAX_JSON_BODY_BYTES, type ReplyResult } from "../../shared/api";
import { compress } from "hono/compress";
import { attemptLedgerFor } from "../auth/attemptLedgerFor";
import { createInvitationLookupLimiter } from "../auth/invitationLookupLimiter";
import { INVITATION_LOOKUP_WINDOW_MS } from "../../shared/accessLimits";
import { PROJECT_ROOT } from "../projectRoot";
import { createBlobStore, type BlobStore } from "../blobs/blobStore";
import type { OutriggerDatabase } from "../db/database";
import { createMailer, type Mailer } from "../mail/mailer";
import { ephemeralManifestSigner, type ManifestSigner } from "../signing/manifestSigner";
import { blobRoutes } from "./blobs";
import { consoleRoutes } from "./console/index";
import type { AppDeps } from "./context";
import { registerErrorHandlers } from "./errors";
import { healthRoutes, minFreeDiskBytesFromEnv } from "./health";
import { limitBody } from "./jsonBody";
import { invitationRoutes } from "./invitations";
import { materialRoutes } from "./materials";
import { relayedReplyRoutes } from "./relayedReplies";
import { replyAttachmentRoutes } from "./replyAttachments";
import { replyRoutes } from "./replies";
import { signingKeyRoutes } from "./signingKey";
import { defaultUploadDir, uploadRoutes } from "./uploads";
import { inlineScriptHashes, securityHeaders } from "./securityHeaders";
import { registerStaticFiles } from "./staticFiles";
import { registerMetricsRoute } from "./metricsRoute";
import { defaultLogger, type Logger } from "../observability/logger";
import { createAppMetrics, type AppMetrics } from "../observability/metrics";
import { requestContext } from "../observability/requestLog";

export const DEFAULT_STATIC_DIR = join(PROJECT_ROOT, "dist");

export interface AppOptions {
  db: OutriggerDatabase;
  /** The clock; tests move it to check due dates. */
  now?: () => Date;
  /** The built PWA (default: the repository's dist/). */
  staticDir?: string;
  /** Where material files are kept (default `<DATA_DIR or ./data>/blobs`). */
  blobStore?: BlobStore;
  /**
   * Signs materials manifests and serves GET /api/signing-key. startServer() passes the key kept in
   * the data folder; without one, a key is made in memory for the life of this app (tests).
   */
  signer?: ManifestSigner;
  /** Believe X-Forwarded-Proto / X-Forwarded-For from a reverse proxy (default: env TRUST_PROXY=1). */
  trustProxy?: boolean;
  /** Sends reminder e-mails. Default: from env SMTP_URL / MAIL_FROM (none when SMTP_URL is unset); null: none. */
  mailer?: Mailer | null;
  /** Where reply attachments uploaded with tus are kept (default `<DATA_DIR or ./data>/uploads`). */
  uploadDir?: string;
  /** Where events and errors are logged; default the process logger (stdout, LOG_FORMAT / LOG_LEVEL). */
  logger?: Logger;
  /** The data folder whose free disk GET /api/health reports (default DATA_DIR or ./data). */
  dataDir?: string;
  /** Turns on GET /metrics for `Authorization: Bearer <token>` (default env METRICS_TOKEN; unset: off). */
  metricsToken?: string;
  /** Below this, health answers 503 degraded (default env MIN_FREE_DISK_MB, else 200 MB). */
  minFreeDiskBytes?: number;
}

function isUploadPath(path: string): boolean {
  return path === "/api/uploads" || path.startsWith("/api/uploads/");
}

/** Blobs go out byte for byte: a Range answer must be exact and their ETag strong, so gzip never touches them. */
function isBlobPath(path: string): boolean {
  return (
    path === "/api/blobs" ||
    path.startsWith("/api/blobs/") ||
    path === "/api/uploads" ||
    path.startsWith("/api/uploads/")
  );
}

export function defaultBlobDir(dataDir?: string): string {
  return resolve(dataDir ?? process.env.DATA_DIR ?? "data", "blobs");
}

export function createApp(options: AppOptions): Hono {
  const {
    db,
    now = () => new Date(),
    staticDir = DEFAULT_STATIC_DIR,
    signer = ephemeralManifestSigner(),
    trustProxy,
    mailer,
    logger = defaultLogger(),
  } = options;
  const {
    blobStore = createBlobStore(defaultBlobDir(options.dataDir)),
    uploadDir = defaultUploadDir(options.dataDir),
  } = options;
  const metricsToken = options.metricsToken ?? (process.env.METRICS_TOKEN || undefined);
  const metrics = createAppMetrics({ withProcessMetrics: metricsToken !== undefined });
  const deps: AppDeps = {
    db,
    now,
    blobStore,
    signer,
    invitationLookups: createInvitationLookupLimiter(attemptLedgerFor(db, INVITATION_LOOKUP_WINDOW_MS)),
    trustProxy: trustProxy ?? process.env.TRUST_PROXY === "1",
    logger,
    metrics,
    observeReplyBatch: (route, results) => observeReplyBatch(logger, metrics, route, results),
  };
  const app = new Hono();
  registerErrorHandlers(app, logger);
  app.use("*", requestContext());
  app.use(
    "*",
    securityHeaders({
      trustProxy: trustProxy ?? process.env.TRUST_PROXY === "1",
      inlineScripts: inlineScriptsOf(staticDir),
    }),
  );
  // Phones on slow, metered links: the app shell and JSON go out gzip-compressed when the browser accepts it.
  const gzip = compress({ encoding: "gzip" });
  const compressExceptBlobs: MiddlewareHandler = (c, next) => (isBlobPath(c.req.path) ? next() : gzip(c, next));
  app.use("*", compressExceptBlobs);
  // No request body anywhere is read past the largest JSON body, even by a route that forgot jsonBody();
  // tus uploads are bounded by @tus/server itself (Upload-Length up to MAX_ATTACHMENT_BYTES, never past it).
  const jsonSized = limitBody(MAX_JSON_BODY_BYTES);
  app.use("*", (c, next) => (isUploadPath(c.req.path) ? next() : jsonSized(c, next)));
  app.route(
    "/api/health",
    healthRoutes(deps, {
      dataDir: resolve(options.dataDir ?? process.env.DATA_DIR ?? "data"),
      minFreeDiskBytes: options.minFreeDiskBytes ?? minFreeDiskBytesFromEnv(),
    }),
  );
  app.route("/api/invitations", invitationRoutes(deps));
  app.route("/api/replies", replyRoutes(deps));
  app.route("/api/replies", replyAttachmentRoutes(deps));
  app.route("/api/relayed-replies", relayedReplyRoutes(deps));
  app.route("/api/signing-key", signingKeyRoutes(deps));
  app.route("/api/workshops", materialRoutes(deps));
  app.route("/api/blobs", blobRoutes(deps));
  app.route("/api/uploads", uploadRoutes(deps, uploadDir));
  app.route(
    "/api/console",
    consoleRoutes(deps, {
      trustProxy,
      mailer: mailer === undefined ? createMailer() : (mailer ?? undefined),
      uploadDir,
    }),
  );
  registerMetricsRoute(app, metrics, metricsToken);
  registerStaticFiles(app, staticDir);
  return app;
}

/** Counts a batch's results; a reply the database refused is logged by its id and the engine's reason (no answer text). */
function observeReplyBatch(
  logger: Logger,
  metrics: AppMetrics,
  route: "replies" | "relayed_replies",
  results: ReplyResult[],
): ReplyResult[] {
  for (const result of results) {
    if (result.outcome === "rejected" && result.error.code === "storage_refused")
      logger.error({ event: "reply_storage_refused", route, replyId: result.id }, "The database refused a reply.");
  }
  return metrics.recordReplyBatch(route, results);
}

/** The hashes of the built index.html's inline scripts, for the page's CSP; none when no build is served. */
function inlineScriptsOf(staticDir: string): string[] {
  const page = join(staticDir, "index.html");
  return existsSync(page) ? inlineScriptHashes(readFileSync(page, "utf8")) : [];
}
