// First contact over a satellite link (300 ms per request, 50 kB/s, tests/support/slowLinkProxy.ts): the app says
// when it is safe to go offline, and once it says so, a reopened offline page works. Functional, never timed:
// the waits are generous and nothing asserts how long a step took.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SATELLITE_LINK, startSlowLinkProxy, type SlowLinkProxy } from "../support/slowLinkProxy";
import { startAppServer, type AppServer } from "./support/appServer";
import { DEMO_WORKSHOP } from "./support/materials";
import { openPhone, type Phone } from "./support/phones";

const SLOW_LINK_WAIT_MS = 110_000;

let app: AppServer;
let proxy: SlowLinkProxy;
let phone: Phone | undefined;

beforeAll(async () => {
  app = await startAppServer();
  proxy = await startSlowLinkProxy(app.server.url, SATELLITE_LINK);
});

afterAll(async () => {
  await phone?.close();
  await proxy?.close();
  await app?.close();
});

/** Every wording the readiness line takes, in order, kept by the page itself from its very first render. */
async function recordReadinessWordings(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { readinessWordings: string[] }).readinessWordings = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="offline-readiness"]')?.textContent?.trim() ?? "";
      if (text !== "" && text !== seen[seen.length - 1]) seen.push(text);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

const readinessWordings = (page: Page) =>
  page.evaluate(() => (window as unknown as { readinessWordings: string[] }).readinessWordings);

it(
  "over a satellite link says 'Ready to use offline' only once the app is stored, and then the questionnaire " +
    "and the materials list open with no network",
  async () => {
    phone = await openPhone();
    const { page, context } = phone;
    await recordReadinessWordings(page);

    await page.goto(`${proxy.url}/join/DEMO-TO1`, { timeout: SLOW_LINK_WAIT_MS });
    await page.getByRole("heading", { name: "About you" }).waitFor({ timeout: SLOW_LINK_WAIT_MS });
    const readiness = page.getByRole("status").filter({ hasText: /offline use|Ready to use offline/ });
    await readiness.filter({ hasText: "Ready to use offline" }).waitFor({ timeout: SLOW_LINK_WAIT_MS });

    // Said only after the service worker had stored the shell, and after the in-progress wording came first.
    const wordings = await readinessWordings(page);
    expect(wordings[0]).toMatch(/^Keep this page open — getting ready for offline use, \d{1,2}%$/);
    expect(wordings.at(-1)).toBe("Ready to use offline ✓");
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active))).toBe(
      true,
    );

    // The link is gone: the browser is offline and the proxy no longer answers at all.
    await context.setOffline(true);
    await proxy.close();

    await page.reload();
    await page.getByRole("heading", { name: "About you" }).waitFor();
    // A page the worker already controls never flashes "getting ready, 0%" while the phone's data is being read.
    await readiness.filter({ hasText: "Ready to use offline" }).waitFor();
    expect(await readinessWordings(page)).toEqual(["Ready to use offline ✓"]);
    await page.getByRole("button", { name: /^(Next|Review)$/ }).click();
    await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
    await page.getByLabel(/Shared or circulated the training materials/).check();
    await expect.poll(() => page.getByLabel(/Shared or circulated the training materials/).isChecked()).toBe(true);

    await page.goto(`${new URL(page.url()).origin}/library/${DEMO_WORKSHOP}`);
    await expect
      .poll(() => page.getByTestId("material-row").count(), { timeout: 30_000, interval: 250 })
      .toBeGreaterThan(0);
    await page.getByText("The Revised Kyoto Convention at a glance").first().waitFor();
  },
  240_000,
);
