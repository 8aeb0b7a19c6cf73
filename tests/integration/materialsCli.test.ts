// Adding materials (addMaterials and npm run materials:add): kinds, titles, replacing a file by name, one stored copy per content.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlobStore } from "../../src/server/blobs/blobStore";
import { listMaterials } from "../../src/server/db/materials";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { addMaterials, MaterialsInputError } from "../../src/server/materials/addMaterials";
import { readableTitle } from "../../src/server/materials/fileTypes";
import { openMaterialsContext, type MaterialsContext } from "./support/materialsFixtures";
import { timeoutForProcessStarts } from "./support/serverProcess";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const CLI = join(ROOT, "src", "server", "cli.ts");

describe.each(ENGINES)("addMaterials (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: MaterialsContext;
  beforeAll(async () => {
    ctx = await openMaterialsContext(engine, now);
  });
  afterAll(() => ctx.close());

  it("tells kind and content type from the extension and makes a readable title", async () => {
    const files = [
      "rkc_general-annex.pdf",
      "risk-slides.pptx",
      "photo.JPG",
      "briefing.mp4",
      "interview.m4a",
      "notes.md",
    ].map((n) => ctx.writeFile(n, `content of ${n}`));
    const result = await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, files, { now });
    expect(
      result.materials.map(({ outcome, material }) => [outcome, material.kind, material.contentType, material.title]),
    ).toEqual([
      ["added", "document", "application/pdf", "Rkc general annex"],
      ["added", "slides", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "Risk slides"],
      ["added", "image", "image/jpeg", "Photo"],
      ["added", "video", "video/mp4", "Briefing"],
      ["added", "audio", "audio/mp4", "Interview"],
      ["added", "handout", "text/markdown; charset=utf-8", "Notes"],
    ]);
    expect(result.version).not.toBe(result.previousVersion);
    expect(readableTitle("AEO__guide.v2.pdf")).toBe("AEO guide v2");
  });

  it("a file with the same name replaces that material: same id, new hash and time; the title given before is kept", async () => {
    const path = ctx.writeFile("valuation.pdf", "first version");
    const first = await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [path], {
      now,
      title: "Customs valuation in brief",
      description: "Two pages.",
    });
    writeFileSync(path, "second version, longer");
    const later = new Date(now.getTime() + 86_400_000);
    const second = await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [path], { now: later });
    const [before, after] = [first.materials[0], second.materials[0]];
    expect(after.outcome).toBe("changed");
    expect(after.material.id).toBe(before.material.id);
    expect(after.material.sha256).not.toBe(before.material.sha256);
    expect(after.previousSha256).toBe(before.material.sha256);
    expect(after.material).toMatchObject({
      title: "Customs valuation in brief",
      description: "Two pages.",
      size: 22,
      updatedAt: later.toISOString(),
    });
    expect(second.previousVersion).toBe(first.version);
    const rows = (await listMaterials(ctx.db, DEMO_WORKSHOP_ID)).filter((m) => m.fileName === "valuation.pdf");
    expect(rows).toHaveLength(1);
  });

  it("the same content under two names in two workshops is stored once", async () => {
    const a = ctx.writeFile("shared-a.pdf", "identical bytes");
    const b = ctx.writeFile("shared-b.pdf", "identical bytes");
    const one = await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [a], { now });
    const two = await addMaterials(ctx.db, ctx.blobStore, "fy2223-03-mea", [b], { now });
    const sha = one.materials[0].material.sha256;
    expect(two.materials[0].material.sha256).toBe(sha);
    expect(readdirSync(join(ctx.blobStore.dir, sha.slice(0, 2))).filter((n) => n === sha)).toHaveLength(1);
    expect(readdirSync(ctx.blobStore.dir).filter((n) => n.startsWith(".incoming"))).toEqual([]);
  });

  it("refuses an unknown workshop, a missing file, an unknown extension and --title for several files, storing nothing", async () => {
    const ok = ctx.writeFile("ok.pdf", "fine");
    await expect(addMaterials(ctx.db, ctx.blobStore, "no-such-workshop", [ok])).rejects.toThrow(
      /no workshop "no-such-workshop"/,
    );
    await expect(
      addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [ok, join(ctx.scratch, "missing.pdf")]),
    ).rejects.toThrow(/File not found: .*missing\.pdf/);
    await expect(
      addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [ctx.writeFile("data.xyz", "?")]),
    ).rejects.toThrow(/Pass --kind/);
    await expect(
      addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [ok, ok], { title: "One title" }),
    ).rejects.toBeInstanceOf(MaterialsInputError);
    expect((await listMaterials(ctx.db, DEMO_WORKSHOP_ID)).some((m) => m.fileName === "ok.pdf")).toBe(false);
    const withKind = await addMaterials(ctx.db, ctx.blobStore, DEMO_WORKSHOP_ID, [ctx.writeFile("data.xyz", "?")], {
      kind: "document",
    });
    expect(withKind.materials[0].material.contentType).toBe("application/octet-stream");
  });
});

// Each test runs the CLI three times, and every run first compiles TypeScript: 30 s ran out on a busy machine.
describe.each(ENGINES)("npm run materials:add (%s)", { timeout: timeoutForProcessStarts(3) }, (engine) => {
  let database: TestDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), "outrigger-cli-"));
    env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: database.databaseUrl ?? "" };
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => run(TSX, [CLI, "materials:add", ...args], { env, cwd: ROOT });

  it("adds a file, then replaces it when a changed file with the same name is published", async () => {
    const file = join(dataDir, "rkc-slides.pdf");
    writeFileSync(file, "%PDF-1.4 version one");
    const first = await cli("--workshop", DEMO_WORKSHOP_ID, "--title", "RKC slides, day 1", "--language", "en", file);
    expect(first.stdout).toMatch(/added\s+rkc-slides\.pdf\s+"RKC slides, day 1"\s+document/);
    expect(first.stdout).toMatch(/Manifest of fy2223-09-rkc: version [0-9a-f]{32} → [0-9a-f]{32}/);
    writeFileSync(file, "%PDF-1.4 version two");
    const second = await cli("--workshop", DEMO_WORKSHOP_ID, file);
    expect(second.stdout).toMatch(/replaced\s+rkc-slides\.pdf\s+"RKC slides, day 1"/);
    const again = await cli("--workshop", DEMO_WORKSHOP_ID, file);
    expect(again.stdout).toMatch(/unchanged rkc-slides\.pdf/);
    expect(again.stdout).toMatch(/Manifest of fy2223-09-rkc unchanged/);

    const db = database.open();
    try {
      const rows = (await listMaterials(db, DEMO_WORKSHOP_ID)).filter((m) => m.fileName === "rkc-slides.pdf");
      expect(rows).toHaveLength(1);
      // The files are in DATA_DIR/blobs whichever database holds the rows.
      const store = createBlobStore(join(dataDir, "blobs"));
      expect(await store.size(rows[0].sha256)).toBe("%PDF-1.4 version two".length);
    } finally {
      await db.destroy();
    }
  });

  it("fails with a plain message for an unknown workshop or a missing file", async () => {
    await expect(cli("--workshop", "nope", join(dataDir, "rkc-slides.pdf"))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/There is no workshop "nope"/),
    });
    await expect(cli("--workshop", DEMO_WORKSHOP_ID, join(dataDir, "gone.pdf"))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/File not found/),
    });
    await expect(cli(join(dataDir, "rkc-slides.pdf"))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--workshop/),
    });
  });
});
