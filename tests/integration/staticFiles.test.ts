// The built PWA served by the server: the app shell, client-side routes, and caching of the service worker and manifest.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/http/app";
import { openSeededDatabase } from "./support/testDatabase";

// Static serving does not touch the database, so one engine is enough here.
describe("the built PWA", () => {
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  let staticDir: string;

  beforeAll(async () => {
    ctx = await openSeededDatabase("sqlite", new Date());
    staticDir = mkdtempSync(join(tmpdir(), "outrigger-dist-"));
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Outrigger shell</title>");
    writeFileSync(join(staticDir, "sw.js"), "self.addEventListener('fetch', () => {});");
    writeFileSync(join(staticDir, "manifest.webmanifest"), '{"name":"Outrigger"}');
    mkdirSync(join(staticDir, "assets"));
    writeFileSync(join(staticDir, "assets", "index-abc123.js"), "console.log('app');");
    mkdirSync(join(staticDir, "icons"));
    writeFileSync(join(staticDir, "icons", "icon-192.png"), "not really a png");
    app = createApp({ db: ctx.db, staticDir });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it("the home page is the app shell, revalidated on every visit", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toContain("Outrigger shell");
  });

  it("a client-side route such as /join/CODE falls back to the app shell", async () => {
    const res = await app.request("/join/DEMO-TO1");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toContain("Outrigger shell");
  });

  it("the service worker and the manifest are never cached without revalidation", async () => {
    for (const path of ["/sw.js", "/manifest.webmanifest"]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-cache");
    }
    expect((await app.request("/sw.js")).headers.get("content-type")).toMatch(/javascript/);
  });

  it("hashed assets are cached for a year as immutable", async () => {
    const res = await app.request("/assets/index-abc123.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toContain("console.log");
  });

  it("icons are cached for a day, so the browser's repeated asks for them cost no round trip", async () => {
    const res = await app.request("/icons/icon-192.png");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
  });

  it("a missing hashed asset is a 404, not the app shell", async () => {
    const res = await app.request("/assets/index-gone.js");
    expect(res.status).toBe(404);
  });

  it("API addresses never fall back to the app shell", async () => {
    const res = await app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("a path trying to leave the static folder gets the shell, not the file", async () => {
    const res = await app.request("/..%2f..%2fetc%2fpasswd");
    expect(await res.text()).not.toContain("root:");
  });
});
