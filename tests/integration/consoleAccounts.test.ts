// Accounts from the console: organisers only, adding with the password policy, disabling, and resetting a password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountList, organiser as organiserShape } from "../../src/shared/console";
import { insertOrganiser, OrganiserExistsError } from "../../src/server/db/organisers";
import { createApp } from "../../src/server/http/app";
import {
  addOrganiser,
  consoleRequest,
  signIn,
  signInRequest,
  TEST_PASSWORD,
  type SignedIn,
} from "./support/consoleClient";
import { errorOf } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

// Accounts made through the app get the full-cost scrypt (seconds each on a busy machine), hence the generous limit.
const FULL_COST_SCRYPT_TIMEOUT_MS = 120_000;
const NEW_PASSWORD = "tide charts over the reef";
const RESET_PASSWORD = "breadfruit season in vavau";

describe.each(ENGINES)("console accounts (%s)", { timeout: FULL_COST_SCRYPT_TIMEOUT_MS }, (engine) => {
  const clock = new Date("2024-03-01T09:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  let lead: SignedIn;
  let leadId: string;
  let viewer: SignedIn;

  const accountsNow = async () => {
    const res = await consoleRequest(app, "GET", "/api/console/accounts", lead);
    expect(res.status).toBe(200);
    return accountList.parse(await res.json()).accounts;
  };
  const idOf = async (email: string) => (await accountsNow()).find((a) => a.email === email)?.id as string;

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, clock);
    app = createApp({ db: ctx.db, now: () => clock, trustProxy: true });
    await addOrganiser(ctx.db, "lead@example.org", "organiser", clock);
    await addOrganiser(ctx.db, "viewer@example.org", "viewer", clock);
    lead = await signIn(app, "lead@example.org");
    viewer = await signIn(app, "viewer@example.org");
    leadId = await idOf("lead@example.org");
  });
  afterAll(() => ctx.close());

  it("refuses a viewer every accounts route with 403, and an organiser's change without the CSRF token", async () => {
    const targetId = await idOf("viewer@example.org");
    const requests: [string, string, unknown][] = [
      ["GET", "/api/console/accounts", undefined],
      ["POST", "/api/console/accounts", { name: "X", email: "x@example.org", role: "viewer", password: NEW_PASSWORD }],
      ["PATCH", `/api/console/accounts/${leadId}`, { disabled: true }],
      ["PUT", `/api/console/accounts/${leadId}/password`, { password: NEW_PASSWORD }],
    ];
    for (const [method, path, body] of requests) {
      const res = await consoleRequest(app, method, path, viewer, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await errorOf(res)).code).toBe("forbidden");
    }
    const withoutToken = await consoleRequest(
      app,
      "PATCH",
      `/api/console/accounts/${targetId}`,
      lead,
      { disabled: true },
      { csrf: false },
    );
    expect(withoutToken.status).toBe(403);
    expect((await errorOf(withoutToken)).code).toBe("csrf_token_invalid");
  });

  it("lists every account with its role and whether it is disabled", async () => {
    const accounts = await accountsNow();
    expect(accounts.map((a) => [a.email, a.role, a.disabled])).toEqual(
      expect.arrayContaining([
        ["lead@example.org", "organiser", false],
        ["viewer@example.org", "viewer", false],
      ]),
    );
  });

  it("refuses a weak initial password with the policy's own message, and adds nobody", async () => {
    const short = await consoleRequest(app, "POST", "/api/console/accounts", lead, {
      name: "Mele",
      email: "mele@example.org",
      role: "viewer",
      password: "short",
    });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).details).toEqual([
      { path: "password", code: "password_too_short", message: "The password needs at least 15 characters." },
    ]);
    const common = await consoleRequest(app, "POST", "/api/console/accounts", lead, {
      name: "Mele",
      email: "mele@example.org",
      role: "viewer",
      password: "123456789012345",
    });
    expect(common.status).toBe(400);
    expect((await errorOf(common)).details?.[0].code).toBe("password_common");
    expect(await idOf("mele@example.org")).toBeUndefined();
  });

  it("adds a viewer who can then sign in, and answers 409 to the same e-mail again in any case", async () => {
    const res = await consoleRequest(app, "POST", "/api/console/accounts", lead, {
      name: "Mele Taufa",
      email: " Mele@Example.org ",
      role: "viewer",
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(201);
    expect(organiserShape.parse(await res.json())).toMatchObject({ email: "mele@example.org", role: "viewer" });
    expect((await signInRequest(app, "mele@example.org", NEW_PASSWORD)).status).toBe(200);

    const again = await consoleRequest(app, "POST", "/api/console/accounts", lead, {
      name: "Mele again",
      email: "MELE@example.org",
      role: "organiser",
      password: NEW_PASSWORD,
    });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("account_exists");
  });

  it("two adds of one e-mail at the same moment give one account and the plain 'already exists' refusal", async () => {
    const add = () =>
      insertOrganiser(ctx.db, { email: "race@example.org", name: "Race", role: "viewer", passwordHash: "x" }, clock);
    const outcomes = await Promise.allSettled([add(), add()]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refusal.reason).toBeInstanceOf(OrganiserExistsError);
  });

  it("will not let an organiser disable or reset their own account", async () => {
    const disable = await consoleRequest(app, "PATCH", `/api/console/accounts/${leadId}`, lead, { disabled: true });
    expect(disable.status).toBe(409);
    expect((await errorOf(disable)).code).toBe("own_account");
    const reset = await consoleRequest(app, "PUT", `/api/console/accounts/${leadId}/password`, lead, {
      password: NEW_PASSWORD,
    });
    expect(reset.status).toBe(409);
    expect((await consoleRequest(app, "GET", "/api/console/session", lead)).status).toBe(200);
  });

  it("a disabled account is signed out and cannot sign in until re-enabled", async () => {
    const viewerId = await idOf("viewer@example.org");
    const disable = await consoleRequest(app, "PATCH", `/api/console/accounts/${viewerId}`, lead, { disabled: true });
    expect(disable.status).toBe(204);
    expect((await consoleRequest(app, "GET", "/api/console/session", viewer)).status).toBe(401);
    expect((await signInRequest(app, "viewer@example.org", TEST_PASSWORD)).status).toBe(401);
    expect((await accountsNow()).find((a) => a.id === viewerId)?.disabled).toBe(true);

    const enable = await consoleRequest(app, "PATCH", `/api/console/accounts/${viewerId}`, lead, { disabled: false });
    expect(enable.status).toBe(204);
    viewer = await signIn(app, "viewer@example.org");
  });

  it("resetting a password ends that account's sessions; only the new password signs in", async () => {
    const viewerId = await idOf("viewer@example.org");
    const weak = await consoleRequest(app, "PUT", `/api/console/accounts/${viewerId}/password`, lead, {
      password: "   ",
    });
    expect(weak.status).toBe(400);
    expect((await errorOf(weak)).details?.[0].message).toBe("The password cannot be blank or only spaces.");
    expect((await consoleRequest(app, "GET", "/api/console/session", viewer)).status).toBe(200);

    const reset = await consoleRequest(app, "PUT", `/api/console/accounts/${viewerId}/password`, lead, {
      password: RESET_PASSWORD,
    });
    expect(reset.status).toBe(204);
    expect((await consoleRequest(app, "GET", "/api/console/session", viewer)).status).toBe(401);
    expect((await signInRequest(app, "viewer@example.org", TEST_PASSWORD)).status).toBe(401);
    expect((await signInRequest(app, "viewer@example.org", RESET_PASSWORD)).status).toBe(200);
  });

  it("answers 404 for an account that does not exist", async () => {
    const res = await consoleRequest(app, "PATCH", "/api/console/accounts/no-such-account", lead, { disabled: true });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("account_not_found");
  });
});
