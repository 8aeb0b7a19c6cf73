// Debian's Caddy as a local HTTPS reverse proxy (its own internal CA, kept in a temp folder) for the deployment tests.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CADDY_PATH = process.env.CADDY_PATH ?? "caddy";

export function caddyAvailable(): boolean {
  return spawnSync(CADDY_PATH, ["version"], { stdio: "ignore" }).status === 0;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningCaddy {
  /** e.g. https://localhost:8443 */
  origin: string;
  /** base64 SHA-256 of the internal CA certificates' public keys, for Chromium's --ignore-certificate-errors-spki-list. */
  trustedSpkiHashes: string[];
  output(): string;
  stop(): Promise<void>;
}

/** The SPKI fingerprint Chromium compares (base64 of SHA-256 over the DER SubjectPublicKeyInfo). */
export function spkiHash(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("base64");
}

/** The Caddyfile of the test: local_certs (Caddy's own CA), no admin endpoint, no port 80/443, nothing installed system-wide. */
export function testCaddyfile(httpsPort: number, httpPort: number, upstreamPort: number): string {
  return `# Test-only: HTTPS on a high port with Caddy's internal CA, proxying to the built Outrigger server.
{
\tadmin off
\tlocal_certs
\tskip_install_trust
\tauto_https disable_redirects
\thttp_port ${httpPort}
\thttps_port ${httpsPort}
}

https://localhost:${httpsPort} {
\treverse_proxy 127.0.0.1:${upstreamPort}
}
`;
}

/** Starts `caddy run` with HOME/XDG_DATA_HOME in a temp folder and waits until HTTPS answers. */
export async function startCaddy(upstreamPort: number): Promise<RunningCaddy> {
  const home = mkdtempSync(join(tmpdir(), "outrigger-caddy-"));
  const httpsPort = await freePort();
  const httpPort = await freePort();
  const caddyfile = join(home, "Caddyfile");
  writeFileSync(caddyfile, testCaddyfile(httpsPort, httpPort, upstreamPort));
  const child: ChildProcess = spawn(CADDY_PATH, ["run", "--config", caddyfile, "--adapter", "caddyfile"], {
    cwd: home,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_DATA_HOME: join(home, "data"),
      XDG_CONFIG_HOME: join(home, "config"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const caDir = join(home, "data", "caddy", "pki", "authorities", "local");
  const origin = `https://localhost:${httpsPort}`;
  const deadline = Date.now() + 30_000;
  const siteCertificate = join(home, "data", "caddy", "certificates", "local", "localhost", "localhost.crt");
  // Caddy writes its CA and then the site certificate; ready is when both exist and the port answers.
  while (!(
    existsSync(join(caDir, "root.crt")) &&
    existsSync(join(caDir, "intermediate.crt")) &&
    existsSync(siteCertificate) &&
    (await answers(httpsPort))
  )) {
    if (child.exitCode !== null) throw new Error(`caddy exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`caddy did not serve ${origin} within 30 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const trustedSpkiHashes = ["root.crt", "intermediate.crt"].map((name) =>
    spkiHash(readFileSync(join(caDir, name), "utf8")),
  );
  return {
    origin,
    trustedSpkiHashes,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
