// Health and API errors: version, server time, database and free disk (503 degraded with a reason), JSON 404s, the page shown without a build.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiError, healthPayload } from "../../src/shared/api";
import { createApp } from "../../src/server/http/app";
import { sql } from "kysely";
import { createDatabase } from "../../src/server/db/database";
import { createTestDatabase, ENGINES, openSeededDatabase } from "./support/testDatabase";

const STATIC = "/nonexistent-outrigger-dist";

describe.each(ENGINES)("health and API errors (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, now);
    app = createApp({ db: ctx.db, now: () => now, staticDir: "/nonexistent-outrigger-dist" });
  });
  afterAll(() => ctx.close());

  it("health answers ok with the version, the server's time, a database that answers and the free disk", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    const body = healthPayload.parse(await res.json());
    expect(body.time).toBe(now.toISOString());
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(body.diskFreeBytes).toBeGreaterThan(0);
  });

  it("health answers 503 degraded, with a plain reason, when the data disk has less free space than the minimum", async () => {
    const cramped = createApp({
      db: ctx.db,
      now: () => now,
      staticDir: STATIC,
      minFreeDiskBytes: Number.MAX_SAFE_INTEGER,
    });
    const res = await cramped.request("/api/health");
    expect(res.status).toBe(503);
    const body = healthPayload.parse(await res.json());
    expect(body).toMatchObject({ status: "degraded", database: "ok", diskFreeBytes: expect.any(Number) });
    expect(body.reason).toMatch(/MB are free on the data folder's disk \(the minimum is \d+ MB\)/);
  });

  it("health answers 503 degraded when the database is closed", async () => {
    const database = await createTestDatabase(engine);
    const db = database.open();
    // Kysely's destroy() does nothing to a handle that never connected: connect it first, as a running server has.
    await sql`select 1`.execute(db);
    await db.destroy();
    try {
      const res = await createApp({ db, now: () => now, staticDir: STATIC }).request("/api/health");
      expect(res.status).toBe(503);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = healthPayload.parse(await res.json());
      expect(body).toMatchObject({
        status: "degraded",
        database: "unreachable",
        version: expect.any(String),
        time: now.toISOString(),
      });
      expect(body.reason).toMatch(/database did not answer/);
      // The API's error shape too, so the phone's client reads it as "the server answered", not "no network".
      expect(apiError.parse(body).error).toEqual({ code: "service_degraded", message: body.reason });
    } finally {
      await database.dispose();
    }
  });

  it("an unknown API address answers a JSON 404, not the app shell", async () => {
    const res = await app.request("/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("without a built app, the home page says to run npm run build", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build");
  });
});

describe("health with a database server that is not there", () => {
  it("answers 503 degraded within its timeout, not when the driver gives up", async () => {
    // Nothing listens on port 9 (discard) here: connecting fails or hangs, and health must answer either way.
    const db = createDatabase("postgres://postgres@127.0.0.1:9/none");
    try {
      const started = Date.now();
      const res = await createApp({ db, staticDir: STATIC }).request("/api/health");
      // Generous against a loaded machine, still far below a driver left to hang without a timeout.
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(res.status).toBe(503);
      expect(healthPayload.parse(await res.json())).toMatchObject({ status: "degraded", database: "unreachable" });
    } finally {
      await db.destroy();
    }
  });
});
