// A returning phone starts fetching the store's code (Dexie) from index.html, beside the app's own code, instead of
// after it has run; a first visit does not fetch it before the first question. Counted from Chromium's record of who
// asked for each request, not from timings.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/serve";
import { launchPhone, type PhoneProfile } from "../support/chromium";
import { waitForOfflineReady } from "./support/participantFlow";

let server: RunningServer;
let dataDir: string;
let phone: PhoneProfile | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "outrigger-store-preload-"));
  server = await startServer({ port: 0, dataDir, quiet: true });
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Opens a page; returns the store chunk index.html preloaded (if it did) and every fetch of that chunk the page made
 * (resource timing lists each one: a preload the app's import could not use would show a second).
 */
async function storeChunkFetches(page: Page, url: string): Promise<{ preloaded?: string; fetched: string[] }> {
  await page.goto(url);
  await page.getByRole("heading", { name: "About you" }).waitFor();
  // A first visit loads the chunk after the first question, when it stores the join.
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /\/store-/.test(e.name)));
  return page.evaluate(() => ({
    preloaded: document.querySelector<HTMLLinkElement>("link#store-preload")?.href,
    fetched: performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((name) => /\/assets\/store-[^/]+\.js$/.test(name)),
  }));
}

it("fetches the store's code from index.html only on a phone that has its database, and only once", async () => {
  phone = await launchPhone();
  const first = phone.context.pages()[0] ?? (await phone.context.newPage());
  const firstVisit = await storeChunkFetches(first, `${server.url}/join/DEMO-FJ3`);
  expect(firstVisit.preloaded, "a first visit does not preload it").toBeUndefined();
  await waitForOfflineReady(first);
  await first.close();

  const returning = await storeChunkFetches(await phone.context.newPage(), `${server.url}/survey/DEMO-FJ3`);
  expect(returning.preloaded, "a returning phone preloads it").toMatch(/\/assets\/store-[^/]+\.js$/);
  expect(returning.fetched, "and fetches it once: the app's import uses the preload").toEqual([returning.preloaded]);
});
