// Security headers on every answer: a strict CSP the built app works under, no framing, nosniff, no referrer,
// and HSTS only over HTTPS. Routes that set their own (material files' sandboxing CSP) keep theirs.
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { HANDOUT_FRAME_STYLE } from "../../shared/handoutFrame";

/** A year; sent only on answers that came over HTTPS, so a plain-HTTP demo on a LAN is never locked out. */
const HSTS = "max-age=31536000; includeSubDomains";

/** The handout frame (srcdoc) inherits the page's CSP: its one <style> is allowed by hash, not by 'unsafe-inline'. */
const handoutStyleHash = `'sha256-${createHash("sha256").update(HANDOUT_FRAME_STYLE).digest("base64")}'`;

/**
 * The app's policy: only our own scripts and our own server to talk to. index.html's one inline script (the store
 * chunk's early fetch, vite.config.ts storeChunkPreloaded) is allowed by its hash, read from the served build.
 */
export const APP_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", handoutStyleHash],
  // Material images, video and audio play from the phone's own copies (blob: URLs); data: for small inline icons.
  imgSrc: ["'self'", "data:", "blob:"],
  mediaSrc: ["'self'", "blob:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  // The service worker and pdf.js's worker are our own files.
  workerSrc: ["'self'"],
  // The handout frame is srcdoc (not fetched); nothing else is framed.
  frameSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** True when the browser reached us over HTTPS, directly or through a proxy we were told to trust. */
export function isHttpsRequest(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return trustProxy && (c.req.header("X-Forwarded-Proto") ?? "").split(",")[0].trim().toLowerCase() === "https";
}

/** The CSP source of each inline `<script>` in a page, so exactly those run and nothing injected beside them. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([^<]*)<\/script>/g)].map(
    ([, script]) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`,
  );
}

/**
 * Adds the headers once the route has answered (errors included).
 *
 * @example app.use("*", securityHeaders({ trustProxy: process.env.TRUST_PROXY === "1" }));
 */
export function securityHeaders({
  trustProxy,
  inlineScripts = [],
}: {
  trustProxy: boolean;
  /** Hashes of index.html's inline scripts (inlineScriptHashes). */
  inlineScripts?: string[];
}): MiddlewareHandler {
  const addHeaders = secureHeaders({
    overwrite: false,
    contentSecurityPolicy: { ...APP_CONTENT_SECURITY_POLICY, scriptSrc: ["'self'", ...inlineScripts] },
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    xContentTypeOptions: true,
    strictTransportSecurity: false,
    // Phones open material files from the same origin only; no cross-origin embedding to allow.
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
  });
  // Scripts and styles the page loads are governed by the page's policy; the document-only headers on each of
  // them cost ~600 bytes a file on a first visit. Workers (pdf.js's) run under their own answer's CSP: they keep it.
  const addAssetHeaders = secureHeaders({
    overwrite: false,
    contentSecurityPolicy: undefined,
    xFrameOptions: false,
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xDnsPrefetchControl: false,
    originAgentCluster: false,
    crossOriginOpenerPolicy: false,
    referrerPolicy: "no-referrer",
    xContentTypeOptions: true,
    strictTransportSecurity: false,
    crossOriginResourcePolicy: "same-origin",
  });
  const isPageAsset = (path: string) =>
    path.startsWith("/assets/") && /\.(js|css)$/.test(path) && !path.includes("worker");
  const nothingMore = async () => {};
  return async function securityHeaders(c, next) {
    await next();
    // A response streamed straight to the socket (tus, attachment downloads) set its own headers and is gone.
    if (c.res.headers.has("x-hono-already-sent")) return;
    await (isPageAsset(c.req.path) ? addAssetHeaders : addHeaders)(c, nothingMore);
    if (isHttpsRequest(c, trustProxy)) c.res.headers.set("Strict-Transport-Security", HSTS);
  };
}
