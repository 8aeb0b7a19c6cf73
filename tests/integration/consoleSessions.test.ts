// Console sessions and the access middleware on both engines, without the slow sign-in: what a session row holds,
// when it expires and slides, and what requireSession answers for each missing or wrong piece (cookie, token, role).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER, SESSION_COOKIE } from "../../src/shared/console";
import { createSession, endSession, resumeSession, SESSION_LIFETIME_MS } from "../../src/server/auth/sessions";
import { sha256Hex } from "../../src/server/auth/tokens";
import type { OutriggerDatabase } from "../../src/server/db/database";
import { insertOrganiser, setAccountDisabled } from "../../src/server/db/organisers";
import { createApp } from "../../src/server/http/app";
import { errorOf } from "./support/requests";
import { ENGINES, openTwoHandles } from "./support/testDatabase";

const MINUTE = 60_000;
const start = new Date("2024-03-01T09:00:00.000Z");
const later = (ms: number) => new Date(start.getTime() + ms);

describe.each(ENGINES)("console sessions (%s)", (engine) => {
  let db: OutriggerDatabase;
  let close: () => Promise<void>;
  let organiserId: string;
  let viewerId: string;
  let clock = start;
  let app: ReturnType<typeof createApp>;

  const rowOf = (cookieValue: string) =>
    db.selectFrom("sessions").selectAll().where("id", "=", sha256Hex(cookieValue)).executeTakeFirst();

  beforeAll(async () => {
    ({ db, close } = await openTwoHandles(engine));
    const account = (email: string, role: "organiser" | "viewer") =>
      insertOrganiser(db, { email, name: `Test ${role}`, role, passwordHash: "not used here" }, start);
    organiserId = (await account("org@example.org", "organiser")).id;
    viewerId = (await account("viewer@example.org", "viewer")).id;
    app = createApp({ db, now: () => clock, trustProxy: false });
  });
  afterAll(() => close());

  describe("the session store", () => {
    it("stores only the digest of the cookie value, with the CSRF token and an expiry 12 hours ahead", async () => {
      const made = await createSession(db, organiserId, start);
      expect(made.cookieValue).toMatch(/^[0-9a-f]{64}$/);
      expect(made.csrfToken).toMatch(/^[0-9a-f]{64}$/);
      expect(made.csrfToken).not.toBe(made.cookieValue);
      expect(made.expiresAt).toEqual(later(SESSION_LIFETIME_MS));
      expect(await rowOf(made.cookieValue)).toEqual({
        id: sha256Hex(made.cookieValue),
        organiser_id: organiserId,
        csrf_token: made.csrfToken,
        created_at: start.toISOString(),
        expires_at: later(SESSION_LIFETIME_MS).toISOString(),
        last_seen_at: start.toISOString(),
      });
    });

    it("resumes a live session with its organiser, its token and its digest", async () => {
      const made = await createSession(db, organiserId, start);
      expect(await resumeSession(db, made.cookieValue, later(1000))).toEqual({
        digest: sha256Hex(made.cookieValue),
        organiser: { id: organiserId, email: "org@example.org", name: "Test organiser", role: "organiser" },
        csrfToken: made.csrfToken,
        expiresAt: later(SESSION_LIFETIME_MS),
      });
    });

    it("a session ends at its expiry to the millisecond", async () => {
      const made = await createSession(db, organiserId, start);
      expect(await resumeSession(db, made.cookieValue, later(SESSION_LIFETIME_MS - 1))).toBeDefined();
      const other = await createSession(db, organiserId, start);
      expect(await resumeSession(db, other.cookieValue, later(SESSION_LIFETIME_MS))).toBeUndefined();
    });

    it("an unknown cookie, a malformed one and the stored digest itself resume nothing", async () => {
      const made = await createSession(db, organiserId, start);
      expect(await resumeSession(db, "0".repeat(64), start)).toBeUndefined();
      expect(await resumeSession(db, made.cookieValue.toUpperCase(), start)).toBeUndefined();
      expect(await resumeSession(db, sha256Hex(made.cookieValue), start)).toBeUndefined();
    });

    it("a disabled account's session resumes nothing, even if its row were left behind", async () => {
      const made = await createSession(db, viewerId, start);
      await db.updateTable("organisers").set({ disabled: 1 }).where("id", "=", viewerId).execute();
      try {
        expect(await resumeSession(db, made.cookieValue, start)).toBeUndefined();
      } finally {
        await setAccountDisabled(db, viewerId, false);
      }
    });

    it("within a minute of the last write the row is left alone; from a minute on, expiry and last seen move to now", async () => {
      const made = await createSession(db, organiserId, start);
      const resumed = await resumeSession(db, made.cookieValue, later(MINUTE - 1));
      expect(resumed?.expiresAt).toEqual(later(SESSION_LIFETIME_MS));
      expect(await rowOf(made.cookieValue)).toMatchObject({
        expires_at: later(SESSION_LIFETIME_MS).toISOString(),
        last_seen_at: start.toISOString(),
      });
      const slid = await resumeSession(db, made.cookieValue, later(MINUTE));
      expect(slid?.expiresAt).toEqual(later(MINUTE + SESSION_LIFETIME_MS));
      expect(await rowOf(made.cookieValue)).toMatchObject({
        expires_at: later(MINUTE + SESSION_LIFETIME_MS).toISOString(),
        last_seen_at: later(MINUTE).toISOString(),
      });
      // The slid expiry is the one that counts from now on.
      expect(await resumeSession(db, made.cookieValue, later(SESSION_LIFETIME_MS + 1))).toBeDefined();
    });

    it("a row seen just now but due to expire sooner than 11 h 59 min is moved forward at once", async () => {
      const made = await createSession(db, organiserId, start);
      const soon = later(SESSION_LIFETIME_MS - MINUTE - 1).toISOString();
      await db
        .updateTable("sessions")
        .set({ expires_at: soon })
        .where("id", "=", sha256Hex(made.cookieValue))
        .execute();
      const resumed = await resumeSession(db, made.cookieValue, later(1));
      expect(resumed?.expiresAt).toEqual(later(1 + SESSION_LIFETIME_MS));
      expect((await rowOf(made.cookieValue))?.expires_at).toBe(later(1 + SESSION_LIFETIME_MS).toISOString());
      // Exactly 11 h 59 min ahead is close enough to leave alone.
      const exact = await createSession(db, organiserId, start);
      const edge = later(SESSION_LIFETIME_MS - MINUTE).toISOString();
      await db
        .updateTable("sessions")
        .set({ expires_at: edge })
        .where("id", "=", sha256Hex(exact.cookieValue))
        .execute();
      expect((await resumeSession(db, exact.cookieValue, start))?.expiresAt).toEqual(new Date(edge));
      expect((await rowOf(exact.cookieValue))?.expires_at).toBe(edge);
    });

    it("a new sign-in sweeps every session expired by then, anyone's, and keeps the live ones", async () => {
      const expiring = await createSession(db, viewerId, start);
      const lasting = await createSession(db, organiserId, later(1));
      await createSession(db, organiserId, later(SESSION_LIFETIME_MS));
      expect(await rowOf(expiring.cookieValue)).toBeUndefined();
      expect(await rowOf(lasting.cookieValue)).toBeDefined();
    });

    it("ending a session removes its row and no other", async () => {
      const ending = await createSession(db, organiserId, start);
      const staying = await createSession(db, organiserId, start);
      await endSession(db, sha256Hex(ending.cookieValue));
      expect(await rowOf(ending.cookieValue)).toBeUndefined();
      expect(await resumeSession(db, staying.cookieValue, start)).toBeDefined();
    });
  });

  describe("requireSession", () => {
    const request = (method: string, path: string, cookieValue?: string, headers: Record<string, string> = {}) =>
      app.request(path, {
        method,
        headers: { ...(cookieValue ? { Cookie: `${SESSION_COOKIE}=${cookieValue}` } : {}), ...headers },
      });

    it("without a cookie, or with one that names no session, answers 401 not_signed_in with a sentence", async () => {
      clock = start;
      for (const cookie of [undefined, "f".repeat(64)]) {
        const res = await request("GET", "/api/console/workshops", cookie);
        expect(res.status).toBe(401);
        expect(await errorOf(res)).toMatchObject({
          code: "not_signed_in",
          message: "Please sign in to the organiser console.",
        });
      }
    });

    it("a read with a live session is let through and renews the cookie: HttpOnly, SameSite=Strict, Path=/, 12 hours", async () => {
      clock = start;
      const made = await createSession(db, viewerId, start);
      clock = later(5 * MINUTE);
      const res = await request("GET", "/api/console/workshops", made.cookieValue);
      expect(res.status).toBe(200);
      const cookie = res.headers.get("set-cookie") ?? "";
      expect(cookie).toContain(`${SESSION_COOKIE}=${made.cookieValue}`);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      expect(cookie).toMatch(/Max-Age=43200(;|$)/);
      expect(cookie).not.toMatch(/Secure/);
    });

    it("the renewed cookie counts down to the session's own expiry, never below 0 seconds", async () => {
      const made = await createSession(db, viewerId, start);
      clock = later(30_500);
      const res = await request("GET", "/api/console/workshops", made.cookieValue);
      expect(res.status).toBe(200);
      // Not rewritten within the minute: the cookie lives to the stored expiry, in whole seconds rounded down.
      expect(res.headers.get("set-cookie")).toMatch(/Max-Age=43169(;|$)/);
    });

    it("a HEAD is a read: a viewer's session passes without a CSRF token", async () => {
      const made = await createSession(db, viewerId, start);
      clock = start;
      expect((await request("HEAD", "/api/console/workshops", made.cookieValue)).status).toBe(200);
    });

    it("a change without the token, with a wrong one or with one of another length answers 403 csrf_token_invalid", async () => {
      clock = start;
      const made = await createSession(db, organiserId, start);
      const wrongOfSameLength = made.csrfToken.replace(/^./, (c) => (c === "0" ? "1" : "0"));
      for (const token of [undefined, wrongOfSameLength, made.csrfToken.slice(1), `${made.csrfToken}0`]) {
        const res = await request(
          "DELETE",
          "/api/console/session",
          made.cookieValue,
          token === undefined ? {} : { [CSRF_HEADER]: token },
        );
        expect(res.status).toBe(403);
        const problem = await errorOf(res);
        expect(problem.code).toBe("csrf_token_invalid");
        expect(problem.message).toContain(CSRF_HEADER);
      }
      expect(await resumeSession(db, made.cookieValue, start)).toBeDefined();
    });

    it("a change with the right token goes through, and signing out clears the cookie with the same attributes", async () => {
      clock = start;
      const made = await createSession(db, viewerId, start);
      const res = await request("DELETE", "/api/console/session", made.cookieValue, { [CSRF_HEADER]: made.csrfToken });
      expect(res.status).toBe(204);
      // The session's renewed cookie comes first (from requireSession), then the one that clears it.
      const cleared = res.headers.getSetCookie().at(-1) ?? "";
      expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
      expect(cleared).toMatch(/Max-Age=0/);
      expect(cleared).toMatch(/Path=\//);
      expect(cleared).toMatch(/HttpOnly/);
      expect(cleared).toMatch(/SameSite=Strict/);
      expect(await resumeSession(db, made.cookieValue, start)).toBeUndefined();
    });

    it("over HTTPS the renewed and the cleared cookie are Secure", async () => {
      clock = start;
      const made = await createSession(db, organiserId, start);
      const read = await app.request("https://console.example.org/api/console/workshops", {
        headers: { Cookie: `${SESSION_COOKIE}=${made.cookieValue}` },
      });
      expect(read.headers.get("set-cookie")).toMatch(/Secure/);
      const out = await app.request("https://console.example.org/api/console/session", {
        method: "DELETE",
        headers: { Cookie: `${SESSION_COOKIE}=${made.cookieValue}`, [CSRF_HEADER]: made.csrfToken },
      });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().at(-1)).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Secure`));
    });

    it("an organiser-only change answers 403 forbidden to a viewer with the right token, and passes for an organiser", async () => {
      clock = start;
      const viewer = await createSession(db, viewerId, start);
      const organiser = await createSession(db, organiserId, start);
      const asViewer = await request("DELETE", "/api/console/workshops/no-such-workshop", viewer.cookieValue, {
        [CSRF_HEADER]: viewer.csrfToken,
      });
      expect(asViewer.status).toBe(403);
      expect(await errorOf(asViewer)).toMatchObject({
        code: "forbidden",
        message: "Your account may look but not change: ask an organiser to do this.",
      });
      const asOrganiser = await request("DELETE", "/api/console/workshops/no-such-workshop", organiser.cookieValue, {
        [CSRF_HEADER]: organiser.csrfToken,
      });
      expect(asOrganiser.status).toBe(404);
    });
  });
});
