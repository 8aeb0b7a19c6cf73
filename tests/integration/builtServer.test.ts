// The production server: built JavaScript started with plain node (no TypeScript loader), finding its files from dist-server/.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationAuthorization } from "../../src/shared/materials";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUILT_CLI = join(ROOT, "dist-server", "cli.js");
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Starts `node dist-server/cli.js start` and resolves with the URL it prints. */
function startBuiltServer(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BUILT_CLI, "start"], {
    cwd: tmpdir(),
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "", NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\/[\s\S]*Press Ctrl\+C/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`The built server exited (${code}) before listening:\n${output}`)));
  });
}

describe("the built server", () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startBuiltServer>>;

  beforeAll(async () => {
    // Build what is tested now, so running this file alone never tests a stale bundle.
    await run("npm", ["run", "--silent", "build:server"], { cwd: ROOT });
    dataDir = mkdtempSync(join(tmpdir(), "outrigger-built-"));
    server = await startBuiltServer(dataDir);
  }, 60_000);

  afterAll(() => {
    server?.child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts with plain node from another folder, migrates, seeds the demo and says where to open it", () => {
    expect(server.output()).toContain("Database migrations applied: 0001_initial");
    expect(server.output()).toMatch(/Demo invitations[\s\S]*\/join\/DEMO-/);
  });

  it("reports the version of package.json and answers unknown API paths with a JSON 404", async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: "ok", version: PACKAGE_VERSION });
    const unknown = await fetch(`${server.url}/api/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/json");
  });

  it("serves the demo material that ships beside the bundle", async () => {
    const code = /\/join\/(DEMO-[A-Z0-9]+)/.exec(server.output())?.[1];
    const manifest = await fetch(`${server.url}/api/workshops/${DEMO_WORKSHOP_ID}/materials`, {
      headers: { Authorization: invitationAuthorization(code ?? "") },
    });
    expect(manifest.status).toBe(200);
    const body = (await manifest.json()) as { materials: { fileName: string; size: number }[] };
    expect(body.materials.find((m) => m.fileName.endsWith(".webm"))?.size).toBe(
      readFileSync(join(ROOT, "src/server/demoMaterials/rkc-clip.webm")).length,
    );
  });

  it("refuses a common password when creating an organiser: the password list ships beside the bundle", async () => {
    const attempt = run(process.execPath, [BUILT_CLI, "admin:create", "--email", "org@example.org", "--name", "Org"], {
      cwd: tmpdir(),
      env: { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: "password1234567", DATABASE_URL: "" },
    });
    await expect(attempt).rejects.toMatchObject({ stderr: expect.stringContaining("most commonly used") });
  });
});
