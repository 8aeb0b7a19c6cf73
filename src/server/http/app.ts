// The Hono application: API routes, JSON errors, and the built PWA.
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { compress } from "hono/compress";
import type { OutriggerDatabase } from "../db/database";
import type { AppDeps } from "./context";
import { registerErrorHandlers } from "./errors";
import { healthRoutes } from "./health";
import { invitationRoutes } from "./invitations";
import { replyRoutes } from "./replies";
import { registerStaticFiles } from "./staticFiles";

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL("../../../dist", import.meta.url));

export interface AppOptions {
  db: OutriggerDatabase;
  /** The clock; tests move it to check due dates. */
  now?: () => Date;
  /** The built PWA (default: the repository's dist/). */
  staticDir?: string;
}

export function createApp({ db, now = () => new Date(), staticDir = DEFAULT_STATIC_DIR }: AppOptions): Hono {
  const deps: AppDeps = { db, now };
  const app = new Hono();
  registerErrorHandlers(app);
  // Phones on slow, metered links: the app shell and JSON go out gzip-compressed when the browser accepts it.
  app.use("*", compress({ encoding: "gzip" }));
  app.route("/api/health", healthRoutes(deps));
  app.route("/api/invitations", invitationRoutes(deps));
  app.route("/api/replies", replyRoutes(deps));
  registerStaticFiles(app, staticDir);
  return app;
}
