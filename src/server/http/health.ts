// GET /api/health: a cheap liveness answer for monitors and the phone's connectivity check.
import { Hono } from "hono";
import type { HealthPayload } from "../../shared/api";
import { SERVER_VERSION } from "../version";
import type { AppDeps } from "./context";

export function healthRoutes({ now }: AppDeps): Hono {
  const routes = new Hono();
  routes.get("/", (c) => {
    c.header("Cache-Control", "no-store");
    const body: HealthPayload = { status: "ok", version: SERVER_VERSION, time: now().toISOString() };
    return c.json(body);
  });
  return routes;
}
