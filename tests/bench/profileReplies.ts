// Profiles the built server under reply load: starts dist-server/cli.js with --cpu-prof, posts replies with autocannon,
// stops it with SIGTERM (the profile is written on exit) and prints the summary. Usage: npx tsx tests/bench/profileReplies.ts [batchSize] [seconds]
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { validReply } from "../integration/support/replyFixtures";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const batchSize = Number(process.argv[2] ?? 1);
const seconds = Number(process.argv[3] ?? 10);
const profileDir = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), "outrigger-prof-"));
const dataDir = mkdtempSync(join(tmpdir(), "outrigger-prof-data-"));

const child = spawn(
  process.execPath,
  ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, join(repoRoot, "dist-server/cli.js"), "start"],
  {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: process.env.PROFILE_DATABASE_URL ?? "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
const url = await new Promise<string>((resolve) => {
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const match = /Open (http:\/\/[^\s/]+)\//.exec(out);
    if (match) resolve(match[1]);
  });
});
child.stdout?.resume();
const result = await autocannon({
  url,
  duration: seconds,
  connections: batchSize === 1 ? 10 : 4,
  requests: [
    {
      method: "POST",
      path: "/api/replies",
      headers: { "content-type": "application/json" },
      setupRequest: (r) => ({
        ...r,
        body: JSON.stringify({ replies: Array.from({ length: batchSize }, () => validReply()) }),
      }),
    },
  ],
});
console.log(
  `${result["2xx"]} ok, ${result.non2xx} non-2xx, ${((result["2xx"] * batchSize) / result.duration).toFixed(0)} replies/s, p99 ${result.latency.p99} ms`,
);
child.kill("SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });
const profile = readdirSync(profileDir)
  .filter((f) => f.endsWith(".cpuprofile"))
  .sort()
  .pop();
console.log(`profile: ${join(profileDir, profile ?? "(none)")}`);
