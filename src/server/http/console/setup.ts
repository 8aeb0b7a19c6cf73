// POST /api/console/setup: the first organiser, with the one-time token the server printed at first start.
import { Hono } from "hono";
import { setupRequest, type ConsoleSession } from "../../../shared/console";
import { setSessionCookie, type ConsoleEnv } from "../../auth/middleware";
import { hashNewPassword, PasswordRefusedError } from "../../auth/passwords";
import { createSession } from "../../auth/sessions";
import { consumeSetupToken } from "../../auth/setupToken";
import { insertFirstOrganiser } from "../../db/organisers";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";

export function setupRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.post("/", jsonBody(setupRequest), async (c) => {
    const { db, now } = c.var.deps;
    const input = c.req.valid("json");
    const at = now();
    // Checked before the token is used, so a refused password does not spend the one-time link.
    const passwordHash = await hashNewPassword(input.password).catch((error: unknown) => {
      if (error instanceof PasswordRefusedError)
        throw new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", [error.problem]);
      throw error;
    });
    const created = await insertFirstOrganiser(
      db,
      { email: input.email, name: input.name, role: "organiser", passwordHash },
      at,
      (tx) => consumeSetupToken(tx, input.token, at),
    );
    if (!created)
      throw new ApiProblem(
        403,
        "setup_token_invalid",
        "This setup link is not valid: it was already used or has expired. Restart the server to get a new one, or use npm run admin:create.",
      );
    const session = await createSession(db, created.id, at);
    setSessionCookie(c, session.cookieValue, session.expiresAt, at);
    const body: ConsoleSession = { organiser: created, csrfToken: session.csrfToken };
    return c.json(body, 201);
  });
  return routes;
}
