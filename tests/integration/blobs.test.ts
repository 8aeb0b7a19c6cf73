// Material files: GET and HEAD /api/blobs with ranges, ETags and no gzip, the content-addressed store, and the request log.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { materialsManifest } from "../../src/shared/materials";
import { createBlobStore, InvalidBlobIdError } from "../../src/server/blobs/blobStore";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { addMaterials } from "../../src/server/materials/addMaterials";
import { startServer, type RequestLogEntry, type RunningServer } from "../../src/server/serve";
import {
  auth,
  openMaterialsContext,
  OTHER_WORKSHOP_CODE,
  patternBytes,
  type MaterialsContext,
} from "./support/materialsFixtures";
import { errorOf } from "./support/requests";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";

const SIZE = 10_000;
const CONTENT = patternBytes(SIZE);
const SHA = createHash("sha256").update(CONTENT).digest("hex");
const url = `/api/blobs/${SHA}`;

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

describe.each(ENGINES)("GET and HEAD /api/blobs/:sha256 (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: MaterialsContext;
  const get = (headers: Record<string, string> = {}, path = url) =>
    ctx.app.request(path, { headers: { ...auth(), ...headers } });

  beforeAll(async () => {
    ctx = await openMaterialsContext(engine, now);
    await addMaterials(
      ctx.db,
      ctx.blobStore,
      DEMO_WORKSHOP_ID,
      [ctx.writeFile("Customs valuation (ü) notes.pdf", CONTENT)],
      { now },
    );
  });
  afterAll(() => ctx.close());

  it("a full GET sends every byte with a strong ETag, immutable caching and Accept-Ranges", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${SHA}"`);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect(res.headers.get("content-disposition")).toBe(
      "inline; filename*=UTF-8''Customs%20valuation%20%28%C3%BC%29%20notes.pdf",
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await bytesOf(res)).toEqual(CONTENT);
  });

  it("gzip never touches a blob, even a compressible one asked for with Accept-Encoding", async () => {
    const manifest = materialsManifest.parse(
      await (await ctx.app.request(`/api/workshops/${DEMO_WORKSHOP_ID}/materials`, { headers: auth() })).json(),
    );
    const handout = manifest.materials.find((m) => m.kind === "handout")!;
    const res = await get({ "Accept-Encoding": "gzip" }, `/api/blobs/${handout.sha256}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("etag")).toBe(`"${handout.sha256}"`);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect((await bytesOf(res)).byteLength).toBe(handout.size);
  });

  it.each([
    ["first byte", "bytes=0-0", 0, 0],
    ["last byte", `bytes=${SIZE - 1}-`, SIZE - 1, SIZE - 1],
    ["suffix", "bytes=-10", SIZE - 10, SIZE - 1],
    ["open-ended", "bytes=9000-", 9000, SIZE - 1],
    ["a middle span", "bytes=100-199", 100, 199],
    ["an end beyond the file, clamped", "bytes=9990-20000", 9990, SIZE - 1],
    ["a suffix longer than the file", "bytes=-50000", 0, SIZE - 1],
  ])("%s (%s) → 206 with exactly those bytes", async (_name, range, start, end) => {
    const res = await get({ Range: range });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(res.headers.get("etag")).toBe(`"${SHA}"`);
    expect(await bytesOf(res)).toEqual(CONTENT.subarray(start, end + 1));
  });

  it("several ranges are answered with the whole file and 200", async () => {
    const res = await get({ Range: "bytes=0-1,5-6" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-range")).toBeNull();
    expect(await bytesOf(res)).toEqual(CONTENT);
  });

  it.each([
    "bytes=5-2",
    "items=0-1",
    "bytes=abc",
    "bytes=-",
    "bytes=--1",
    "bytes=0-1,x",
    `bytes=${SIZE}-`,
    `bytes=${SIZE + 5}-${SIZE + 10}`,
    "bytes=-0",
  ])("an invalid or unsatisfiable range (%s) → 416 with bytes */size", async (range) => {
    const res = await get({ Range: range });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${SIZE}`);
    expect((await errorOf(res)).code).toBe("range_not_satisfiable");
  });

  it("If-None-Match with the blob's ETag → 304 without a body, also for a weak or listed tag", async () => {
    for (const tag of [`"${SHA}"`, `W/"${SHA}"`, `"abc", "${SHA}"`, "*"]) {
      const res = await get({ "If-None-Match": tag, Range: "bytes=0-9" });
      expect(res.status, tag).toBe(304);
      expect(res.headers.get("etag")).toBe(`"${SHA}"`);
      expect(await res.text()).toBe("");
    }
    expect((await get({ "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("If-Range with the same ETag keeps the range; with another one sends the whole file", async () => {
    const same = await get({ Range: "bytes=10-19", "If-Range": `"${SHA}"` });
    expect(same.status).toBe(206);
    expect(await bytesOf(same)).toEqual(CONTENT.subarray(10, 20));
    const changed = await get({ Range: "bytes=10-19", "If-Range": '"0000000000"' });
    expect(changed.status).toBe(200);
    expect(await bytesOf(changed)).toEqual(CONTENT);
    const weak = await get({ Range: "bytes=10-19", "If-Range": `W/"${SHA}"` });
    expect(weak.status).toBe(200);
  });

  it("HEAD gives the same headers and no body, for the whole file and for a range", async () => {
    const head = await ctx.app.request(url, { method: "HEAD", headers: auth() });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(SIZE));
    expect(head.headers.get("etag")).toBe(`"${SHA}"`);
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    expect(await head.text()).toBe("");
    const ranged = await ctx.app.request(url, { method: "HEAD", headers: { ...auth(), Range: "bytes=-10" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes ${SIZE - 10}-${SIZE - 1}/${SIZE}`);
  });

  it("without an invitation → 401; with another workshop's invitation → 403; unknown invitation → 401", async () => {
    const none = await ctx.app.request(url);
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe("invitation_required");
    const other = await get(auth(OTHER_WORKSHOP_CODE));
    expect(other.status).toBe(403);
    expect((await errorOf(other)).code).toBe("forbidden");
    const unknown = await get(auth("NOPE-XX9"));
    expect(unknown.status).toBe(401);
    expect((await errorOf(unknown)).code).toBe("unknown_invitation");
    const byQuery = await ctx.app.request(`${url}?invitation=DEMO-WS4`);
    expect(byQuery.status).toBe(200);
  });

  it("a well-formed hash that is no material of the workshop is 403, so hashes do not list what is stored", async () => {
    const res = await get({}, `/api/blobs/${"0".repeat(64)}`);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("forbidden");
  });

  it("ids that are not a lower-case sha-256 are refused as JSON 400/404 and never reach the file system", async () => {
    const attempts = [
      "..%2F..%2Fetc%2Fpasswd",
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "..",
      "%2e%2e",
      `${SHA.slice(0, 2)}%2F${SHA}`,
      SHA.toUpperCase(),
      SHA.slice(0, 63),
      `${SHA}0`,
      `${SHA}%00`,
      `${SHA.slice(0, 63)}%00`,
      "..%5c..%5cwindows",
      `${SHA}%2F..`,
    ];
    for (const id of attempts) {
      const res = await get({}, `/api/blobs/${id}`);
      expect([400, 404], id).toContain(res.status);
      expect(["invalid_blob_id", "not_found"], id).toContain((await errorOf(res)).code);
    }
    for (const path of ["/api/blobs/../../etc/passwd", "/api/blobs/a/b", `/api/blobs/${SHA.slice(0, 2)}/${SHA}`]) {
      const res = await get({}, path);
      expect([400, 404], path).toContain(res.status);
    }
  });

  it("a material whose blob is missing from the store is 404 blob_missing", async () => {
    const path = ctx.writeFile("lost.pdf", "%PDF-1.4 lost");
    const { materials } = await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [path], { now });
    await ctx.blobStore.remove(materials[0].material.sha256);
    const res = await get({}, `/api/blobs/${materials[0].material.sha256}`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("blob_missing");
  });
});

describe("the blob store", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "outrigger-blobstore-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stores a file once under <first 2 hex>/<sha256>, however often it is put", async () => {
    const store = createBlobStore(join(dir, "blobs"));
    const file = join(dir, "a.bin");
    writeFileSync(file, CONTENT);
    const first = await store.putFile(file);
    expect(first).toEqual({ sha256: SHA, size: SIZE });
    const stored = join(dir, "blobs", SHA.slice(0, 2), SHA);
    const before = statSync(stored);
    const second = await store.putStream(
      (async function* () {
        yield CONTENT.subarray(0, 5000);
        yield CONTENT.subarray(5000);
      })(),
    );
    expect(second).toEqual(first);
    // Not rewritten: same inode and modification time; no temporary files left behind.
    const after = statSync(stored);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(join(dir, "blobs")).sort()).toEqual([SHA.slice(0, 2)]);
    expect(readdirSync(join(dir, "blobs", SHA.slice(0, 2)))).toEqual([SHA]);
    expect(await store.has(SHA)).toBe(true);
    expect(await store.size(SHA)).toBe(SIZE);
  });

  it("reads an inclusive byte span, removes, and refuses any name that is not a sha-256", async () => {
    const store = createBlobStore(join(dir, "blobs"));
    await store.putBytes(CONTENT);
    const chunks: Buffer[] = [];
    for await (const chunk of store.open(SHA, { start: 10, end: 19 })) chunks.push(chunk as Buffer);
    expect(new Uint8Array(Buffer.concat(chunks))).toEqual(CONTENT.subarray(10, 20));
    for (const bad of ["../a.bin", SHA.toUpperCase(), `${SHA.slice(0, 2)}/${SHA}`, ""]) {
      await expect(store.has(bad)).rejects.toBeInstanceOf(InvalidBlobIdError);
      expect(() => store.open(bad)).toThrow(InvalidBlobIdError);
    }
    expect(await store.remove(SHA)).toBe(true);
    expect(await store.has(SHA)).toBe(false);
    expect(await store.remove(SHA)).toBe(false);
  });
});

describe.each(ENGINES)("blobs from the real server over a socket (%s)", (engine) => {
  let database: TestDatabase;
  let server: RunningServer;
  let dataDir: string;
  const log: RequestLogEntry[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // With PostgreSQL the rows are in the database and the files still in dataDir/blobs.
    dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), "outrigger-data-"));
    server = await startServer({
      port: 0,
      databaseUrl: database.databaseUrl,
      dataDir,
      staticDir: "/nonexistent-outrigger-dist",
      quiet: true,
      onRequest: (e) => log.push(e),
    });
    const file = join(dataDir, "upload.pdf");
    writeFileSync(file, CONTENT);
    await addMaterials(server.db, server.blobStore, DEMO_WORKSHOP_ID, [file]);
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("first start publishes the demo materials, stored under DATA_DIR/blobs", async () => {
    const res = await fetch(`${server.url}/api/workshops/${DEMO_WORKSHOP_ID}/materials`, { headers: auth() });
    const manifest = materialsManifest.parse(await res.json());
    expect(manifest.materials.length).toBeGreaterThanOrEqual(5);
    for (const m of manifest.materials)
      expect(statSync(join(dataDir, "blobs", m.sha256.slice(0, 2), m.sha256)).size).toBe(m.size);
  });

  it("streams a range and a whole file with honest lengths, and logs the Range each client asked for", async () => {
    const ranged = await fetch(`${server.url}${url}`, { headers: { ...auth(), Range: "bytes=4000-" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-length")).toBe(String(SIZE - 4000));
    expect(await bytesOf(ranged)).toEqual(CONTENT.subarray(4000));
    const full = await fetch(`${server.url}${url}`, { headers: { ...auth(), "Accept-Encoding": "gzip" } });
    expect(full.headers.get("content-encoding")).toBeNull();
    expect(await bytesOf(full)).toEqual(CONTENT);
    const head = await fetch(`${server.url}${url}`, { method: "HEAD", headers: auth() });
    expect(head.headers.get("content-length")).toBe(String(SIZE));
    // The log entry is written when the response has gone out: poll for it rather than sleep a guessed 50 ms.
    await expect.poll(() => log.filter((e) => e.path === url).length).toBe(3);
    const blobLog = log.filter((e) => e.path === url);
    for (const entry of blobLog)
      expect(entry).toMatchObject({
        route: "/api/blobs/:sha256",
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        durationMs: expect.any(Number),
      });
    // The request id and duration differ from run to run; the rest is exact.
    const stable = ({ method, path, range, status, bytes, completed }: RequestLogEntry) => ({
      method,
      path,
      ...(range !== undefined ? { range } : {}),
      status,
      bytes,
      completed,
    });
    expect(blobLog.map(stable)).toEqual([
      { method: "GET", path: url, range: "bytes=4000-", status: 206, bytes: SIZE - 4000, completed: true },
      { method: "GET", path: url, status: 200, bytes: SIZE, completed: true },
      { method: "HEAD", path: url, status: 200, bytes: 0, completed: true },
    ]);
  });

  it("the query string, which may carry an invitation code, stays out of the log", async () => {
    await (await fetch(`${server.url}${url}?invitation=DEMO-TO1`, { headers: { Range: "bytes=0-0" } })).arrayBuffer();
    await expect.poll(() => log.at(-1)).toMatchObject({ path: url, range: "bytes=0-0", status: 206, bytes: 1 });
  });
});
