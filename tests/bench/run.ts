// `npm run bench`: figures from a real build and a real server, printed for the README. Never pass/fail.
//   1. participant first-load bytes (JS + CSS, gzip) against their budget (firstLoadBytes.ts);
//   2. POST /api/replies throughput and latency (tests/bench/replyBench.ts);
//   3. materials transfer and blob throughput; 4. packs; 5. offline cold start against a bare yardstick;
//   6. first contact on a satellite link (tests/bench/firstContactBench.ts).
// Each run starts with the commit, date and machine.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from "./firstLoadBytes";
import { benchColdStart } from "./coldStartBench";
import { benchFirstContact } from "./firstContactBench";
import { benchBlobThroughput, benchMaterialTransfer } from "./materialsBench";
import { benchPacks } from "./packBench";
import { benchReplies } from "./replyBench";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** `npm run bench -- replies` runs only the named parts (first-load, replies, materials, packs, cold-start, first-contact); none named: all. */
const PARTS = new Set(process.argv.slice(2));
const wanted = (part: string) => PARTS.size === 0 || PARTS.has(part);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function printFirstLoad(): void {
  const report = measureFirstLoad(join(repoRoot, "dist"));
  console.log("\n## Participant first load (JS + CSS referenced by index.html, gzip -9)");
  for (const f of report.files)
    console.log(`  ${f.file.padEnd(36)} ${kb(f.rawBytes).padStart(10)} raw ${kb(f.gzipBytes).padStart(10)} gzip`);
  const verdict = report.totalGzipBytes <= FIRST_LOAD_BUDGET_BYTES ? "within" : "OVER";
  console.log(`  total ${kb(report.totalGzipBytes)} gzip — ${verdict} the ${kb(FIRST_LOAD_BUDGET_BYTES)} budget`);
  console.log(`  (service worker, fetched once in the background: ${kb(report.serviceWorkerGzipBytes)} gzip)`);
}

function printRunHeader(): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" }).trim();
  const dirty = git("status", "--porcelain", "--untracked-files=no") === "" ? "" : " (with uncommitted changes)";
  console.log(`# Outrigger bench — commit ${git("rev-parse", "--short", "HEAD")}${dirty}, ${new Date().toISOString()}`);
  console.log(
    `# ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

async function main(): Promise<void> {
  printRunHeader();
  if (wanted("first-load")) printFirstLoad();
  if (wanted("replies")) await benchReplies(repoRoot);
  const others = [
    ["materials", benchMaterialTransfer],
    ["materials", benchBlobThroughput],
    ["packs", benchPacks],
    ["cold-start", benchColdStart],
    ["first-contact", benchFirstContact],
  ] as const;
  for (const [part, bench] of others) {
    if (!wanted(part)) continue;
    const dir = mkdtempSync(join(tmpdir(), "outrigger-bench-"));
    try {
      await bench(repoRoot, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
