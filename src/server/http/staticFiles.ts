// Serves the built PWA. Hashed assets are cached for good; icons for a day; the shell, service worker and manifest
// are revalidated every time so a new release reaches phones on their next visit.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";
import { invitationPath } from "../../shared/api";
import { normaliseInvitationCode } from "../../shared/invitationCode";
import { invitationCode } from "../../shared/reply";
import { brotliWhenAccepted } from "./brotliFiles";

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
/**
 * Icons keep their names across releases, so not for good; but the browser asks for the favicon and touch icon
 * several times on a first visit, and each revalidation is a round trip on a satellite link.
 */
const ONE_DAY = "public, max-age=86400";

function cacheControlFor(path: string): string {
  if (path.startsWith("/assets/")) return IMMUTABLE;
  return path.startsWith("/icons/") ? ONE_DAY : REVALIDATE;
}

/**
 * An invitation link's page asks the browser to fetch the invitation alongside the app's code (the app's own
 * fetch then takes the preloaded answer): the first question is two round trips away, not three.
 */
function invitationPreloadFor(path: string): string | undefined {
  const linked = /^\/join\/([^/]+)$/.exec(path);
  if (!linked) return undefined;
  let code: string;
  try {
    code = normaliseInvitationCode(decodeURIComponent(linked[1]));
  } catch {
    return undefined;
  }
  if (!invitationCode.safeParse(code).success) return undefined;
  return `<${invitationPath(code)}>; rel=preload; as=fetch; crossorigin=anonymous`;
}

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

export function registerStaticFiles(app: Hono, staticDir: string): void {
  const indexFile = join(staticDir, "index.html");
  let files: MiddlewareHandler | undefined;
  let shell: MiddlewareHandler | undefined;
  // Looked up per request until found, so `npm run build` while the server runs is picked up.
  const built = (): boolean => {
    if (files) return true;
    if (!existsSync(indexFile)) return false;
    files = serveStatic({ root: staticDir });
    shell = serveStatic({ path: indexFile });
    return true;
  };

  app.on(["GET", "HEAD"], "*", async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    if (!built()) {
      if (c.req.path !== "/" && c.req.path !== "/index.html") return next();
      return c.text("The Outrigger app has not been built yet. Run `npm run build`, then reload this page.\n", 503, {
        "Cache-Control": "no-store",
      });
    }
    // Headers must be set before serveStatic builds its response; they are removed again if nothing is found.
    c.header("Cache-Control", cacheControlFor(c.req.path));
    const served = await files!(c, async () => {});
    if (served instanceof Response) return brotliWhenAccepted(c, served, c.req.path);
    // A missing hashed asset is a real 404: answering it with the shell would hide a broken deploy.
    if (c.req.path.startsWith("/assets/")) {
      c.header("Cache-Control", undefined);
      return next();
    }
    // Client-side routes (/join/CODE, /library…) all load the app shell.
    c.header("Cache-Control", REVALIDATE);
    const preload = invitationPreloadFor(c.req.path);
    if (preload) c.header("Link", preload);
    const fallback = await shell!(c, async () => {});
    if (fallback instanceof Response) return brotliWhenAccepted(c, fallback, indexFile);
    c.header("Cache-Control", undefined);
    return next();
  });
}
