// A server start clears what killed imports left in the blob folder, and keeps sweeping on an unref'd timer.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/serve";
import { createTestDatabase, type TestDatabase } from "./support/testDatabase";

describe("blob folder clean-up at start", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let staticDir: string;
  const now = new Date();

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    staticDir = mkdtempSync(join(tmpdir(), "outrigger-dist-"));
    const blobDir = join(database.dataDir as string, "blobs");
    mkdirSync(blobDir, { recursive: true });
    const old = new Date(now.getTime() - 3 * 60 * 60 * 1000);
    writeFileSync(join(blobDir, ".incoming-killed-import"), "half a video");
    utimesSync(join(blobDir, ".incoming-killed-import"), old, old);
    writeFileSync(join(blobDir, ".incoming-other-process-now"), "being written");
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      dataDir: database.dataDir,
      staticDir,
      quiet: true,
      now: () => now,
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it("removes an old .incoming-* file and keeps a fresh one", () => {
    const left = readdirSync(server.blobStore.dir).filter((n) => n.startsWith(".incoming-"));
    expect(left).toEqual([".incoming-other-process-now"]);
  });
});
