// The real server and CLI as child processes (node --import tsx), so a test can kill -9 them and start them again.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = join(REPO_ROOT, "src", "server", "cli.ts");
const START_TIMEOUT_MS = 60_000;

/**
 * The time limit for a test that starts `starts` node processes (the server or the CLI, killed and started again).
 * Each first compiles TypeScript (tsx): a couple of seconds on an idle machine, up to START_TIMEOUT_MS on a busy one,
 * where fixed limits (30 s, or 60 s + 20 s a round) ran out. So: the start limit for every process it starts.
 */
export function timeoutForProcessStarts(starts: number): number {
  return starts * START_TIMEOUT_MS;
}

export interface DataLocation {
  dataDir: string;
  /** postgres://… for PostgreSQL; undefined for the SQLite file in dataDir. */
  databaseUrl?: string;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
}

function envFor({ dataDir, databaseUrl }: DataLocation, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    LOG_REQUESTS: "",
    ...extra,
  };
}

/** Runs `cli.ts <command> …args` as a child process (not awaited). */
export function spawnCli(
  location: DataLocation,
  command: string,
  args: string[] = [],
  extraEnv: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", CLI, command, ...args], {
    cwd: REPO_ROOT,
    env: envFor(location, extraEnv),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Starts `cli.ts start` and waits until it listens; port 0 picks a free one (pass the old port to restart in place). */
export async function startServerProcess(location: DataLocation, port = 0): Promise<ServerProcess> {
  const child = spawnCli(location, "start", [], { PORT: String(port) });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms: ${out}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      const match = out.match(/Open (http:\/\/127\.0\.0\.1:\d+)\//);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (${code ?? signal}): ${out}`));
    });
  });
  return { url, port: Number(new URL(url).port), child, output: () => out };
}

/** Waits for a child to end (bounded). */
export function exited(
  child: ChildProcess,
  timeoutMs = 30_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

/** kill -9: no handler runs, nothing is flushed or closed. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await exited(child);
}
