// The real server for a browser test: its own temporary data folder, optionally a private copy of the build,
// the faulty proxy (tests/support/faultyProxy.ts) in front and phones, set up once per file and all closed after it.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type RunningServer, type StartServerOptions } from "../../../src/server/serve";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { PhoneOptions } from "../../support/chromium";
import { startFaultyProxy, type FaultyProxy } from "../../support/faultyProxy";
import { openPhone, phoneRack, type Phone, type PhoneRack } from "./phones";

const BUILT_APP = fileURLToPath(new URL("../../../dist", import.meta.url));

export interface AppServerOptions extends Omit<StartServerOptions, "port" | "dataDir" | "staticDir" | "quiet"> {
  /** Serve a private copy of dist/ (at `staticDir`), so the test may publish a "new version" without touching the real build. */
  copyOfBuild?: boolean;
}

export interface AppServer {
  server: RunningServer;
  /** A temporary folder for files the test writes; the server's data lives in `<workDir>/data`. */
  workDir: string;
  /** The build the server serves: the copy with `copyOfBuild`, else the repository's dist/. */
  staticDir: string;
  close(): Promise<void>;
}

export async function startAppServer({ copyOfBuild = false, ...options }: AppServerOptions = {}): Promise<AppServer> {
  const workDir = mkdtempSync(join(tmpdir(), "outrigger-e2e-"));
  const staticDir = copyOfBuild ? join(workDir, "dist") : BUILT_APP;
  if (copyOfBuild) cpSync(BUILT_APP, staticDir, { recursive: true });
  const server = await startServer({ ...options, port: 0, dataDir: join(workDir, "data"), staticDir, quiet: true });
  return {
    server,
    workDir,
    staticDir,
    async close() {
      await server.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export interface AppForThisFileOptions extends AppServerOptions {
  /** Put the faulty proxy in front of the server (`proxy`, and `url` is the proxy's). */
  behindProxy?: boolean;
  /** Open one phone for the whole file (`phone`), with these options. */
  phone?: PhoneOptions;
  /** When the phones from `phones.open()` are closed: after each test (default) or after the whole file. */
  closePhones?: "afterEach" | "afterAll";
}

export interface AppForThisFile {
  server: RunningServer;
  workDir: string;
  staticDir: string;
  /** What a phone opens: the proxy's URL behind a proxy, else the server's. */
  url: string;
  /** Only with `behindProxy`. */
  proxy: FaultyProxy;
  /** Only with `phone`: the one phone the file's tests share. */
  phone: Phone;
  /** Phones a test opens for itself; closed for it (see `closePhones`). */
  phones: PhoneRack;
}

/**
 * One server for a whole test file, started before its tests and closed (with every phone) after them.
 * The returned object is filled in by the file's beforeAll, so read its fields inside tests and hooks only.
 */
export function appForThisFile({
  behindProxy = false,
  phone: phoneOptions,
  closePhones = "afterEach",
  ...options
}: AppForThisFileOptions = {}): AppForThisFile {
  let app: AppServer | undefined;
  let proxy: FaultyProxy | undefined;
  let phone: Phone | undefined;
  const phones = phoneRack();
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`appForThisFile: no ${what} (not asked for, or read before beforeAll ran)`);
    return value;
  };
  beforeAll(async () => {
    app = await startAppServer(options);
    if (behindProxy) proxy = await startFaultyProxy(app.server.url);
    if (phoneOptions) phone = await openPhone(phoneOptions);
  });
  if (closePhones === "afterEach") afterEach(() => phones.closeAll());
  afterAll(async () => {
    await phones.closeAll();
    await phone?.close();
    await proxy?.close();
    await app?.close();
  });
  return {
    get server() {
      return ready(app, "server").server;
    },
    get workDir() {
      return ready(app, "server").workDir;
    },
    get staticDir() {
      return ready(app, "server").staticDir;
    },
    get url() {
      return proxy?.url ?? ready(app, "server").server.url;
    },
    get proxy() {
      return ready(proxy, "proxy");
    },
    get phone() {
      return ready(phone, "phone");
    },
    phones,
  };
}
