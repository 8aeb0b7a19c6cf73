// GET /metrics: off unless METRICS_TOKEN is set, then only for its bearer, and its counters follow real requests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationAuthorization, materialsManifest } from "../../src/shared/materials";
import { createBlobStore } from "../../src/server/blobs/blobStore";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { seedDemoMaterials } from "../../src/server/demoMaterials/index";
import { createApp } from "../../src/server/http/app";
import { silentLogger } from "../../src/server/observability/logger";
import { validReply } from "./support/replyFixtures";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

const TOKEN = "scrape-token-for-tests-0123456789";
const STATIC = "/nonexistent-outrigger-dist";
const json = { "Content-Type": "application/json" };

/** The value of one sample line, e.g. `outrigger_replies_total{route="replies",outcome="stored",code="none"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(ENGINES)("Prometheus metrics (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let root: string;
  let app: ReturnType<typeof createApp>;
  const scrape = async () => {
    const res = await app.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, now);
    root = mkdtempSync(join(tmpdir(), "outrigger-metrics-"));
    const blobStore = createBlobStore(join(root, "blobs"));
    await seedDemoMaterials(ctx.db, blobStore, now);
    app = createApp({
      db: ctx.db,
      now: () => now,
      blobStore,
      staticDir: STATIC,
      uploadDir: join(root, "uploads"),
      logger: silentLogger(),
      metricsToken: TOKEN,
    });
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("is off by default: /metrics answers the usual JSON 404", async () => {
    const plain = createApp({
      db: ctx.db,
      now: () => now,
      staticDir: STATIC,
      logger: silentLogger(),
      metricsToken: undefined,
    });
    for (const headers of [{}, { Authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const res = await plain.request("/metrics", { headers });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: "There is nothing at this address." } });
    }
  });

  it("refuses a missing or wrong token with a JSON 401", async () => {
    for (const headers of [
      {},
      { Authorization: "Bearer wrong-token" },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: TOKEN },
    ] as Record<string, string>[]) {
      const res = await app.request("/metrics", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
    }
  });

  it("serves the process metrics to the right token", async () => {
    const text = await scrape();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_heap_size_used_bytes");
  });

  it("counts replies stored and rejected by reason, and the size of each batch", async () => {
    const before = await scrape();
    const stored = validReply();
    const unknown = validReply({ campaignId: "no-such-campaign" });
    const res = await app.request("/api/replies", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ replies: [stored, unknown, stored] }),
    });
    expect(res.status).toBe(200);
    const after = await scrape();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta('outrigger_replies_total{route="replies",outcome="stored",code="none"}')).toBe(1);
    expect(delta('outrigger_replies_total{route="replies",outcome="rejected",code="unknown_campaign"}')).toBe(1);
    expect(delta('outrigger_reply_batch_size_count{route="replies"}')).toBe(1);
    expect(delta('outrigger_reply_batch_size_sum{route="replies"}')).toBe(3);
    expect(delta('outrigger_reply_batch_size_bucket{le="2",route="replies"}')).toBe(0);
    expect(delta('outrigger_reply_batch_size_bucket{le="5",route="replies"}')).toBe(1);
  });

  it("counts the bytes of material files served, the sign-ins refused and the uploads that failed", async () => {
    const before = await scrape();
    const auth = { Authorization: invitationAuthorization("DEMO-TO1") };
    const manifest = materialsManifest.parse(
      await (await app.request(`/api/workshops/${DEMO_WORKSHOP_ID}/materials`, { headers: auth })).json(),
    );
    const blob = await app.request(`/api/blobs/${manifest.materials[0].sha256}`, {
      headers: { ...auth, Range: "bytes=0-99" },
    });
    expect(blob.status).toBe(206);
    expect((await blob.arrayBuffer()).byteLength).toBe(100);
    const signIn = await app.request("/api/console/session", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ email: "nobody@example.org", password: "not the password at all" }),
    });
    expect(signIn.status).toBe(401);
    const upload = await app.request("/api/uploads", {
      method: "POST",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Length": "10" },
    });
    expect(upload.status).toBe(401);
    const after = await scrape();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta("outrigger_blob_bytes_served_total")).toBe(100);
    expect(delta('outrigger_sign_in_failures_total{reason="invalid_credentials"}')).toBe(1);
    expect(delta('outrigger_upload_failures_total{reason="401"}')).toBe(1);
  });

  it("keeps each app's counts to itself when several run in one process", async () => {
    const other = createApp({
      db: ctx.db,
      now: () => now,
      staticDir: STATIC,
      logger: silentLogger(),
      metricsToken: TOKEN,
    });
    await other.request("/api/replies", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ replies: [validReply({ campaignId: "no-such-campaign" })] }),
    });
    const text = await (await other.request("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    expect(sample(text, 'outrigger_replies_total{route="replies",outcome="rejected",code="unknown_campaign"}')).toBe(1);
    expect(sample(text, 'outrigger_replies_total{route="replies",outcome="stored",code="none"}')).toBe(0);
  });
});
