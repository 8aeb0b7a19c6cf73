// /api/console/*: the organiser console's API. Every route but sign-in and first-start setup needs a session.
import { Hono } from "hono";
import { attemptLedgerFor } from "../../auth/attemptLedgerFor";
import { createLoginLimiter } from "../../auth/loginLimiter";
import { SIGN_IN_WINDOW_MS } from "../../../shared/accessLimits";
import type { ConsoleDeps, ConsoleEnv } from "../../auth/middleware";
import type { Mailer } from "../../mail/mailer";
import type { AppDeps } from "../context";
import { defaultUploadDir } from "../uploads";
import { accountRoutes } from "./accounts";
import { administrationRoutes } from "./administrations";
import { attachmentRoutes } from "./attachments";
import { auditLogRoutes } from "./auditLog";
import { campaignEmailRoutes } from "./campaignEmails";
import { campaignRoutes } from "./campaigns";
import { curationRoutes } from "./curation";
import { demoDataRoutes } from "./demoData";
import { earlierRoundRoutes } from "./earlierRounds";
import { feedbackRoutes } from "./feedback";
import { participantRoutes } from "./participants";
import { questionnaireRoutes } from "./questionnaires";
import { questionnaireXlsformRoutes } from "./questionnaireXlsform";
import { reportBindingsRoutes } from "./reportBindings";
import { replyDetailRoutes } from "./replyDetail";
import { reportRoutes } from "./report";
import { sessionRoutes } from "./session";
import { setupRoutes } from "./setup";
import { summaryYearRoutes } from "./summaryYears";
import { workshopRoutes } from "./workshops";

export interface ConsoleOptions {
  /** Default: env TRUST_PROXY=1. */
  trustProxy?: boolean;
  /** Sends reminder e-mails; without one, the console offers mailto links only. */
  mailer?: Mailer;
  /** Where reply attachments are kept (default `<DATA_DIR or ./data>/uploads`). */
  uploadDir?: string;
}

export function consoleRoutes(deps: AppDeps, options: ConsoleOptions = {}): Hono<ConsoleEnv> {
  const consoleDeps: ConsoleDeps = {
    ...deps,
    loginLimiter: createLoginLimiter(attemptLedgerFor(deps.db, SIGN_IN_WINDOW_MS)),
    trustProxy: options.trustProxy ?? process.env.TRUST_PROXY === "1",
  };
  const routes = new Hono<ConsoleEnv>();
  routes.use("*", async (c, next) => {
    c.set("deps", consoleDeps);
    await next();
    // Console answers are about one signed-in person: never kept by a shared cache or the service worker.
    // (A file streamed straight to the socket — RESPONSE_ALREADY_SENT — set its own header and must not be touched.)
    if (!c.res.headers.has("Cache-Control") && !c.res.headers.has("x-hono-already-sent"))
      c.header("Cache-Control", "no-store");
  });
  routes.route("/session", sessionRoutes());
  routes.route("/setup", setupRoutes());
  routes.route("/accounts", accountRoutes());
  routes.route("/workshops", workshopRoutes());
  routes.route("/administrations", administrationRoutes());
  routes.route("/questionnaires", questionnaireRoutes());
  routes.route("/questionnaires", questionnaireXlsformRoutes());
  routes.route("/questionnaires", reportBindingsRoutes());
  routes.route("/", participantRoutes());
  routes.route("/", campaignRoutes());
  routes.route("/", campaignEmailRoutes({ mailer: options.mailer }));
  routes.route("/", reportRoutes());
  routes.route("/", summaryYearRoutes());
  routes.route("/", earlierRoundRoutes());
  routes.route("/", curationRoutes());
  routes.route("/", feedbackRoutes());
  routes.route("/", auditLogRoutes());
  routes.route("/", demoDataRoutes());
  routes.route("/", replyDetailRoutes());
  routes.route("/", attachmentRoutes({ uploadDir: options.uploadDir ?? defaultUploadDir() }));
  return routes;
}
