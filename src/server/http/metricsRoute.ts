// GET /metrics: the Prometheus scrape, only when METRICS_TOKEN is set and only with `Authorization: Bearer <token>`.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import type { AppMetrics } from "../observability/metrics";
import { jsonError } from "./errors";

/** Hashing first makes both sides the same length, so the comparison takes the same time whatever was sent. */
function sameToken(sent: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

export function registerMetricsRoute(app: Hono, metrics: AppMetrics, token: string | undefined): void {
  app.get("/metrics", async (c) => {
    // Off: the same answer as any unknown API address, so a scanner learns nothing.
    if (!token) return jsonError(c, 404, "not_found", "There is nothing at this address.");
    const sent = /^Bearer (.+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
    if (sent === undefined || !sameToken(sent, token)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return jsonError(c, 401, "invalid_token", 'Send the metrics token as "Authorization: Bearer <token>".');
    }
    c.header("Cache-Control", "no-store");
    return c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType });
  });
}
