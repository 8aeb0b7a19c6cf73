// Fault injection: kill -9 during a material import (the CLI) and during a tus attachment upload (the server); files end whole or absent.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMaterials } from "../../src/server/db/materials";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { validReply } from "./support/replyFixtures";
import {
  exited,
  killHard,
  spawnCli,
  startServerProcess,
  timeoutForProcessStarts,
  type DataLocation,
  type ServerProcess,
} from "./support/serverProcess";
import { createTestDatabase, ENGINES, type TestDatabase } from "./support/testDatabase";
import { tusClient } from "./support/tusClient";

/** FAULT_ROUNDS=20 for a longer soak; the default keeps `npm test` short. */
const KILLS = Number(process.env.FAULT_ROUNDS ?? 3);
const MB = 1024 * 1024;
/** Each upload round cuts after one more megabyte, and an attachment is at most 20 MB. */
const UPLOAD_KILLS = Math.min(KILLS, 15);

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function incomingFiles(blobDir: string): string[] {
  return existsSync(blobDir) ? readdirSync(blobDir).filter((name) => name.startsWith(".incoming-")) : [];
}

/** Every file stored under a content name, with whether its bytes hash to that name. */
function storedBlobs(blobDir: string): Array<{ name: string; verified: boolean }> {
  if (!existsSync(blobDir)) return [];
  return readdirSync(blobDir)
    .filter((prefix) => /^[0-9a-f]{2}$/.test(prefix))
    .flatMap((prefix) =>
      readdirSync(join(blobDir, prefix)).map((name) => ({
        name,
        verified: sha256Of(readFileSync(join(blobDir, prefix, name))) === name,
      })),
    );
}

describe.each(ENGINES)("kill -9 during file transfers (%s)", (engine) => {
  let database: TestDatabase;
  let dataDir: string;
  let location: DataLocation;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), "outrigger-fault-"));
    location = { dataDir, databaseUrl: database.databaseUrl };
  });
  afterAll(async () => {
    if (server) await killHard(server.child);
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "a material import killed mid-write leaves the complete verified file or nothing under its name, and the next start sweeps its leftover",
    async () => {
      const blobDir = join(dataDir, "blobs");
      const scratch = mkdtempSync(join(tmpdir(), "outrigger-fault-src-"));
      const source = join(scratch, "border-briefing.mp4");
      let cutMidWrite = 0;
      let completeAtKill = 0;
      try {
        for (let round = 0; round < KILLS; round++) {
          const content = randomBytes(24 * MB);
          writeFileSync(source, content);
          const sha = sha256Of(content);
          const before = new Set(incomingFiles(blobDir));
          const ownIncoming = () => incomingFiles(blobDir).filter((name) => !before.has(name));
          const child = spawnCli(location, "materials:add", ["--workshop", DEMO_WORKSHOP_ID, source]);
          child.stdout?.resume();
          child.stderr?.resume();
          // Bounded: the import starts writing within a minute, or has finished.
          const deadline = Date.now() + 60_000;
          while (ownIncoming().length === 0 && child.exitCode === null && Date.now() < deadline) await pause(2);
          // Early, later, and late enough that the file may be whole already (then the kill may fall between file and row).
          await pause((round % 3) * 300);
          const wasRunning = child.exitCode === null;
          await killHard(child);
          if (wasRunning && ownIncoming().length > 0) cutMidWrite += 1;
          else completeAtKill += 1;

          const blobs = storedBlobs(blobDir);
          expect(blobs.filter((b) => !b.verified)).toEqual([]);
          expect(blobs.filter((b) => b.name === sha).length).toBeLessThanOrEqual(1);
          // No material row names a file the store does not hold.
          const db = database.open();
          try {
            const names = new Set(blobs.map((b) => b.name));
            expect(
              (await listMaterials(db, DEMO_WORKSHOP_ID)).filter((m) => !names.has(m.sha256)).map((m) => m.fileName),
            ).toEqual([]);
          } finally {
            await db.destroy();
          }
        }
        const leftovers = incomingFiles(blobDir);
        // A killed import's file is swept once untouched for an hour: make them that old, then start the server.
        const anHourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
        for (const name of leftovers) utimesSync(join(blobDir, name), anHourAgo, anHourAgo);
        server = await startServerProcess(location);
        expect(incomingFiles(blobDir)).toEqual([]);
        await killHard(server.child);
        server = undefined;

        // The same file imported to the end is stored whole and named by its material.
        const content = readFileSync(source);
        const finish = spawnCli(location, "materials:add", ["--workshop", DEMO_WORKSHOP_ID, source]);
        finish.stdout?.resume();
        finish.stderr?.resume();
        expect((await exited(finish, 60_000)).code).toBe(0);
        expect(storedBlobs(blobDir).find((b) => b.name === sha256Of(content))).toEqual({
          name: sha256Of(content),
          verified: true,
        });
        const db = database.open();
        try {
          expect(
            (await listMaterials(db, DEMO_WORKSHOP_ID))
              .filter((m) => m.fileName === "border-briefing.mp4")
              .map((m) => m.sha256),
          ).toEqual([sha256Of(content)]);
        } finally {
          await db.destroy();
        }
        console.log(
          `kill -9 ×${KILLS} during materials:add (${engine}): ${cutMidWrite} cut mid-write, ${completeAtKill} with the file complete at the kill, ${leftovers.length} leftover .incoming-* swept at start, 0 unverified files`,
        );
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
    timeoutForProcessStarts(KILLS + 2),
  );

  it(
    "an attachment upload cut by kill -9 resumes after each restart and ends with the right bytes and one row",
    async () => {
      server = await startServerProcess(location);
      const port = server.port;
      const reply = validReply();
      const posted = await fetch(`${server.url}/api/replies`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ replies: [reply] }),
      });
      expect(posted.status).toBe(200);
      // 1 MB more than is sent over all rounds, within the 20 MB attachment limit.
      const content = new Uint8Array((UPLOAD_KILLS + 1) * MB + 12_345);
      content.set(randomBytes(content.length));
      content.set(new TextEncoder().encode("%PDF-1.4\n"));
      const tus = () => tusClient((server as ServerProcess).url, "DEMO-TO1");
      const { response, location: uploadUrl } = await tus().create(
        reply.id,
        { filename: "seizure-report.pdf", filetype: "application/pdf" },
        content.length,
      );
      expect(response.status).toBe(201);
      const id = uploadUrl.split("/").pop() as string;
      const offsets: number[] = [];

      for (let round = 0; round < UPLOAD_KILLS; round++) {
        const offset = Number((await tus().head(uploadUrl)).headers.get("upload-offset"));
        offsets.push(offset);
        let streamed = 0;
        // A slow link: 64 KB every 10 ms, so the kill lands mid-PATCH.
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            if (offset + streamed >= content.length) return controller.close();
            const chunk = content.subarray(offset + streamed, Math.min(content.length, offset + streamed + 64 * 1024));
            streamed += chunk.length;
            controller.enqueue(chunk);
            await pause(10);
          },
        });
        const init: RequestInit & { duplex: "half" } = {
          method: "PATCH",
          headers: {
            "Tus-Resumable": "1.0.0",
            Authorization: "Invitation DEMO-TO1",
            "Upload-Offset": String(offset),
            "Content-Type": "application/offset+octet-stream",
          },
          body,
          duplex: "half",
        };
        const patch = fetch(new URL(uploadUrl, server.url), init).then(
          (r) => r.status,
          () => "cut",
        );
        const deadline = Date.now() + 30_000;
        while (streamed < MB && Date.now() < deadline) await pause(5);
        await killHard(server.child);
        expect(await patch).toBe("cut");
        server = await startServerProcess(location, port);
      }

      const offset = Number((await tus().head(uploadUrl)).headers.get("upload-offset"));
      offsets.push(offset);
      const last = await tus().patch(uploadUrl, offset, content.subarray(offset));
      expect(last.status).toBe(204);
      expect(last.headers.get("upload-offset")).toBe(String(content.length));
      // The offsets grew: each restart resumed from what had reached the disk.
      expect(offsets.some((o) => o > 0)).toBe(true);

      const listed = await fetch(`${server.url}/api/replies/${reply.id}/attachments`, {
        headers: { Authorization: "Invitation DEMO-TO1" },
      });
      expect(listed.status).toBe(200);
      expect(JSON.stringify(await listed.json())).toContain(id);
      await killHard(server.child);
      server = undefined;
      const db = database.open();
      try {
        const rows = await db
          .selectFrom("attachments")
          .select(["id", "size", "sha256", "stored_path"])
          .where("reply_id", "=", reply.id)
          .execute();
        expect(rows.map((row) => ({ id: row.id, size: Number(row.size), sha256: row.sha256 }))).toEqual([
          { id, size: content.length, sha256: sha256Of(content) },
        ]);
        expect(sha256Of(readFileSync(join(dataDir, "uploads", rows[0].stored_path)))).toBe(sha256Of(content));
      } finally {
        await db.destroy();
      }
      console.log(
        `kill -9 ×${UPLOAD_KILLS} during a tus upload (${engine}): resumed at offsets ${offsets.join(", ")} of ${content.length}; one row, sha-256 matches`,
      );
    },
    timeoutForProcessStarts(KILLS + 2),
  );
});
