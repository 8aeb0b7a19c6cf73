// Pack figures: export (files on disk → pack file) and import (pack file → every SHA-256 checked into a
// hashing store) of a 200 MB pack, each run in its own Node process so its peak memory is its own.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, openSync, closeSync, writeSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { sha256Hex, type Material } from "../../src/shared/materials";
import { WORKSHOP } from "../fixtures/packSupport";

const MB = 1024 * 1024;
const RUNS = 3;

interface Peak {
  rss: number;
  heapUsed: number;
  arrayBuffers: number;
}
interface PhaseReport {
  ms: number;
  peak: Peak;
}

function probe(repoRoot: string, args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(repoRoot, "tests/fixtures/packMemoryProbe.ts"), ...args],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      try {
        const report = JSON.parse(out.trim().split("\n").at(-1) ?? "") as Record<string, unknown>;
        if (report.ok !== true) throw new Error(String(report.error));
        resolve(report);
      } catch (error) {
        reject(
          new Error(
            `pack probe ${args[0]} failed (${code}): ${error instanceof Error ? error.message : String(error)} ${out}`,
          ),
        );
      }
    });
  });
}

/** Writes `size` random bytes in 4 MB pieces, hashing as it goes. */
function writeRandomFile(path: string, size: number): string {
  const hash = createHash("sha256");
  const fd = openSync(path, "w");
  try {
    for (let done = 0; done < size;) {
      const piece = randomBytes(Math.min(4 * MB, size - done));
      hash.update(piece);
      writeSync(fd, piece);
      done += piece.length;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number): string => (bytes / MB).toFixed(1);

function line(label: string, runs: PhaseReport[], bytes: number): string {
  const ms = median(runs.map((r) => r.ms));
  const peak = (key: keyof Peak) => Math.max(...runs.map((r) => r.peak[key]));
  return `  ${label}: ${ms.toFixed(0)} ms (${(bytes / MB / (ms / 1000)).toFixed(0)} MB/s); peak rss ${mb(peak("rss"))} MB, heapUsed ${mb(peak("heapUsed"))} MB, array buffers ${mb(peak("arrayBuffers"))} MB`;
}

export async function benchPacks(repoRoot: string, dir: string): Promise<void> {
  // A workshop's worth: one long video, two recordings, slide decks and guides.
  const sizes: Array<[string, string, number]> = [
    ["Opening session recording", "opening.mp4", 80 * MB],
    ["Border walk-through", "walk.mp4", 50 * MB],
    ["Risk management panel", "panel.mp4", 40 * MB],
    ["RKC guidelines", "guidelines.pdf", 16 * MB],
    ["Session slides", "slides.pdf", 10 * MB],
    ["Exercises", "exercises.pdf", 4 * MB],
  ];
  const filesDir = join(dir, "files");
  mkdirSync(filesDir, { recursive: true });
  const listed = sizes.map(([title, fileName, size], i) => {
    const path = join(filesDir, fileName);
    const sha256 = sha256Hex.parse(writeRandomFile(path, size));
    const material: Material = {
      id: `bench-${i + 1}`,
      workshopId: WORKSHOP.id,
      title,
      description: "",
      kind: fileName.endsWith(".mp4") ? "video" : "document",
      language: "en",
      fileName,
      contentType: fileName.endsWith(".mp4") ? "video/mp4" : "application/pdf",
      size,
      sha256,
      updatedAt: "2023-03-14T09:00:00.000Z",
    };
    return { material, path };
  });
  const total = sizes.reduce((s, [, , size]) => s + size, 0);
  const listPath = join(dir, "materials.json");
  writeFileSync(listPath, JSON.stringify(listed));
  const packPath = join(dir, "pack.zip");

  const exports: PhaseReport[] = [];
  const imports: PhaseReport[] = [];
  let packBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    rmSync(packPath, { force: true });
    const exported = (await probe(repoRoot, ["export", listPath, packPath])).export as PhaseReport & {
      packBytes: number;
    };
    exports.push(exported);
    packBytes = exported.packBytes;
    const imported = (await probe(repoRoot, ["import", packPath])).import as PhaseReport & {
      imported: number;
      refused: number;
    };
    if (imported.imported !== sizes.length || imported.refused !== 0)
      throw new Error(`pack import: ${JSON.stringify(imported)}`);
    imports.push(imported);
  }
  console.log(
    `\n## Packs: ${mb(total)} MB in ${sizes.length} files (pack ${packBytes.toLocaleString("en")} bytes), local disk, each operation in its own Node process (median of ${RUNS}; peaks are the highest)`,
  );
  console.log(line("export, files → pack (hashed, stored uncompressed)", exports, total));
  console.log(line("import, pack → store (every SHA-256 checked)", imports, total));
}
