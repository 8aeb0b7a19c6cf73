// HTTPS deployment: Caddy (internal CA) in front of the built server with TRUST_PROXY=1, driven by a real Chromium.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/shared/console";
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from "../support/chromium";
import { waitForOfflineReady } from "../e2e/support/participantFlow";
import { caddyAvailable, startCaddy, type RunningCaddy } from "./support/caddy";
import { builtAppExists, startBuiltServer, type BuiltServer } from "./support/builtServer";

const missing = !caddyAvailable()
  ? "caddy is not installed (apt-get install caddy; .ci/run does this)"
  : !chromiumAvailable()
    ? `Chromium is not at ${CHROMIUM_PATH}`
    : !builtAppExists()
      ? "the app is not built (npm run build)"
      : undefined;
if (missing) console.warn(`[deploy] HTTPS deployment test skipped: ${missing}.`);

describe.skipIf(missing !== undefined)("behind Caddy over HTTPS", () => {
  let dataDir: string;
  let profileDir: string;
  let server: BuiltServer;
  let caddy: RunningCaddy;
  let context: BrowserContext;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "outrigger-https-data-"));
    profileDir = mkdtempSync(join(tmpdir(), "outrigger-https-profile-"));
    server = await startBuiltServer(dataDir, { TRUST_PROXY: "1" });
    caddy = await startCaddy(server.port);
    // Trusting Caddy's CA by its key makes the origin secure for Chromium: service workers register only then.
    // (Checked: with the context option ignoreHTTPSErrors instead, the page loads but no service worker ever controls it.)
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${caddy.trustedSpkiHashes.join(",")}`],
      viewport: { width: 360, height: 640 },
    });
  });

  afterAll(async () => {
    await context?.close();
    await caddy?.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  it("installs the service worker, which then serves the participant page with the network off", async () => {
    const page = await context.newPage();
    await page.goto(`${caddy.origin}/join/DEMO-FJ3`);
    await page.getByRole("heading", { name: "About you" }).waitFor();
    await waitForOfflineReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${caddy.origin}/sw.js`);

    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole("heading", { name: "About you" }).waitFor();
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      // The invitation's pre-filled answers come from IndexedDB, not the network.
      await expect.poll(() => page.getByLabel("Your name").inputValue()).toBe("Mereani Tuilau");
    } finally {
      await context.setOffline(false);
    }
  });

  it("sets the console session cookie with Secure when the organiser finishes setup over HTTPS", async () => {
    const token = /\/console\/setup\?token=(\S+)/.exec(server.output())?.[1];
    expect(token).toBeTruthy();
    const page = await context.newPage();
    await page.goto(`${caddy.origin}/console/setup?token=${token}`);
    await page.getByLabel("Your name").fill("Ana Program Manager");
    await page.getByLabel("E-mail address").fill("ana@example.org");
    await page.getByLabel(/^Password/).fill("tide tables for the Nukualofa wharf");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Workshops", exact: true }).waitFor();
    const cookies = await context.cookies(caddy.origin);
    const session = cookies.find((c) => c.name === SESSION_COOKIE);
    expect(session, JSON.stringify(cookies)).toMatchObject({ secure: true, domain: "localhost" });
  });
});
