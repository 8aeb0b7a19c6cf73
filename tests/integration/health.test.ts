// Health and API errors on a seeded app: the version and server time, JSON 404s, the page shown without a build.
import { describe, expect, it } from "vitest";
import { healthPayload } from "../../src/shared/api";
import { seededConsole } from "./support/consoleFixtures";
import { ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("health and API errors (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { staticDir: "/nonexistent-outrigger-dist" });


  it("health answers ok with the version and the server's time", async () => {
    const res = await seeded.app.request("/api/health");
    expect(res.status).toBe(200);
    const body = healthPayload.parse(await res.json());
    expect(body.time).toBe(now.toISOString());
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("an unknown API address answers a JSON 404, not the app shell", async () => {
    const res = await seeded.app.request("/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("without a built app, the home page says to run npm run build", async () => {
    const res = await seeded.app.request("/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build");
  });
});
