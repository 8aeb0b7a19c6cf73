// The materials manifest on the phone: stored, revalidated with If-None-Match, signed lists preferred, changes recorded.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import {
  markChangesSeen,
  MANIFEST_MESSAGES,
  refreshAllManifests,
  refreshManifest,
  type ManifestDeps,
} from "../../src/app/sync/materialsManifest";
import { invitation, INVITATION_CODE, resetDb } from "./support/fixtures";
import { fakeClock, fakePlatform } from "./support/fakePlatform";
import {
  createFakeMaterialsServer,
  makeBytes,
  materialFor,
  publish,
  WORKSHOP_ID,
  type FakeMaterialsServer,
} from "./support/fakeMaterialsServer";

const NOW = new Date("2023-06-10T10:00:00Z");
let server: FakeMaterialsServer;
let deps: ManifestDeps;

const file = (id: string, seed: number, size = 1000) => {
  const bytes = makeBytes(size, seed);
  return { material: materialFor(id, bytes), bytes };
};

/** A kept file, as the downloader leaves it once verified. */
async function keepComplete(materialId: string, sha256: string, size = 1000): Promise<void> {
  await db.offlineChoices.put({ materialId, workshopId: WORKSHOP_ID, sha256, chosenAt: NOW.toISOString() });
  await db.blobs.put({
    sha256,
    size,
    contentType: "application/pdf",
    storedBytes: size,
    chunkCount: 1,
    state: "complete",
    updatedAt: NOW.toISOString(),
  });
  await db.blobChunks.put({ sha256, index: 0, offset: 0, data: new Blob([makeBytes(size)]) });
}

beforeEach(async () => {
  await resetDb();
  await saveInvitation(invitation());
  server = createFakeMaterialsServer();
  deps = fakePlatform({ db, fetch: server.fetch, baseUrl: "https://outrigger.test", clock: fakeClock(NOW) });
});

describe("materials manifest", () => {
  it("stores the first manifest, then asks with If-None-Match and keeps it on 304", async () => {
    publish(server, "v1", [file("a", 1)]);
    expect(await refreshManifest(WORKSHOP_ID, deps)).toEqual({ ok: true, changed: false, queuedBlobs: [] });
    const stored = await db.manifests.get(WORKSHOP_ID);
    expect(stored).toMatchObject({ version: "v1", fetchedAt: NOW.toISOString(), materials: [{ id: "a" }] });
    expect(stored?.changes).toBeUndefined();

    expect(await refreshManifest(WORKSHOP_ID, deps)).toEqual({ ok: true, changed: false, queuedBlobs: [] });
    expect(server.manifestRequests.map((r) => [r.ifNoneMatch, r.status])).toEqual([
      [undefined, 200],
      ['"v1"', 304],
    ]);
  });

  it("a list the server did not sign (left by an unsigned pack) is fetched whole, never revalidated, and the server's list replaces it", async () => {
    const a = file("a", 1);
    publish(server, "v1", [a]);
    await db.manifests.put({
      workshopId: WORKSHOP_ID,
      version: "v1",
      fetchedAt: NOW.toISOString(),
      materials: [{ ...a.material, title: "Doctored title" }],
    });
    expect(await refreshManifest(WORKSHOP_ID, deps)).toMatchObject({ ok: true });
    expect(server.manifestRequests.map((r) => [r.ifNoneMatch, r.status])).toEqual([[undefined, 200]]);
    const stored = await db.manifests.get(WORKSHOP_ID);
    expect(stored?.materials.map((m) => m.title)).toEqual([a.material.title]);
    expect(stored?.signature?.keyId).toBe("fake-key");
  });

  it("a new version records what changed, moves kept choices to the new content and drops withdrawn ones", async () => {
    const a = file("a", 1);
    const b = file("b", 2);
    const c = file("c", 3);
    publish(server, "v1", [a, b, c]);
    await refreshManifest(WORKSHOP_ID, deps);
    await keepComplete("a", a.material.sha256);
    await keepComplete("b", b.material.sha256);
    await keepComplete("c", c.material.sha256);

    const b2 = {
      ...file("b", 20),
      material: { ...materialFor("b", makeBytes(1000, 20)), title: "Material b, revised" },
    };
    const d = file("d", 4);
    publish(server, "v2", [a, b2, d]);
    const result = await refreshManifest(WORKSHOP_ID, deps);
    expect(result).toEqual({ ok: true, changed: true, queuedBlobs: [b2.material.sha256] });

    const stored = await db.manifests.get(WORKSHOP_ID);
    expect(stored?.changesSeen).toBe(false);
    expect(stored?.changes?.added.map((m) => m.id)).toEqual(["d"]);
    expect(stored?.changes?.changed.map((m) => m.id)).toEqual(["b"]);
    expect(stored?.changes?.removed.map((m) => m.id)).toEqual(["c"]);

    // Changed: points at the new file (queued), the old one is kept readable until the new one is verified.
    expect(await db.offlineChoices.get("b")).toMatchObject({
      sha256: b2.material.sha256,
      previousSha256: b.material.sha256,
    });
    expect(await db.blobs.get(b2.material.sha256)).toMatchObject({ state: "queued", storedBytes: 0, size: 1000 });
    expect(await db.blobs.get(b.material.sha256)).toMatchObject({ state: "complete" });
    // Withdrawn: the choice and its file are gone.
    expect(await db.offlineChoices.get("c")).toBeUndefined();
    expect(await db.blobs.get(c.material.sha256)).toBeUndefined();
    expect(await db.blobChunks.where("sha256").equals(c.material.sha256).count()).toBe(0);
    // Unchanged: untouched.
    expect(await db.offlineChoices.get("a")).toMatchObject({ sha256: a.material.sha256 });
    expect(await db.blobs.get(a.material.sha256)).toMatchObject({ state: "complete" });

    await markChangesSeen(WORKSHOP_ID);
    expect((await db.manifests.get(WORKSHOP_ID))?.changesSeen).toBe(true);
  });

  it("a withdrawn material's file stays while another kept material uses it", async () => {
    const a = file("a", 1);
    const copy = { material: { ...a.material, id: "a-copy" }, bytes: a.bytes };
    publish(server, "v1", [a, copy]);
    await refreshManifest(WORKSHOP_ID, deps);
    await keepComplete("a", a.material.sha256);
    await keepComplete("a-copy", a.material.sha256);
    publish(server, "v2", [copy]);
    await refreshManifest(WORKSHOP_ID, deps);
    expect(await db.offlineChoices.get("a")).toBeUndefined();
    expect(await db.blobs.get(a.material.sha256)).toMatchObject({ state: "complete" });
  });

  it("sends the invitation of the campaign that belongs to the workshop", async () => {
    publish(server, "v1", [file("a", 1)]);
    const seen: string[] = [];
    await refreshManifest(WORKSHOP_ID, {
      ...deps,
      fetch: async (input, init) => {
        seen.push(new Headers(init?.headers).get("Authorization") ?? "");
        return server.fetch(input, init);
      },
    });
    expect(seen).toEqual([`Invitation ${INVITATION_CODE}`]);
  });

  it("refusals, an unreachable server and server errors become plain results", async () => {
    publish(server, "v1", [file("a", 1)]);
    expect(await refreshManifest("ws-not-joined", deps)).toEqual({
      ok: false,
      reason: "not_allowed",
      message: MANIFEST_MESSAGES.not_allowed,
    });
    server.access.set(WORKSHOP_ID, new Set());
    expect(await refreshManifest(WORKSHOP_ID, deps)).toMatchObject({ ok: false, reason: "not_allowed" });
    server.down = true;
    expect(await refreshManifest(WORKSHOP_ID, deps)).toMatchObject({ ok: false, reason: "offline" });
    const failing: ManifestDeps = {
      ...deps,
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: "internal", message: "boom" } }), { status: 500 }),
    };
    expect(await refreshManifest(WORKSHOP_ID, failing)).toMatchObject({ ok: false, reason: "server_error" });
    const portal: ManifestDeps = {
      ...deps,
      fetch: async () => new Response("<html>Sign in to Wi-Fi</html>", { status: 200 }),
    };
    // A captive portal answered, not our server: as good as offline.
    expect(await refreshManifest(WORKSHOP_ID, portal)).toMatchObject({ ok: false, reason: "offline" });
    expect(await db.manifests.get(WORKSHOP_ID)).toBeUndefined();
  });

  it("refreshes every joined workshop", async () => {
    publish(server, "v1", [file("a", 1)]);
    const results = await refreshAllManifests(deps);
    expect(results).toEqual({ [WORKSHOP_ID]: { ok: true, changed: false, queuedBlobs: [] } });
  });
});
