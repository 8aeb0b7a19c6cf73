// GET /api/workshops/:id/materials: the manifest for an invitation of the workshop, and refusals without one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { materialsManifest, type MaterialsManifest } from "../../src/shared/materials";
import { DEMO_MATERIALS } from "../../src/server/demoMaterials/index";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { addMaterials } from "../../src/server/materials/addMaterials";
import {
  auth,
  openMaterialsContext,
  OTHER_WORKSHOP_CODE,
  OTHER_WORKSHOP_ID,
  type MaterialsContext,
} from "./support/materialsFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const MANIFEST_URL = `/api/workshops/${DEMO_WORKSHOP_ID}/materials`;

describe.each(ENGINES)("GET /api/workshops/:id/materials (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: MaterialsContext;

  beforeAll(async () => {
    ctx = await openMaterialsContext(engine, now);
  });
  afterAll(() => ctx.close());

  async function manifest(
    headers: Record<string, string> = auth(),
  ): Promise<{ res: Response; body: MaterialsManifest }> {
    const res = await ctx.app.request(MANIFEST_URL, { headers });
    expect(res.status).toBe(200);
    return { res, body: materialsManifest.parse(await res.json()) };
  }

  it("an invitation of the workshop gets the manifest of the demo materials, exactly in the shared schema", async () => {
    const { res, body } = await manifest();
    expect(body.workshopId).toBe(DEMO_WORKSHOP_ID);
    expect(body.generatedAt).toBe(now.toISOString());
    expect(body.materials.map((m) => m.fileName).sort()).toEqual(DEMO_MATERIALS.map((m) => m.fileName).sort());
    expect(new Set(body.materials.map((m) => m.kind))).toEqual(
      new Set(["document", "handout", "image", "audio", "video"]),
    );
    for (const m of body.materials) expect(await ctx.blobStore.size(m.sha256)).toBe(m.size);
    expect(res.headers.get("etag")).toBe(`"${body.version}"`);
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    expect(body.version).toMatch(/^[0-9a-f]{32}$/);
  });

  it("without an invitation the answer is 401 invitation_required", async () => {
    const res = await ctx.app.request(MANIFEST_URL);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("invitation_required");
  });

  it("a malformed Authorization header is 401 invitation_required", async () => {
    for (const value of ["Invitation", "Bearer DEMO-TO1", "Invitation not a code!"]) {
      const res = await ctx.app.request(MANIFEST_URL, { headers: { Authorization: value } });
      expect(res.status, value).toBe(401);
      expect((await errorOf(res)).code).toBe("invitation_required");
    }
  });

  it("an unknown invitation is 401 unknown_invitation", async () => {
    const res = await ctx.app.request(MANIFEST_URL, { headers: auth("NOPE-XX9") });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("unknown_invitation");
  });

  it("another workshop's invitation is 403 forbidden", async () => {
    const res = await ctx.app.request(MANIFEST_URL, { headers: auth(OTHER_WORKSHOP_CODE) });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("forbidden");
    // …and it does open its own workshop's (empty) manifest.
    const own = await ctx.app.request(`/api/workshops/${OTHER_WORKSHOP_ID}/materials`, {
      headers: auth(OTHER_WORKSHOP_CODE),
    });
    expect(own.status).toBe(200);
    expect(materialsManifest.parse(await own.json()).materials).toEqual([]);
  });

  it("?invitation= works for plain links, and the header wins over it", async () => {
    const byQuery = await ctx.app.request(`${MANIFEST_URL}?invitation=demo-vu2`);
    expect(byQuery.status).toBe(200);
    const headerWins = await ctx.app.request(`${MANIFEST_URL}?invitation=DEMO-VU2`, { headers: auth("NOPE-XX9") });
    expect(headerWins.status).toBe(401);
    expect((await errorOf(headerWins)).code).toBe("unknown_invitation");
  });

  it("If-None-Match with the current version answers 304 with no body", async () => {
    const { res } = await manifest();
    const etag = res.headers.get("etag") as string;
    const again = await ctx.app.request(MANIFEST_URL, { headers: { ...auth(), "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const weak = await ctx.app.request(MANIFEST_URL, { headers: { ...auth(), "If-None-Match": `W/${etag}` } });
    expect(weak.status).toBe(304);
    const stale = await ctx.app.request(MANIFEST_URL, { headers: { ...auth(), "If-None-Match": '"0000"' } });
    expect(stale.status).toBe(200);
  });

  it("the version stays while nothing changes, even when the same file is added again", async () => {
    const first = (await manifest()).body.version;
    expect((await manifest()).body.version).toBe(first);
    const path = ctx.writeFile("agenda.md", "# Agenda\n\nDay 1: the General Annex.\n");
    await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [path], { now });
    const withAgenda = (await manifest()).body.version;
    expect(withAgenda).not.toBe(first);
    await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [path], { now: new Date(now.getTime() + 60_000) });
    expect((await manifest()).body.version).toBe(withAgenda);
  });

  it("replacing a material changes the version and keeps the material's id", async () => {
    const before = (await manifest()).body;
    const path = ctx.writeFile("agenda.md", "# Agenda\n\nDay 1: the General Annex. Day 2: Specific Annex E.\n");
    const later = new Date(now.getTime() + 3_600_000);
    await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [path], { now: later });
    const after = (await manifest()).body;
    expect(after.version).not.toBe(before.version);
    const old = before.materials.find((m) => m.fileName === "agenda.md");
    const updated = after.materials.find((m) => m.fileName === "agenda.md");
    expect(updated?.id).toBe(old?.id);
    expect(updated?.sha256).not.toBe(old?.sha256);
    expect(updated?.updatedAt).toBe(later.toISOString());
    expect(after.materials).toHaveLength(before.materials.length);
  });

  it("workshop ids that try to leave the route are refused as JSON 400/404, never served", async () => {
    for (const id of [
      "..",
      "%2e%2e",
      "..%2F..%2Fetc%2Fpasswd",
      "%2e%2e%2f%2e%2e%2fetc",
      "fy2223-09-rkc%00",
      "fy2223-09-rkc%2F..",
      "a%5c..%5c",
    ]) {
      const res = await ctx.app.request(`/api/workshops/${id}/materials`, { headers: auth() });
      expect([400, 404], id).toContain(res.status);
      const error = await errorOf(res);
      expect(["invalid_workshop_id", "not_found"], id).toContain(error.code);
    }
  });

  it("a workshop that does not exist is 403 for an invitation of another one", async () => {
    const res = await ctx.app.request("/api/workshops/fy9999-01-none/materials", { headers: auth() });
    expect(res.status).toBe(403);
  });
});
