// Security headers on what the server sends: the app's pages (a strict CSP it works under), JSON answers and material files.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDOUT_FRAME_STYLE } from "../../src/shared/handoutFrame";
import { listMaterials } from "../../src/server/db/materials";
import { createApp } from "../../src/server/http/app";
import { auth, openMaterialsContext, type MaterialsContext } from "./support/materialsFixtures";
import { ENGINES } from "./support/testDatabase";

/** The CSP as a map of directive → sources. */
function cspOf(res: Response): Map<string, string[]> {
  const header = res.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe.each(ENGINES)("security headers (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: MaterialsContext;
  let staticDir: string;
  let app: ReturnType<typeof createApp>;
  let proxied: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ctx = await openMaterialsContext(engine, now);
    staticDir = mkdtempSync(join(tmpdir(), "outrigger-dist-"));
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Outrigger shell</title>");
    app = createApp({
      db: ctx.db,
      now: () => now,
      blobStore: ctx.blobStore,
      staticDir,
      mailer: null,
      trustProxy: false,
    });
    proxied = createApp({
      db: ctx.db,
      now: () => now,
      blobStore: ctx.blobStore,
      staticDir,
      mailer: null,
      trustProxy: true,
    });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it("the app's pages carry a strict Content-Security-Policy, no framing, nosniff and no referrer", async () => {
    for (const path of ["/", "/join/DEMO-TO1", "/console"]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      const csp = cspOf(res);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("script-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'none'"]);
      expect(csp.get("form-action")).toEqual(["'self'"]);
      expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
      expect(csp.get("connect-src")).toEqual(["'self'"]);
      expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
      expect(csp.get("media-src")).toEqual(["'self'", "blob:"]);
      // No 'unsafe-inline' anywhere; the sandboxed handout frame's one <style> is allowed by its hash.
      expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
      const frameStyleHash = `'sha256-${createHash("sha256").update(HANDOUT_FRAME_STYLE).digest("base64")}'`;
      expect(csp.get("style-src")).toEqual(["'self'", frameStyleHash]);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("JSON answers, errors included, carry nosniff, no framing and no referrer", async () => {
    for (const [path, status] of [
      ["/api/health", 200],
      ["/api/invitations/NOPE-XX1", 404],
      ["/api/no-such-thing", 404],
    ] as const) {
      const res = await app.request(path);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
  });

  it("a material file keeps its own sandboxing policy and gets nosniff", async () => {
    const [material] = await listMaterials(ctx.db, "fy2223-09-rkc");
    const res = await app.request(`/api/blobs/${material.sha256}`, { headers: auth() });
    expect(res.status).toBe(200);
    const csp = cspOf(res);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.has("sandbox")).toBe(true);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("HSTS is sent only when the request came over HTTPS through a trusted proxy", async () => {
    const overHttps = { "X-Forwarded-Proto": "https" };
    expect((await proxied.request("/", { headers: overHttps })).headers.get("strict-transport-security")).toMatch(
      /^max-age=\d{7,}/,
    );
    expect(
      (await proxied.request("/api/health", { headers: overHttps })).headers.get("strict-transport-security"),
    ).toMatch(/^max-age=\d{7,}/);
    expect(
      (await proxied.request("/", { headers: { "X-Forwarded-Proto": "http" } })).headers.get(
        "strict-transport-security",
      ),
    ).toBeNull();
    // Without TRUST_PROXY anyone could send the header: it is not believed.
    expect((await app.request("/", { headers: overHttps })).headers.get("strict-transport-security")).toBeNull();
  });
});
