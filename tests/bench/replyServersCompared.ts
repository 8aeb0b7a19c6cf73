// Before/after on a busy machine: built servers (e.g. dist-server/cli.js of two commits) take turns serving the same
// fixed number of reply requests, and each turn prints the server's CPU per request, main thread and whole process.
// CPU per request for a fixed amount of work moves far less with the machine's load than replies per second do.
// Usage: npx tsx tests/bench/replyServersCompared.ts old/cli.js new/cli.js
//   COMPARE_BATCH=1|50, COMPARE_REQUESTS (default 5000 single, 800 batches), COMPARE_ROUNDS (4), COMPARE_ENGINE=sqlite|postgres
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { mainThreadCpuMs, processCpuMs, replyRequest, startBuiltServer, withPostgresDatabase } from "./replyBench";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const servers = process.argv.slice(2);
const BATCH = Number(process.env.COMPARE_BATCH ?? 1);
const REQUESTS = Number(process.env.COMPARE_REQUESTS ?? (BATCH === 1 ? 5000 : 800));
const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 4);
const CONNECTIONS = BATCH === 1 ? 10 : 4;
const POSTGRES = process.env.COMPARE_ENGINE === "postgres";

async function turn(serverJs: string, databaseUrl: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "outrigger-compare-"));
  process.env.BENCH_SERVER_JS = serverJs;
  const { url, child } = await startBuiltServer(repoRoot, { DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  try {
    const requests = [replyRequest(BATCH)];
    await autocannon({ url, amount: Math.ceil(REQUESTS / 5), connections: CONNECTIONS, requests });
    const pid = child.pid ?? 0;
    const [main0, all0] = [mainThreadCpuMs(pid), processCpuMs(pid)];
    const result = await autocannon({ url, amount: REQUESTS, connections: CONNECTIONS, requests });
    const [main, all] = [mainThreadCpuMs(pid) - main0, processCpuMs(pid) - all0];
    const answered = result["2xx"] + result.non2xx;
    return (
      `main thread ${(main / answered).toFixed(3)} ms, process ${(all / answered).toFixed(3)} ms CPU per request; ` +
      `${((result["2xx"] * BATCH) / result.duration).toFixed(0)} replies/s; failed ${result.non2xx + result.errors}; ` +
      `load ${loadavg()[0].toFixed(1)}`
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `# ${POSTGRES ? "PostgreSQL" : "SQLite"}, batches of ${BATCH}, ${REQUESTS} requests per turn, ${ROUNDS} rounds`,
);
for (let round = 1; round <= ROUNDS; round++)
  for (const serverJs of servers) {
    const line = POSTGRES ? await withPostgresDatabase((url) => turn(serverJs, url)) : await turn(serverJs, "");
    console.log(`round ${round}  ${serverJs}  ${line ?? "no PostgreSQL"}`);
  }
