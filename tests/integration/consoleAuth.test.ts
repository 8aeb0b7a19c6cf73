// Console access: setup, sign-in and out, the sign-in rate limit, and every console route's session, role and CSRF checks.
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleSession } from "../../src/shared/console";
import { createApp } from "../../src/server/http/app";
import { verifyPassword } from "../../src/server/auth/passwords";
import { issueSetupTokenIfNoOrganiser } from "../../src/server/auth/setupToken";
import {
  addOrganiser,
  consoleRequest,
  sessionCookieOf,
  signIn,
  signInRequest,
  TEST_PASSWORD,
  type SignedIn,
} from "./support/consoleClient";
import { errorOf } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

/** Open without a session: signing in, and first-start setup (which takes its own one-time token). */
const PUBLIC_ROUTES = new Set(["POST /api/console/session", "POST /api/console/setup"]);
/** Changes a viewer may make: signing themselves out. */
const VIEWER_CHANGES = new Set(["DELETE /api/console/session"]);
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** A plausible value for each path parameter; auth is checked before any of them is read. */
const SAMPLE_PARAMS: Record<string, string> = {
  id: "fy2223-09-rkc",
  fiscalYear: "2022-23",
  replyId: "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e5f",
  questionId: "application",
  code: "DEMO-TO1",
  file: "table-1.csv",
};

/** Every console endpoint the router has (method and path pattern), middleware entries left out: new routes are covered without editing a list. */
function consoleEndpoints(app: Hono): Array<{ route: string; method: string; path: string }> {
  const found = new Map<string, { route: string; method: string; path: string }>();
  for (const { method, path } of app.routes) {
    if (method === "ALL" || !path.startsWith("/api/console/")) continue;
    const route = `${method} ${path}`;
    found.set(route, {
      route,
      method,
      path: path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? "sample"),
    });
  }
  return [...found.values()];
}

// The setup route, unknown e-mails and the first-start accounts go through the app's full-cost scrypt (deliberately
// slow: up to 5 s a check on a busy machine), so every test here gets a generous limit instead of the project's 30 s.
const FULL_COST_SCRYPT_TIMEOUT_MS = 120_000;

describe.each(ENGINES)("organiser console access (%s)", { timeout: FULL_COST_SCRYPT_TIMEOUT_MS }, (engine) => {
  let clock = new Date("2024-03-01T09:00:00.000Z");
  const now = () => clock;
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, clock);
    app = createApp({ db: ctx.db, now, trustProxy: true });
  });
  afterAll(() => ctx.close());

  describe("first start", () => {
    let token: string;
    it("issues a setup token while no organiser exists, and keeps only its hash", async () => {
      token = (await issueSetupTokenIfNoOrganiser(ctx.db, clock)) as string;
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      const rows = await ctx.db.selectFrom("setup_tokens").selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toBe(token);
    });

    it("refuses setup with a wrong token and a short password", async () => {
      const wrong = await consoleRequest(app, "POST", "/api/console/setup", undefined, {
        token: "f".repeat(64),
        email: "lead@example.org",
        name: "Lead",
        password: "long enough password",
      });
      expect(wrong.status).toBe(403);
      expect((await errorOf(wrong)).code).toBe("setup_token_invalid");
      const short = await consoleRequest(app, "POST", "/api/console/setup", undefined, {
        token,
        email: "lead@example.org",
        name: "Lead",
        password: "short",
      });
      expect(short.status).toBe(400);
      expect((await errorOf(short)).details?.[0].path).toBe("password");
    });

    it("refuses setup with a blank, a too short or a common password, naming the rule at the password field, and keeps the token", async () => {
      const cases: [string, string][] = [
        [" ".repeat(20), "password_blank"],
        ["\t \n ".repeat(5), "password_blank"],
        ["fourteen chars", "password_too_short"],
        ["password", "password_too_short"],
        ["passwordpassword", "password_common"],
        ["1234567890123456", "password_common"],
        ["Correct Horse Battery Staple", "password_common"],
      ];
      for (const [password, code] of cases) {
        const res = await consoleRequest(app, "POST", "/api/console/setup", undefined, {
          token,
          email: "lead@example.org",
          name: "Lead",
          password,
        });
        expect(res.status, password).toBe(400);
        const error = await errorOf(res);
        expect(error.code).toBe("invalid_request");
        expect(error.details?.[0]).toMatchObject({ path: "password", code });
      }
    });

    it("the setup token creates the first organiser once, signed in, and not a second time", async () => {
      const res = await consoleRequest(app, "POST", "/api/console/setup", undefined, {
        token,
        email: "Lead@Example.org",
        name: "Office Lead",
        password: "the first organiser's passphrase",
      });
      expect(res.status).toBe(201);
      const body = consoleSession.parse(await res.json());
      expect(body.organiser).toMatchObject({ email: "lead@example.org", name: "Office Lead", role: "organiser" });
      expect(sessionCookieOf(res)).toMatch(/^outrigger_session=[0-9a-f]{64}$/);
      const again = await consoleRequest(app, "POST", "/api/console/setup", undefined, {
        token,
        email: "other@example.org",
        name: "Other",
        password: "another long passphrase",
      });
      expect(again.status).toBe(403);
      expect((await errorOf(again)).code).toBe("setup_token_invalid");
      expect(await issueSetupTokenIfNoOrganiser(ctx.db, clock)).toBeUndefined();
    });

    it("stores a salted scrypt hash, not the password, and it verifies", async () => {
      const row = await ctx.db
        .selectFrom("organisers")
        .select("password_hash")
        .where("email", "=", "lead@example.org")
        .executeTakeFirstOrThrow();
      expect(row.password_hash).not.toContain("the first organiser's passphrase");
      expect(row.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(await verifyPassword("the first organiser's passphrase", row.password_hash)).toBe(true);
      expect(await verifyPassword("the first organiser's passphrasE", row.password_hash)).toBe(false);
    });
  });

  describe("signing in and out", () => {
    beforeAll(async () => {
      await addOrganiser(ctx.db, "org@example.org", "organiser", clock);
      await addOrganiser(ctx.db, "viewer@example.org", "viewer", clock);
    });

    it("signs in with a session cookie that is HttpOnly, SameSite=Strict, Path=/ and lasts 12 hours", async () => {
      const res = await signInRequest(app, "ORG@example.org", TEST_PASSWORD, { "X-Forwarded-For": "10.0.0.1" });
      expect(res.status).toBe(200);
      const body = consoleSession.parse(await res.json());
      expect(body.organiser).toMatchObject({ email: "org@example.org", role: "organiser" });
      expect(body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
      const cookie = res.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).toMatch(/Max-Age=43200/);
      expect(cookie).not.toMatch(/Secure/);
      // Only the digest of the cookie's value is stored.
      const value = sessionCookieOf(res).split("=")[1];
      expect(
        await ctx.db.selectFrom("sessions").select("id").where("id", "=", value).executeTakeFirst(),
      ).toBeUndefined();
    });

    it("marks the cookie Secure over HTTPS and behind a trusted proxy that says https", async () => {
      const direct = await app.request("https://console.example.org/api/console/session", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": "10.0.0.1" },
        body: JSON.stringify({ email: "org@example.org", password: TEST_PASSWORD }),
      });
      expect(direct.headers.get("set-cookie")).toMatch(/Secure/);
      const proxied = await signInRequest(app, "org@example.org", TEST_PASSWORD, {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": "10.0.0.1",
      });
      expect(proxied.headers.get("set-cookie")).toMatch(/Secure/);
    });

    it("answers wrong credentials the same whether the e-mail exists or not", async () => {
      const wrongPassword = await signInRequest(app, "org@example.org", "not the password", {
        "X-Forwarded-For": "10.0.0.2",
      });
      const unknown = await signInRequest(app, "nobody@example.org", "not the password", {
        "X-Forwarded-For": "10.0.0.2",
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await errorOf(wrongPassword)).toEqual(await errorOf(unknown));
    });

    it("GET /api/console/session tells who is signed in, and the session slides forward", async () => {
      const me = await signIn(app, "viewer@example.org");
      clock = new Date(clock.getTime() + 11 * 60 * 60 * 1000);
      const res = await consoleRequest(app, "GET", "/api/console/session", me);
      expect(res.status).toBe(200);
      expect(consoleSession.parse(await res.json())).toMatchObject({
        organiser: { email: "viewer@example.org", role: "viewer" },
        csrfToken: me.csrfToken,
      });
      clock = new Date(clock.getTime() + 11 * 60 * 60 * 1000);
      expect((await consoleRequest(app, "GET", "/api/console/session", me)).status).toBe(200);
      clock = new Date(clock.getTime() + 13 * 60 * 60 * 1000);
      const expired = await consoleRequest(app, "GET", "/api/console/session", me);
      expect(expired.status).toBe(401);
      expect((await errorOf(expired)).code).toBe("not_signed_in");
    });

    it("signing out needs the CSRF token and ends the session", async () => {
      const me = await signIn(app, "org@example.org");
      const noToken = await consoleRequest(app, "DELETE", "/api/console/session", me, undefined, { csrf: false });
      expect(noToken.status).toBe(403);
      expect((await errorOf(noToken)).code).toBe("csrf_token_invalid");
      expect((await consoleRequest(app, "DELETE", "/api/console/session", me)).status).toBe(204);
      expect((await consoleRequest(app, "GET", "/api/console/session", me)).status).toBe(401);
    });

    it("a participant's invitation code opens nothing in the console", async () => {
      for (const path of ["/api/console/session", "/api/console/workshops", "/api/console/administrations"]) {
        const res = await app.request(path, { headers: { Authorization: "Invitation DEMO-TO1" } });
        expect(res.status).toBe(401);
        expect((await errorOf(res)).code).toBe("not_signed_in");
      }
      const res = await app.request("/api/console/workshops?invitation=DEMO-TO1");
      expect(res.status).toBe(401);
    });
  });

  describe("sign-in rate limit", () => {
    beforeAll(async () => {
      for (const email of ["target@example.org", "parallel@example.org", "owner@example.org"])
        await addOrganiser(ctx.db, email, "organiser", clock);
    });

    it("50 wrong passwords sent at the same moment as the right one: at most 5 are evaluated, the rest get 429", async () => {
      const from = { "X-Forwarded-For": "10.9.0.1" };
      const attempts = [
        ...Array.from({ length: 50 }, (_, i) => signInRequest(app, "parallel@example.org", `wrong guess ${i}`, from)),
        signInRequest(app, "parallel@example.org", TEST_PASSWORD, from),
      ];
      const answers = await Promise.all(attempts);
      const evaluated = answers.filter((r) => r.status === 401 || r.status === 200);
      const limited = answers.filter((r) => r.status === 429);
      expect(evaluated.length).toBeLessThanOrEqual(5);
      expect(limited.length).toBe(answers.length - evaluated.length);
      for (const res of limited) {
        expect((await errorOf(res)).code).toBe("too_many_attempts");
        expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
      }
      // Another source is not held back by this one's burst.
      expect(
        (await signInRequest(app, "parallel@example.org", TEST_PASSWORD, { "X-Forwarded-For": "10.9.0.2" })).status,
      ).toBe(200);
    });

    it("a stranger's 5 wrong guesses from one source do not stop the organiser signing in from another", async () => {
      for (let i = 0; i < 5; i++)
        expect(
          (await signInRequest(app, "owner@example.org", `stranger guess ${i}`, { "X-Forwarded-For": "203.0.113.5" }))
            .status,
        ).toBe(401);
      const stranger = await signInRequest(app, "owner@example.org", "stranger guess 6", {
        "X-Forwarded-For": "203.0.113.5",
      });
      expect(stranger.status).toBe(429);
      expect((await errorOf(stranger)).code).toBe("too_many_attempts");
      expect(
        (await signInRequest(app, "owner@example.org", TEST_PASSWORD, { "X-Forwarded-For": "10.3.0.1" })).status,
      ).toBe(200);
    });

    it("after 5 failures for one e-mail from one source, that source gets 429 even with the right password, until the window passes", async () => {
      for (let i = 0; i < 5; i++) {
        const res = await signInRequest(app, "target@example.org", `wrong ${i}`, { "X-Forwarded-For": "10.1.0.1" });
        expect(res.status).toBe(401);
      }
      const blocked = await signInRequest(app, "Target@example.org", TEST_PASSWORD, { "X-Forwarded-For": "10.1.0.1" });
      expect(blocked.status).toBe(429);
      expect((await errorOf(blocked)).code).toBe("too_many_attempts");
      const retryAfter = Number(blocked.headers.get("Retry-After"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      clock = new Date(clock.getTime() + retryAfter * 1000);
      expect(
        (await signInRequest(app, "target@example.org", TEST_PASSWORD, { "X-Forwarded-For": "10.1.0.1" })).status,
      ).toBe(200);
    });

    it("after 20 failures from one address, any sign-in from it gets 429", async () => {
      for (let i = 0; i < 20; i++) {
        const res = await signInRequest(app, `guess${i}@example.org`, "wrong password", {
          "X-Forwarded-For": "10.2.0.7",
        });
        expect(res.status).toBe(401);
      }
      const blocked = await signInRequest(app, "target@example.org", TEST_PASSWORD, { "X-Forwarded-For": "10.2.0.7" });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(
        (await signInRequest(app, "target@example.org", TEST_PASSWORD, { "X-Forwarded-For": "10.2.0.8" })).status,
      ).toBe(200);
      // 20 unknown e-mails mean 20 checks against the app's full-cost dummy hash (the test accounts' own hashes are
      // cheap): 100 s beside two CPU-bound processes, so the limit is generous rather than the 120 s it was.
    }, 300_000);
  });

  describe("every console route refuses without a session, changes refuse viewers and missing CSRF tokens", () => {
    let organiser: SignedIn;
    let viewer: SignedIn;
    let participantId: string;
    const workshopId = "fy2223-09-rkc";

    beforeAll(async () => {
      organiser = await signIn(app, "org@example.org");
      viewer = await signIn(app, "viewer@example.org");
      const res = await consoleRequest(app, "POST", `/api/console/workshops/${workshopId}/participants`, organiser, {
        name: "Sione Vea",
        administrationCode: "TO",
        email: "sione@example.org",
      });
      expect(res.status).toBe(201);
      participantId = ((await res.json()) as { id: string }).id;
    });

    const reads = () => [
      "/api/console/workshops",
      `/api/console/workshops/${workshopId}`,
      "/api/console/administrations",
      `/api/console/workshops/${workshopId}/participants`,
    ];
    const changes = (): [string, string, unknown][] => [
      [
        "POST",
        "/api/console/workshops",
        {
          title: "National Workshop on Risk Management",
          kind: "national",
          mode: "in-person",
          startsOn: "2024-09-02",
          endsOn: "2024-09-06",
          administrationCodes: ["TL"],
        },
      ],
      ["PATCH", `/api/console/workshops/${workshopId}`, { version: 1, location: "Nadi, Fiji" }],
      ["POST", "/api/console/administrations", { code: "PW", name: "Palau", subRegion: "pacific-islands" }],
      [
        "POST",
        `/api/console/workshops/${workshopId}/participants`,
        { name: "Ana Lui", administrationCode: "TO", email: "ana@example.org" },
      ],
      [
        "POST",
        `/api/console/workshops/${workshopId}/participants/import`,
        { csv: "name,administration,email,position\nAna Lui,TO,ana2@example.org,Officer\n", commit: false },
      ],
      ["PATCH", `/api/console/participants/${participantId}`, { version: 1, position: "Senior Officer" }],
      ["DELETE", `/api/console/participants/${participantId}`, undefined],
    ];

    it("reads: 401 without a session, 200 for a viewer", async () => {
      for (const path of reads()) {
        const anonymous = await app.request(path);
        expect(anonymous.status, path).toBe(401);
        expect((await errorOf(anonymous)).code).toBe("not_signed_in");
        expect((await consoleRequest(app, "GET", path, viewer)).status, path).toBe(200);
      }
    });

    it("changes: 401 without a session, 403 forbidden for a viewer, 403 csrf_token_invalid without or with a wrong token", async () => {
      for (const [method, path, body] of changes()) {
        const anonymous = await consoleRequest(app, method, path, undefined, body);
        expect(anonymous.status, `${method} ${path}`).toBe(401);
        const asViewer = await consoleRequest(app, method, path, viewer, body);
        expect(asViewer.status, `${method} ${path}`).toBe(403);
        expect((await errorOf(asViewer)).code).toBe("forbidden");
        const noToken = await consoleRequest(app, method, path, organiser, body, { csrf: false });
        expect(noToken.status, `${method} ${path}`).toBe(403);
        expect((await errorOf(noToken)).code).toBe("csrf_token_invalid");
        const viewersToken = await consoleRequest(
          app,
          method,
          path,
          { cookie: organiser.cookie, csrfToken: viewer.csrfToken },
          body,
        );
        expect(viewersToken.status, `${method} ${path}`).toBe(403);
        expect((await errorOf(viewersToken)).code).toBe("csrf_token_invalid");
      }
    });

    it("the route list is taken from the router and holds every kind of console route", () => {
      const routes = consoleEndpoints(app).map((e) => e.route);
      expect(routes.length).toBeGreaterThan(30);
      expect(routes).toEqual(
        expect.arrayContaining([
          "GET /api/console/campaigns/:id/attachments",
          "GET /api/console/report/:fiscalYear/tables/:file",
          "PUT /api/console/campaigns/:id/feedback",
          "DELETE /api/console/participants/:id",
        ]),
      );
    });

    it("every console route but sign-in and setup answers 401 not_signed_in without a session", async () => {
      const open: string[] = [];
      for (const { route, method, path } of consoleEndpoints(app)) {
        if (PUBLIC_ROUTES.has(route)) continue;
        const res = await consoleRequest(app, method, path, undefined, STATE_CHANGING.has(method) ? {} : undefined);
        if (res.status !== 401 || (await errorOf(res)).code !== "not_signed_in") open.push(`${route} → ${res.status}`);
      }
      expect(open).toEqual([]);
    });

    it("every state-changing console route answers 403 to a viewer, and to an organiser without the CSRF header", async () => {
      const open: string[] = [];
      for (const { route, method, path } of consoleEndpoints(app)) {
        if (!STATE_CHANGING.has(method) || PUBLIC_ROUTES.has(route)) continue;
        if (!VIEWER_CHANGES.has(route)) {
          const asViewer = await consoleRequest(app, method, path, viewer, {});
          if (asViewer.status !== 403 || (await errorOf(asViewer)).code !== "forbidden")
            open.push(`viewer: ${route} → ${asViewer.status}`);
        }
        const noToken = await consoleRequest(app, method, path, organiser, {}, { csrf: false });
        if (noToken.status !== 403 || (await errorOf(noToken)).code !== "csrf_token_invalid")
          open.push(`no CSRF header: ${route} → ${noToken.status}`);
      }
      expect(open).toEqual([]);
    });

    it("the same changes go through for an organiser with the token", async () => {
      const expected = [201, 200, 201, 201, 200, 200, 204];
      const got: number[] = [];
      for (const [method, path, body] of changes())
        got.push((await consoleRequest(app, method, path, organiser, body)).status);
      expect(got).toEqual(expected);
    });
  });
});
