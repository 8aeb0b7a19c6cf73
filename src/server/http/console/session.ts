// /api/console/session: sign in (POST), who am I (GET), sign out (DELETE).
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono, type Context } from "hono";
import { signInRequest, type ConsoleSession } from "../../../shared/console";
import { clearSessionCookie, currentSession, requireSession, setSessionCookie, type ConsoleEnv } from "../../auth/middleware";
import { verifyAgainstDummy, verifyPassword } from "../../auth/passwords";
import { createSession, endSession } from "../../auth/sessions";
import { findOrganiserByEmail, normaliseEmail } from "../../db/organisers";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";

/** The client's address: the proxy's X-Forwarded-For (last hop) when trusted, else the socket's. */
function clientAddress(c: Context<ConsoleEnv>): string {
  if (c.var.deps.trustProxy) {
    const hops = (c.req.header("X-Forwarded-For") ?? "").split(",").map((h) => h.trim()).filter((h) => h !== "");
    if (hops.length > 0) return hops[hops.length - 1];
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}

export function sessionRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.post("/", jsonBody(signInRequest), async (c) => {
    const { db, now, loginLimiter } = c.var.deps;
    const { email: typedEmail, password } = c.req.valid("json");
    const email = normaliseEmail(typedEmail);
    const address = clientAddress(c);
    const at = now();
    const wait = loginLimiter.retryAfterSeconds(email, address, at);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      throw new ApiProblem(429, "too_many_attempts", `Too many failed sign-ins. Please wait ${Math.ceil(wait / 60)} minute(s) and try again.`);
    }
    const account = await findOrganiserByEmail(db, email);
    const ok = account && !account.disabled ? await verifyPassword(password, account.passwordHash) : await verifyAgainstDummy(password);
    if (!ok || !account) {
      loginLimiter.recordFailure(email, address, at);
      throw new ApiProblem(401, "invalid_credentials", "The e-mail address or the password is not right.");
    }
    loginLimiter.recordSuccess(email);
    const session = await createSession(db, account.id, at);
    setSessionCookie(c, session.cookieValue, session.expiresAt, at);
    const body: ConsoleSession = { organiser: { id: account.id, name: account.name, email: account.email, role: account.role }, csrfToken: session.csrfToken };
    c.header("Cache-Control", "no-store");
    return c.json(body, 200);
  });

  routes.get("/", async (c) => {
    const session = await currentSession(c);
    if (!session) throw new ApiProblem(401, "not_signed_in", "Please sign in to the organiser console.");
    const body: ConsoleSession = { organiser: session.organiser, csrfToken: session.csrfToken };
    c.header("Cache-Control", "no-store");
    return c.json(body, 200);
  });

  routes.delete("/", requireSession(), async (c) => {
    await endSession(c.var.deps.db, c.var.session.digest);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return routes;
}
