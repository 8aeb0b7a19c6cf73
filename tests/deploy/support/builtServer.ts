// Starts the production bundle (`node dist-server/cli.js start`) as a child process, the way a deployment runs it.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const BUILT_CLI = join(REPO_ROOT, "dist-server", "cli.js");

export function builtAppExists(): boolean {
  return existsSync(BUILT_CLI) && existsSync(join(REPO_ROOT, "dist", "sw.js"));
}

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** Resolves once the server prints where to open it; PORT=0 picks a free port. */
export function startBuiltServer(dataDir: string, env: Record<string, string> = {}): Promise<BuiltServer> {
  const child = spawn(process.execPath, [BUILT_CLI, "start"], {
    cwd: tmpdir(),
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      NODE_OPTIONS: "",
      SMTP_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:(\d+))\/[\s\S]*Press Ctrl\+C/.exec(output);
      if (match) resolve({ child, url: match[1], port: Number(match[2]), output: () => output, stop });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`The built server exited (${code}) before listening:\n${output}`)));
  });
}
