// /api/console/accounts: organisers list, add, disable / re-enable and reset the password of console accounts.
import { Hono } from "hono";
import { accountStatusChange, newAccount, passwordReset, type AccountList } from "../../../shared/console";
import { requireOrganiser, type ConsoleEnv } from "../../auth/middleware";
import { hashNewPassword, PasswordRefusedError } from "../../auth/passwords";
import {
  insertOrganiser,
  listAccounts,
  OrganiserExistsError,
  resetAccountPassword,
  setAccountDisabled,
} from "../../db/organisers";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";

/** The policy's refusal as the same 400 the setup route gives, so the page shows the rule that was broken. */
async function hashOrRefuse(password: string): Promise<string> {
  return hashNewPassword(password).catch((error: unknown) => {
    if (error instanceof PasswordRefusedError)
      throw new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", [error.problem]);
    throw error;
  });
}

function refuseOwnAccount(ownId: string, targetId: string, what: string): void {
  // Keeps at least one organiser able to sign in, and nobody locks themselves out by a slip of the mouse.
  if (ownId === targetId)
    throw new ApiProblem(409, "own_account", `You cannot ${what} your own account: ask another organiser.`);
}

const notFound = () => new ApiProblem(404, "account_not_found", "There is no such account.");

export function accountRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.use("*", requireOrganiser());

  routes.get("/", async (c) => {
    const body: AccountList = { accounts: await listAccounts(c.var.deps.db) };
    return c.json(body);
  });

  routes.post("/", jsonBody(newAccount), async (c) => {
    const { db, now } = c.var.deps;
    const input = c.req.valid("json");
    const passwordHash = await hashOrRefuse(input.password);
    try {
      const created = await insertOrganiser(
        db,
        { email: input.email, name: input.name, role: input.role, passwordHash },
        now(),
      );
      return c.json(created, 201);
    } catch (error) {
      if (error instanceof OrganiserExistsError) throw new ApiProblem(409, "account_exists", error.message);
      throw error;
    }
  });

  routes.patch("/:id", jsonBody(accountStatusChange), async (c) => {
    const id = c.req.param("id");
    const { disabled } = c.req.valid("json");
    refuseOwnAccount(c.var.session.organiser.id, id, disabled ? "disable" : "re-enable");
    if (!(await setAccountDisabled(c.var.deps.db, id, disabled))) throw notFound();
    return c.body(null, 204);
  });

  routes.put("/:id/password", jsonBody(passwordReset), async (c) => {
    const id = c.req.param("id");
    refuseOwnAccount(c.var.session.organiser.id, id, "reset the password of");
    const passwordHash = await hashOrRefuse(c.req.valid("json").password);
    if (!(await resetAccountPassword(c.var.deps.db, id, passwordHash))) throw notFound();
    return c.body(null, 204);
  });

  return routes;
}
