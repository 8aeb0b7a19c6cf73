// Reply intake under load: the built server in one process, autocannon in this one; three runs per case with their spread,
// the server's and the load generator's CPU use and the machine's load beside each figure, on SQLite and PostgreSQL.
// BENCH_BATCHES=1,50 and BENCH_ENGINES=sqlite,postgres pick the parts to run; BENCH_SERVER_JS names another built server
// (e.g. a copy of dist-server/cli.js from an older commit) for before/after comparisons run in turn.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { validReply } from "../integration/support/replyFixtures";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const listed = (value: string | undefined) => (value ? new Set(value.split(",").map((v) => v.trim())) : undefined);
const BATCHES = listed(process.env.BENCH_BATCHES);
const ENGINES = listed(process.env.BENCH_ENGINES);

interface Case {
  batchSize: number;
  connections: number;
  /** What issue 12 asks of this case. */
  target: { repliesPerSecond: number; p99Ms?: number };
}

const CASES: Case[] = [
  { batchSize: 1, connections: 10, target: { repliesPerSecond: 1000, p99Ms: 50 } },
  { batchSize: 50, connections: 4, target: { repliesPerSecond: 10_000 } },
].filter((c) => !BATCHES || BATCHES.has(String(c.batchSize)));

interface RunFigures {
  repliesPerSecond: number;
  p50: number;
  p99: number;
  /** Share of one core the server process used during the run. */
  serverCpu: number;
  cpuMsPerRequest: number;
  /** The server's main thread alone (HTTP, checks, hashing): the thread that bounds the rate; the rest is the commit thread. */
  mainThreadCpuMsPerRequest: number;
  /** Share of one core this process (autocannon) used: on two cores it competes with the server. */
  loadGeneratorCpu: number;
  failures: number;
  load1: number;
}

/** utime + stime of a process, in milliseconds (Linux /proc; the bench runs on the project's Debian machines). */
export function processCpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/stat`);
}

/** utime + stime of a process's main thread alone, in milliseconds. */
export function mainThreadCpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

function statCpuMs(statFile: string): number {
  const fields = readFileSync(statFile, "utf8").split(") ")[1].split(" ");
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

export async function startBuiltServer(
  repoRoot: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const serverJs = process.env.BENCH_SERVER_JS ?? join(repoRoot, "dist-server/cli.js");
  const child = spawn(process.execPath, [serverJs, "start"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Open (http:\/\/[^\s/]+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited early (${code}): ${out}`)));
  });
  child.stdout?.resume();
  return { url, child };
}

export function replyRequest(batchSize: number): autocannon.Request {
  return {
    method: "POST",
    path: "/api/replies",
    headers: { "content-type": "application/json" },
    // A fresh id for every reply: each one is a real insert, not an idempotent repeat.
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({ replies: Array.from({ length: batchSize }, () => validReply()) }),
    }),
  };
}

async function measure(url: string, pid: number, { batchSize, connections }: Case): Promise<RunFigures> {
  const cpuBefore = processCpuMs(pid);
  const mainBefore = mainThreadCpuMs(pid);
  const ownBefore = process.cpuUsage();
  const result = await autocannon({ url, duration: SECONDS, connections, requests: [replyRequest(batchSize)] });
  const cpuMs = processCpuMs(pid) - cpuBefore;
  const mainMs = mainThreadCpuMs(pid) - mainBefore;
  const own = process.cpuUsage(ownBefore);
  const requests = result["2xx"] + result.non2xx;
  return {
    repliesPerSecond: (result["2xx"] * batchSize) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    serverCpu: cpuMs / (result.duration * 1000),
    cpuMsPerRequest: requests > 0 ? cpuMs / requests : 0,
    mainThreadCpuMsPerRequest: requests > 0 ? mainMs / requests : 0,
    loadGeneratorCpu: (own.user + own.system) / 1000 / (result.duration * 1000),
    failures: result.non2xx + result.errors + result.timeouts,
    load1: loadavg()[0],
  };
}

const spread = (values: number[], digits = 0) => {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${median.toFixed(digits)} (${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)})`;
};

function printCase(engine: string, benchCase: Case, runs: RunFigures[]): void {
  const { batchSize, connections, target } = benchCase;
  const medianOf = (pick: (r: RunFigures) => number) =>
    [...runs.map(pick)].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const metRate = medianOf((r) => r.repliesPerSecond) >= target.repliesPerSecond;
  const metP99 = target.p99Ms === undefined || medianOf((r) => r.p99) <= target.p99Ms;
  const targetText = `target ≥ ${target.repliesPerSecond} replies/s${target.p99Ms ? `, p99 ≤ ${target.p99Ms} ms` : ""}: ${metRate && metP99 ? "met" : "NOT met"}`;
  console.log(
    `  ${engine}, batches of ${batchSize}, ${connections} connections, ${RUNS} × ${SECONDS} s — median (min–max); ${targetText}`,
  );
  console.log(
    `    replies/s ${spread(runs.map((r) => r.repliesPerSecond))}   p50 ${spread(runs.map((r) => r.p50))} ms   p99 ${spread(runs.map((r) => r.p99))} ms`,
  );
  console.log(
    `    server CPU ${spread(runs.map((r) => r.serverCpu * 100))}% of a core, ${spread(
      runs.map((r) => r.cpuMsPerRequest),
      2,
    )} ms CPU per request (main thread ${spread(
      runs.map((r) => r.mainThreadCpuMsPerRequest),
      2,
    )}); load generator ${spread(runs.map((r) => r.loadGeneratorCpu * 100))}% of a core;` +
      ` machine load ${spread(
        runs.map((r) => r.load1),
        1,
      )} on ${cpus().length} cores; failed requests ${runs.reduce((n, r) => n + r.failures, 0)}`,
  );
}

/** A database of its own on the local PostgreSQL for one bench, dropped afterwards. */
export async function withPostgresDatabase<T>(work: (url: string) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    console.log(`  PostgreSQL at ${POSTGRES_URL} is not reachable: no PostgreSQL figures.`);
    return undefined;
  }
  const name = `outrigger_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function benchEngine(
  repoRoot: string,
  engine: "SQLite (synchronous=FULL)" | "PostgreSQL",
  databaseUrl?: string,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "outrigger-bench-"));
  const { url, child } = await startBuiltServer(repoRoot, { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? "" });
  try {
    for (const benchCase of CASES) {
      // Warm up the JIT, the statement caches and the connection pool before measuring.
      await autocannon({
        url,
        duration: 2,
        connections: benchCase.connections,
        requests: [replyRequest(benchCase.batchSize)],
      });
      const runs: RunFigures[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await measure(url, child.pid ?? 0, benchCase));
      printCase(engine, benchCase, runs);
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchReplies(repoRoot: string): Promise<void> {
  console.log(`\n## POST /api/replies on loopback (built server, one process; autocannon in the bench process)`);
  if (process.env.BENCH_SERVER_JS) console.log(`  server: ${process.env.BENCH_SERVER_JS}`);
  if (!ENGINES || ENGINES.has("sqlite")) await benchEngine(repoRoot, "SQLite (synchronous=FULL)");
  if (!ENGINES || ENGINES.has("postgres"))
    await withPostgresDatabase((url) => benchEngine(repoRoot, "PostgreSQL", url));
}
