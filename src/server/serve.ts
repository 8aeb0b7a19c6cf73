// Starts the whole server in this process: database, migrations, first-start data, HTTP.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createDatabase, type OutriggerDatabase } from "./db/database";
import { migrateToLatest } from "./db/migrate";
import { seedIfEmpty, type SeedResult } from "./db/seed";
import { createApp } from "./http/app";

/** How long close() lets in-flight requests finish before cutting connections. */
const SHUTDOWN_GRACE_MS = 5000;

export interface StartServerOptions {
  /** 0 picks a free port; default PORT or 8080. */
  port?: number;
  /** Default HOST or 127.0.0.1. */
  host?: string;
  /** postgres://… for PostgreSQL; default DATABASE_URL, else the embedded SQLite file in dataDir. */
  databaseUrl?: string;
  /** Where the SQLite file lives; default DATA_DIR or ./data. */
  dataDir?: string;
  /** The built PWA; default the repository's dist/. */
  staticDir?: string;
  /** No log lines (tests, benchmarks). */
  quiet?: boolean;
  now?: () => Date;
}

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:8080 (the real port when 0 was asked). */
  url: string;
  db: OutriggerDatabase;
  seed: SeedResult;
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? Number(process.env.PORT ?? 8080);
  const host = options.host ?? process.env.HOST ?? "127.0.0.1";
  const db = createDatabase(options.databaseUrl ?? process.env.DATABASE_URL, { dataDir: options.dataDir });
  try {
    const { applied } = await migrateToLatest(db);
    if (!options.quiet && applied.length > 0) console.log(`Database migrations applied: ${applied.join(", ")}`);
    const seed = await seedIfEmpty(db, options.now?.());
    if (!options.quiet && seed.seeded) console.log("First start: member administrations, FY 2022/23 workshops and a demo campaign were added.");
    const app = createApp({ db, now: options.now, staticDir: options.staticDir });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
      s.once("error", reject);
    });
    const address = server.address() as AddressInfo;
    const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shownHost === "0.0.0.0" || shownHost === "[::]" ? "localhost" : shownHost}:${address.port}`,
      db,
      seed,
      close: () =>
        (closing ??= (async () => {
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
          await db.destroy();
        })()),
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
