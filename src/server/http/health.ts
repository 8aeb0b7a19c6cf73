// GET /api/health: for monitors, load balancers and the phone's connectivity check: is the database answering, is there disk left?
import { Hono } from "hono";
import type { HealthPayload } from "../../shared/api";
import { SERVER_VERSION } from "../version";
import type { AppDeps } from "./context";
import { databaseAnswers, freeDiskBytes } from "../observability/healthChecks";

/** Below this much free space in DATA_DIR the server says it is degraded (env MIN_FREE_DISK_MB). */
export const DEFAULT_MIN_FREE_DISK_MB = 200;
/** A health check must answer quickly even when the database hangs: a monitor's own timeout is a few seconds. */
export const HEALTH_DATABASE_TIMEOUT_MS = 2000;

export interface HealthOptions {
  dataDir: string;
  minFreeDiskBytes: number;
  databaseTimeoutMs?: number;
}

export function minFreeDiskBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.MIN_FREE_DISK_MB);
  return (
    (env.MIN_FREE_DISK_MB !== undefined && env.MIN_FREE_DISK_MB !== "" && Number.isFinite(mb) && mb >= 0
      ? mb
      : DEFAULT_MIN_FREE_DISK_MB) *
    1024 *
    1024
  );
}

export function healthRoutes(
  { db, now, logger }: AppDeps,
  { dataDir, minFreeDiskBytes, databaseTimeoutMs = HEALTH_DATABASE_TIMEOUT_MS }: HealthOptions,
): Hono {
  const routes = new Hono();
  let lastReason: string | undefined;
  routes.get("/", async (c) => {
    c.header("Cache-Control", "no-store");
    const [databaseOk, diskFree] = await Promise.all([databaseAnswers(db, databaseTimeoutMs), freeDiskBytes(dataDir)]);
    const reasons: string[] = [];
    if (!databaseOk) reasons.push(`The database did not answer within ${databaseTimeoutMs / 1000} s.`);
    if (diskFree === null) reasons.push("The free space of the data folder's disk could not be read.");
    else if (diskFree < minFreeDiskBytes)
      reasons.push(
        `Only ${Math.floor(diskFree / 1048576)} MB are free on the data folder's disk (the minimum is ${Math.floor(minFreeDiskBytes / 1048576)} MB).`,
      );
    const reason = reasons.length > 0 ? reasons.join(" ") : undefined;
    // Monitors ask every few seconds: log only when the answer changes.
    if (reason !== lastReason) {
      if (reason)
        logger.warn(
          { event: "health_degraded", database: databaseOk ? "ok" : "unreachable", diskFreeBytes: diskFree },
          reason,
        );
      else logger.info({ event: "health_ok" }, "The server is healthy again.");
      lastReason = reason;
    }
    const base = {
      version: SERVER_VERSION,
      time: now().toISOString(),
      database: databaseOk ? "ok" : "unreachable",
      diskFreeBytes: diskFree,
    } as const;
    const body: HealthPayload = reason
      ? { status: "degraded", ...base, reason, error: { code: "service_degraded", message: reason } }
      : { status: "ok", ...base };
    return c.json(body, reason ? 503 : 200);
  });
  return routes;
}
