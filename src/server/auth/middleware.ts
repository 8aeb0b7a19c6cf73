// Console access: a signed-in organiser's session cookie, the right role, and the CSRF token on every change.
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { CSRF_HEADER, SESSION_COOKIE, type OrganiserRole } from "../../shared/console";
import type { AppDeps } from "../http/context";
import { ApiProblem } from "../http/errors";
import { isHttpsRequest } from "../http/securityHeaders";
import type { LoginLimiter } from "./loginLimiter";
import { resumeSession, type ActiveSession } from "./sessions";

export interface ConsoleDeps extends AppDeps {
  loginLimiter: LoginLimiter;
  /** Believe X-Forwarded-Proto / X-Forwarded-For (behind a reverse proxy; env TRUST_PROXY=1). */
  trustProxy: boolean;
}

export interface ConsoleEnv {
  Variables: { deps: ConsoleDeps; session: ActiveSession };
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Secure cookies when the browser reached us over HTTPS, directly or through a trusted proxy. */
export function isHttps<E extends ConsoleEnv>(c: Context<E>): boolean {
  return isHttpsRequest(c, c.var.deps.trustProxy);
}

export function setSessionCookie(c: Context<ConsoleEnv>, value: string, expiresAt: Date, now: Date): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: isHttps(c),
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context<ConsoleEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Strict", secure: isHttps(c) });
}

/** The session of this request, or undefined; does not refuse. */
export async function currentSession(c: Context<ConsoleEnv>): Promise<ActiveSession | undefined> {
  const value = getCookie(c, SESSION_COOKIE);
  if (value === undefined) return undefined;
  const { db, now } = c.var.deps;
  const at = now();
  const session = await resumeSession(db, value, at);
  if (session) setSessionCookie(c, value, session.expiresAt, at);
  return session;
}

/**
 * Refuses without a live session (401 not_signed_in), with a role not in `roles` (403 forbidden; default:
 * any role), and on anything but GET/HEAD without the session's CSRF token in X-CSRF-Token (403 csrf_token_invalid).
 */
export function requireSession(roles?: OrganiserRole[]): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const session = await currentSession(c);
    if (!session) throw new ApiProblem(401, "not_signed_in", "Please sign in to the organiser console.");
    if (!SAFE_METHODS.has(c.req.method)) {
      const presented = c.req.header(CSRF_HEADER);
      if (presented === undefined || !sameSecret(presented, session.csrfToken)) {
        throw new ApiProblem(
          403,
          "csrf_token_invalid",
          `This change was refused: the request lacks the console's ${CSRF_HEADER} header. Reload the console and try again.`,
        );
      }
    }
    if (roles !== undefined && !roles.includes(session.organiser.role)) {
      throw new ApiProblem(403, "forbidden", "Your account may look but not change: ask an organiser to do this.");
    }
    c.set("session", session);
    await next();
  };
}

/** Organisers change things; viewers only read. */
export const requireOrganiser = (): MiddlewareHandler<ConsoleEnv> => requireSession(["organiser"]);
