// GET /api/signing-key: the server's public Ed25519 key, kept by every app to check packs offline. No invitation needed.
import { Hono } from "hono";
import type { AppDeps } from "./context";

export function signingKeyRoutes({ signer }: AppDeps): Hono {
  const routes = new Hono();
  routes.get("/", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.json(signer.key);
  });
  return routes;
}
