// /api/console/session: sign in (POST), who am I (GET), sign out (DELETE).
import { Hono } from "hono";
import { signInRequest, type ConsoleSession } from "../../../shared/console";
import {
  clearSessionCookie,
  currentSession,
  requireSession,
  setSessionCookie,
  type ConsoleEnv,
} from "../../auth/middleware";
import { verifyAgainstDummy, verifyPassword } from "../../auth/passwords";
import { createSession, endSession } from "../../auth/sessions";
import { findOrganiserByEmail, normaliseEmail } from "../../db/organisers";
import { clientAddress } from "../clientAddress";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";

function waitInWords(seconds: number): string {
  return seconds < 60 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`;
}

export function sessionRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.post("/", jsonBody(signInRequest), async (c) => {
    const { db, now, loginLimiter } = c.var.deps;
    const { email: typedEmail, password } = c.req.valid("json");
    const email = normaliseEmail(typedEmail);
    const address = clientAddress(c, c.var.deps.trustProxy);
    const at = now();
    // Counted before the (deliberately slow) password check, so parallel guesses cannot all slip under the limit.
    const attempt = await loginLimiter.reserve(email, address, at);
    if (!attempt.allowed) {
      c.var.deps.metrics.signInFailed("too_many_attempts");
      c.header("Retry-After", String(attempt.retryAfterSeconds));
      throw new ApiProblem(
        429,
        "too_many_attempts",
        `Too many sign-in attempts. Please wait ${waitInWords(attempt.retryAfterSeconds)} and try again.`,
      );
    }
    const account = await findOrganiserByEmail(db, email);
    const ok =
      account && !account.disabled
        ? await verifyPassword(password, account.passwordHash)
        : await verifyAgainstDummy(password);
    if (!ok || !account) {
      c.var.deps.metrics.signInFailed("invalid_credentials");
      throw new ApiProblem(401, "invalid_credentials", "The e-mail address or the password is not right.");
    }
    await attempt.succeeded();
    const session = await createSession(db, account.id, at);
    setSessionCookie(c, session.cookieValue, session.expiresAt, at);
    const body: ConsoleSession = {
      organiser: { id: account.id, name: account.name, email: account.email, role: account.role },
      csrfToken: session.csrfToken,
    };
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
