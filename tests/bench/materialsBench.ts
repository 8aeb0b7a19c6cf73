// Materials figures: bytes on the wire for a first download and for an update (real build, real server,
// real Chromium through a counting proxy), and blob serving throughput against a plain static server.
import type { Page } from "playwright-core";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launchPhone } from "../support/chromium";
import { startFaultyProxy, type ProxiedRequest } from "../support/faultyProxy";
import { joinByLink } from "../e2e/support/participantFlow";

const WORKSHOP = "fy2223-09-rkc";
const MB = 1024 * 1024;

export interface ChildServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a command and waits for the line announcing its URL (`Open http://…/` or `Listening http://…`). */
export async function startChild(repoRoot: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildServer> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/(?:Open|Listening) (http:\/\/[^\s/]+)/);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited early (${code}): ${out}`)));
    setTimeout(() => reject(new Error(`${args.join(" ")} did not start: ${out}`)), 60_000);
  });
  child.stdout?.resume();
  return {
    url,
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

async function runCli(repoRoot: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "src/server/cli.ts"), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const code = await new Promise((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`cli ${args.join(" ")} failed (${code})`);
}

const wireBytes = (requests: ProxiedRequest[]) =>
  requests.reduce((sum, r) => sum + r.bytesSent + (r.headerBytes ?? 0), 0);
const materialsTraffic = (requests: ProxiedRequest[]) =>
  requests.filter((r) => r.path.startsWith("/api/blobs/") || r.path.startsWith(`/api/workshops/${WORKSHOP}/materials`));

export async function benchMaterialTransfer(repoRoot: string, dataDir: string): Promise<void> {
  // Five files of different sizes beside the demo materials, like a workshop's slide decks and guides.
  const filesDir = join(dataDir, "files");
  mkdirSync(filesDir, { recursive: true });
  const sizes = [0.5, 1, 2, 4, 8].map((n) => Math.round(n * MB));
  const files = sizes.map((size, i) => {
    const path = join(filesDir, `session-${i + 1}-slides.pdf`);
    writeFileSync(path, randomBytes(size));
    return path;
  });
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0", HOST: "127.0.0.1" };
  const server = await startChild(repoRoot, [join(repoRoot, "src/server/cli.ts"), "start"], env);
  await runCli(repoRoot, ["materials:add", "--workshop", WORKSHOP, ...files], env);
  const proxy = await startFaultyProxy(server.url);
  const phone = await launchPhone();
  try {
    const page = phone.context.pages()[0] ?? (await phone.context.newPage());
    await joinByLink(page, proxy.url, "DEMO-TO1");
    const before = proxy.requests.length;
    await page.goto(`${proxy.url}/library/${WORKSHOP}`);
    await page.getByRole("button", { name: /Save all offline/ }).click();
    await waitAllComplete(page);
    const materialCount = await page.evaluate(() => {
      return document.querySelectorAll('[data-testid="material-row"]').length;
    });
    const first = materialsTraffic(proxy.requests.slice(before));
    const needed = await manifestBytesNeeded(server.url);
    const firstWire = wireBytes(first);
    console.log("\n## Materials: bytes on the wire (Chromium, counting proxy; manifest + blobs, headers included)");
    console.log(
      `  first download of ${materialCount} materials: ${firstWire.toLocaleString("en")} bytes for ${needed.toLocaleString("en")} bytes of files → ratio ${(firstWire / needed).toFixed(4)} (target ≤ 1.02)`,
    );

    // Publish a new version of one file (same name), then let the phone catch up.
    const changed = randomBytes(2 * MB);
    writeFileSync(files[2], changed);
    await runCli(repoRoot, ["materials:add", "--workshop", WORKSHOP, files[2]], env);
    const mark = proxy.requests.length;
    await page.reload();
    await page.getByTestId("manifest-changes").waitFor({ timeout: 60_000 });
    await waitAllComplete(page);
    const update = materialsTraffic(proxy.requests.slice(mark));
    const updateWire = wireBytes(update);
    const changedSha = createHash("sha256").update(changed).digest("hex");
    const blobsFetched = update
      .filter((r) => r.path.startsWith("/api/blobs/"))
      .map((r) => r.path.slice("/api/blobs/".length));
    console.log(
      `  update, 1 of ${files.length + 5} files changed (${changed.length.toLocaleString("en")} bytes): ${updateWire.toLocaleString("en")} bytes → ratio ${(updateWire / changed.length).toFixed(4)} of the changed file (target ≤ 1.02); ` +
        `blobs fetched: ${blobsFetched.length} (${blobsFetched.every((s) => s === changedSha) ? "only the changed one" : "UNEXPECTED: " + blobsFetched.join(", ")})`,
    );
  } finally {
    await phone.close();
    await proxy.close();
    await server.stop();
  }
}

async function manifestBytesNeeded(serverUrl: string): Promise<number> {
  const response = await fetch(`${serverUrl}/api/workshops/${WORKSHOP}/materials`, {
    headers: { authorization: "Invitation DEMO-TO1" },
  });
  const manifest = (await response.json()) as { materials: { size: number; sha256: string }[] };
  const unique = new Map(manifest.materials.map((m) => [m.sha256, m.size]));
  return [...unique.values()].reduce((a, b) => a + b, 0);
}

async function waitAllComplete(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('[data-testid="material-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute("data-state") === "complete");
    },
    undefined,
    { timeout: 120_000, polling: 200 },
  );
}

/** 50 MB through /api/blobs and through a plain Node static server, each in its own process. */
export async function benchBlobThroughput(repoRoot: string, dataDir: string): Promise<void> {
  const size = 50 * MB;
  const bytes = randomBytes(size);
  const path = join(dataDir, "fifty-megabytes.webm");
  writeFileSync(path, bytes);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0", HOST: "127.0.0.1" };
  await runCli(repoRoot, ["materials:add", "--workshop", WORKSHOP, path], env);
  const ours = await startChild(repoRoot, [join(repoRoot, "src/server/cli.ts"), "start"], env);
  const plain = await startChild(repoRoot, [join(repoRoot, "tests/bench/plainStaticServer.ts"), dataDir], {});
  try {
    const oursUrl = `${ours.url}/api/blobs/${sha}`;
    const plainUrl = `${plain.url}/fifty-megabytes.webm`;
    const headers = { authorization: "Invitation DEMO-TO1" };
    for (let i = 0; i < 2; i++) {
      await download(oursUrl, headers);
      await download(plainUrl, {});
    }
    const runs = 7;
    const oursTimes: number[] = [];
    const plainTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      oursTimes.push(await download(oursUrl, headers, size));
      plainTimes.push(await download(plainUrl, {}, size));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const mbps = (ms: number) => (size / MB / (ms / 1000)).toFixed(0);
    console.log(`\n## Blob download throughput, 50 MB on loopback (median of ${runs}, each server in its own process)`);
    console.log(
      `  /api/blobs: ${median(oursTimes).toFixed(0)} ms (${mbps(median(oursTimes))} MB/s); plain static server: ${median(plainTimes).toFixed(0)} ms (${mbps(median(plainTimes))} MB/s); ours ÷ plain time ${(median(oursTimes) / median(plainTimes)).toFixed(2)} (target ≤ 1.10)`,
    );
  } finally {
    await ours.stop();
    await plain.stop();
  }
}

async function download(url: string, headers: Record<string, string>, expected?: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) total += chunk.length;
  const elapsed = performance.now() - started;
  if (expected !== undefined && total !== expected) throw new Error(`${url}: got ${total} bytes, expected ${expected}`);
  return elapsed;
}
