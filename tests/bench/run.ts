// `npm run bench`: figures from a real build and a real server, printed for the README. Never pass/fail.
//   1. participant first-load bytes (JS + CSS, gzip) against the 75 KB budget;
//   2. POST /api/replies throughput and latency on loopback (autocannon in this process,
//      the server in a child process), single-reply and 50-reply batches, SQLite.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { validReply } from "../integration/support/replyFixtures";
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from "./firstLoadBytes";
import { benchBlobThroughput, benchMaterialTransfer } from "./materialsBench";
import { benchPacks } from "./packBench";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
/** `npm run bench -- replies` runs only the named parts (first-load, replies, materials, packs); none named: all. */
const PARTS = new Set(process.argv.slice(2));
const wanted = (part: string) => PARTS.size === 0 || PARTS.has(part);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function printFirstLoad(): void {
  const report = measureFirstLoad(join(repoRoot, "dist"));
  console.log("\n## Participant first load (JS + CSS referenced by index.html, gzip -9)");
  for (const f of report.files) console.log(`  ${f.file.padEnd(36)} ${kb(f.rawBytes).padStart(10)} raw ${kb(f.gzipBytes).padStart(10)} gzip`);
  const verdict = report.totalGzipBytes <= FIRST_LOAD_BUDGET_BYTES ? "within" : "OVER";
  console.log(`  total ${kb(report.totalGzipBytes)} gzip — ${verdict} the ${kb(FIRST_LOAD_BUDGET_BYTES)} budget`);
  console.log(`  (service worker, fetched once in the background: ${kb(report.serviceWorkerGzipBytes)} gzip)`);
}

async function startServerProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "src/server/cli.ts"), "start"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Open (http:\/\/[^\s/]+)\//);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`server exited early (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
  });
  child.stdout?.resume();
  return { url, child };
}

async function loadReplies(url: string, batchSize: number, connections: number): Promise<void> {
  // Warm up the server's caches and the JIT before measuring.
  await autocannon({ url, duration: 2, connections, requests: [replyRequest(batchSize)] });
  const result = await autocannon({ url, duration: DURATION_S, connections, requests: [replyRequest(batchSize)] });
  const ok = result["2xx"];
  const repliesPerSecond = (ok * batchSize) / result.duration;
  console.log(
    `  batches of ${String(batchSize).padStart(2)}, ${connections} connections, ${DURATION_S}s: ` +
      `${repliesPerSecond.toFixed(0)} replies/s (${result.requests.average.toFixed(0)} requests/s), ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
}

function replyRequest(batchSize: number): autocannon.Request {
  return {
    method: "POST",
    path: "/api/replies",
    headers: { "content-type": "application/json" },
    // A fresh id for every reply: each one is a real insert, not an idempotent repeat.
    setupRequest: (request) => ({ ...request, body: JSON.stringify({ replies: Array.from({ length: batchSize }, () => validReply()) }) }),
  };
}

async function benchReplies(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "outrigger-bench-"));
  const { url, child } = await startServerProcess(dataDir);
  try {
    console.log(`\n## POST /api/replies on loopback (SQLite, synchronous=FULL, server pid ${child.pid}, autocannon in a second process)`);
    await loadReplies(url, 1, 10);
    await loadReplies(url, 50, 4);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (wanted("first-load")) printFirstLoad();
  if (wanted("replies")) await benchReplies();
  const others = [
    ["materials", benchMaterialTransfer],
    ["materials", benchBlobThroughput],
    ["packs", benchPacks],
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
