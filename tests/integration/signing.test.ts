// Manifest signatures: the server's Ed25519 key file, GET /api/signing-key, and the same key across restarts.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  invitationAuthorization,
  materialsManifest,
  sha256Hex,
  type MaterialsManifest,
} from "../../src/shared/materials";
import { signingKey, verifyManifestSignature, type ManifestSignature, type SigningKey } from "../../src/shared/signing";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { startServer, type RunningServer } from "../../src/server/serve";
import {
  DEFAULT_SERVER_NAME,
  ephemeralManifestSigner,
  loadOrCreateManifestSigner,
  serverNameFromEnv,
  signingKeyPath,
} from "../../src/server/signing/manifestSigner";
import { OTHER_WORKSHOP_CODE, OTHER_WORKSHOP_ID } from "./support/materialsFixtures";
import { addCampaign } from "./support/replyFixtures";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";

const SERVER_NAME = "Asia/Pacific regional office (test)";

describe.each(ENGINES)("manifest signatures and GET /api/signing-key (%s)", (engine) => {
  let database: TestDatabase;
  let dataDir: string;
  let server: RunningServer;

  const start = () =>
    startServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: database.databaseUrl,
      dataDir,
      staticDir: "/nonexistent-outrigger-dist",
      quiet: true,
      serverName: SERVER_NAME,
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // With PostgreSQL the key still lives in the data folder: give both engines their own.
    dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), "outrigger-keys-"));
    server = await start();
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    if (database?.dataDir === undefined && dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function servedKey(url = server.url): Promise<{ res: Response; key: SigningKey }> {
    const res = await fetch(`${url}/api/signing-key`);
    expect(res.status).toBe(200);
    return { res, key: signingKey.parse(await res.json()) };
  }

  async function servedManifest(
    code = "DEMO-TO1",
    workshopId = DEMO_WORKSHOP_ID,
  ): Promise<MaterialsManifest & { signature: ManifestSignature }> {
    const res = await fetch(`${server.url}/api/workshops/${workshopId}/materials`, {
      headers: { Authorization: invitationAuthorization(code) },
    });
    expect(res.status).toBe(200);
    const body = materialsManifest.parse(await res.json());
    if (!body.signature) throw new Error("the manifest carries no signature");
    return body as MaterialsManifest & { signature: ManifestSignature };
  }

  it("creates the key on first start in <dataDir>/keys, private to the server (file 0600, folder 0700)", () => {
    const path = signingKeyPath(dataDir);
    expect(path).toBe(join(dataDir, "keys", "manifest-signing-ed25519.pem"));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
  });

  it("serves the public key without an invitation, cacheable for an hour", async () => {
    const { res, key } = await servedKey();
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(key).toEqual(server.signingKey);
    expect(key.algorithm).toBe("Ed25519");
    expect(key.issuer).toBe(SERVER_NAME);
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(Buffer.from(key.publicKey, "base64")).toHaveLength(32);
  });

  it("keeps the same key across restarts", async () => {
    const before = (await servedKey()).key;
    const modified = statSync(signingKeyPath(dataDir)).mtimeMs;
    await server.close();
    server = await start();
    expect((await servedKey()).key).toEqual(before);
    expect(statSync(signingKeyPath(dataDir)).mtimeMs).toBe(modified);
    // Loading it directly gives the same key, and says it was not made now.
    const loaded = loadOrCreateManifestSigner(dataDir, "another name");
    expect(loaded.created).toBe(false);
    expect(loaded.key).toEqual({ ...before, issuer: "another name" });
  });

  it("the served manifest's signature verifies with the served key (WebCrypto, as the app does)", async () => {
    const manifest = await servedManifest();
    expect(manifest.materials.length).toBeGreaterThan(0);
    expect(manifest.signature).toMatchObject({
      algorithm: "Ed25519",
      keyId: server.signingKey.keyId,
      issuer: SERVER_NAME,
    });
    expect(await verifyManifestSignature(manifest, manifest.signature, (await servedKey()).key)).toBe(true);
    // The order of the materials does not matter; generatedAt is not signed.
    expect(
      await verifyManifestSignature(
        { ...manifest, materials: [...manifest.materials].reverse() },
        manifest.signature,
        server.signingKey,
      ),
    ).toBe(true);
  });

  it("the served manifest carries its workshop and signs it too (payload 2): a changed title or date fails, dropping the payload number fails", async () => {
    const manifest = await servedManifest();
    expect(manifest.workshop).toMatchObject({ id: manifest.workshopId, title: expect.any(String) });
    expect(manifest.signature?.payload).toBe(2);
    expect(await verifyManifestSignature(manifest, manifest.signature!, server.signingKey)).toBe(true);
    const workshop = manifest.workshop!;
    expect(
      await verifyManifestSignature(
        { ...manifest, workshop: { ...workshop, title: `${workshop.title} (new fees)` } },
        manifest.signature!,
        server.signingKey,
      ),
    ).toBe(false);
    expect(
      await verifyManifestSignature(
        { ...manifest, workshop: { ...workshop, endsOn: "2031-01-01" } },
        manifest.signature!,
        server.signingKey,
      ),
    ).toBe(false);
    const { payload: _payload, ...asPayloadOne } = manifest.signature!;
    expect(await verifyManifestSignature(manifest, asPayloadOne, server.signingKey)).toBe(false);
  });

  it("an empty manifest is signed too", async () => {
    await addCampaign(
      server.db,
      { id: "fy2223-03-mea-follow-up", workshopId: OTHER_WORKSHOP_ID },
      OTHER_WORKSHOP_CODE,
      new Date(),
    );
    const manifest = await servedManifest(OTHER_WORKSHOP_CODE, OTHER_WORKSHOP_ID);
    expect(manifest.materials).toEqual([]);
    expect(await verifyManifestSignature(manifest, manifest.signature, server.signingKey)).toBe(true);
  });

  it("fails when one byte of one material changes", async () => {
    const manifest = await servedManifest();
    const [first, ...rest] = manifest.materials;
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith("0") ? "1" : "0");
    const tampered = [
      { ...first, sha256: sha256Hex.parse(flip(first.sha256)) },
      { ...first, size: first.size + 1 },
      { ...first, title: first.title.replace(/.$/, (ch) => String.fromCharCode(ch.charCodeAt(0) ^ 1)) },
    ];
    for (const changed of tampered) {
      expect(
        await verifyManifestSignature(
          { ...manifest, materials: [changed, ...rest] },
          manifest.signature,
          server.signingKey,
        ),
      ).toBe(false);
    }
    expect(await verifyManifestSignature({ ...manifest, materials: rest }, manifest.signature, server.signingKey)).toBe(
      false,
    );
    expect(
      await verifyManifestSignature(
        { ...manifest, version: flip(manifest.version) },
        manifest.signature,
        server.signingKey,
      ),
    ).toBe(false);
    expect(
      await verifyManifestSignature(
        { ...manifest, workshopId: OTHER_WORKSHOP_ID },
        manifest.signature,
        server.signingKey,
      ),
    ).toBe(false);
    const value = Buffer.from(manifest.signature.value, "base64");
    value[0] ^= 1;
    expect(
      await verifyManifestSignature(
        manifest,
        { ...manifest.signature, value: value.toString("base64") },
        server.signingKey,
      ),
    ).toBe(false);
  });

  it("fails with another server's key, even one claiming the same key id", async () => {
    const manifest = await servedManifest();
    const other = ephemeralManifestSigner(SERVER_NAME).key;
    expect(other.keyId).not.toBe(server.signingKey.keyId);
    expect(await verifyManifestSignature(manifest, manifest.signature, other)).toBe(false);
    expect(
      await verifyManifestSignature(manifest, manifest.signature, { ...other, keyId: server.signingKey.keyId }),
    ).toBe(false);
  });
});

describe("the manifest signing key file", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "outrigger-keyfile-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is made once; a second load reads it", () => {
    const first = loadOrCreateManifestSigner(join(dir, "data"), "A");
    const second = loadOrCreateManifestSigner(join(dir, "data"), "A");
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.key).toEqual(first.key);
    const manifest = { workshopId: "w", version: "1", materials: [] };
    expect(second.sign(manifest)).toEqual(first.sign(manifest)); // Ed25519 is deterministic
  });

  it("a key file that cannot be read stops the start instead of being replaced", async () => {
    const { writeFileSync, mkdirSync, readFileSync } = await import("node:fs");
    const path = signingKeyPath(join(dir, "broken"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "not a key", { mode: 0o600 });
    expect(() => loadOrCreateManifestSigner(join(dir, "broken"), "A")).toThrow(/cannot be read/);
    expect(readFileSync(path, "utf8")).toBe("not a key");
  });

  it("the issuer is SERVER_NAME, or a plain default", () => {
    expect(serverNameFromEnv({})).toBe(DEFAULT_SERVER_NAME);
    expect(serverNameFromEnv({ SERVER_NAME: "  " })).toBe(DEFAULT_SERVER_NAME);
    expect(serverNameFromEnv({ SERVER_NAME: " Oceania Customs Organisation " })).toBe("Oceania Customs Organisation");
  });
});
