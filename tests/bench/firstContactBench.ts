// First contact on a satellite link (300 ms per request, 50 kB/s shared): a fresh phone opens an invitation link
// through the slow-link proxy; printed are the time to the first question, the time until the phone is ready to
// go offline, and the bytes and requests until then. Figures, never pass/fail.
//
// "Ready" is judged the same way whatever the build, so an older build can be measured too
// (FIRST_CONTACT_DIST=/path/to/dist): a service worker is active (its precache complete) and IndexedDB holds the
// workshop's questionnaire and materials list. Where the app shows its own "Ready to use offline", that moment
// is printed as well.
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startServer } from "../../src/server/serve";
import { launchPhone } from "../support/chromium";
import { SATELLITE_LINK, startSlowLinkProxy } from "../support/slowLinkProxy";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const INVITATION = "DEMO-TO1";
const GIVE_UP_AFTER_MS = 180_000;
/** FIRST_CONTACT_REQUESTS=1 lists each request until ready (start, end, bytes, path): where the time goes. */
const LIST_REQUESTS = process.env.FIRST_CONTACT_REQUESTS === "1";

interface FirstContact {
  firstQuestionMs: number;
  readyMs: number;
  shownReadyMs?: number;
  bytesUntilReady: number;
  requestsUntilReady: number;
}

/** Runs in the page: the service worker installed and the joined workshop's questionnaire and manifest stored. */
async function storedForOffline(): Promise<boolean> {
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration?.active) return false;
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("outrigger");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    if (!database.objectStoreNames.contains("manifests")) return false;
    // No named inner functions: tsx would wrap them in a helper the page does not have.
    for (const table of ["questionnaires", "manifests"]) {
      const rows = await new Promise<number>((resolve, reject) => {
        const request = database.transaction(table).objectStore(table).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      if (rows === 0) return false;
    }
    return true;
  } finally {
    database.close();
  }
}

async function waitUntil(what: string, check: () => Promise<boolean>): Promise<number> {
  const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
  while (Date.now() < giveUpAt) {
    if (await check()) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`first contact: ${what} not reached within ${GIVE_UP_AFTER_MS / 1000} s`);
}

async function oneFirstContact(staticDir: string, workDir: string, run: number): Promise<FirstContact> {
  const server = await startServer({
    port: 0,
    dataDir: mkdtempSync(join(workDir, `data-${run}-`)),
    quiet: true,
    staticDir,
  });
  const proxy = await startSlowLinkProxy(server.url, SATELLITE_LINK);
  const phone = await launchPhone();
  try {
    const page: Page = phone.context.pages()[0] ?? (await phone.context.newPage());
    const startedAt = Date.now();
    void page.goto(`${proxy.url}/join/${INVITATION}`).catch(() => undefined);
    const questionAt = await waitUntil("the first question", () =>
      page
        .locator("[data-question]")
        .first()
        .isVisible()
        .catch(() => false),
    );
    let shownReadyAt: number | undefined;
    const readyAt = await waitUntil("offline readiness", async () => {
      if (
        shownReadyAt === undefined &&
        (await page
          .getByText("Ready to use offline")
          .isVisible()
          .catch(() => false))
      )
        shownReadyAt = Date.now();
      return page.evaluate(storedForOffline).catch(() => false);
    });
    // An app that says so itself may say it a moment after the facts are stored: wait a little for it.
    if (shownReadyAt === undefined)
      shownReadyAt = await page
        .getByText("Ready to use offline")
        .waitFor({ timeout: 10_000 })
        .then(
          () => Date.now(),
          () => undefined,
        );
    const untilReady = proxy.requests.filter((r) => r.startedAt <= readyAt);
    if (LIST_REQUESTS)
      for (const r of untilReady)
        console.log(
          `    ${String(r.startedAt - startedAt).padStart(6)} ms → ${String((r.finishedAt ?? readyAt) - startedAt).padStart(6)} ms ` +
            `${String(r.bytes).padStart(7)} B ${r.status ?? "…"} ${r.method} ${r.path}`,
        );
    return {
      firstQuestionMs: questionAt - startedAt,
      readyMs: readyAt - startedAt,
      shownReadyMs: shownReadyAt === undefined ? undefined : shownReadyAt - startedAt,
      bytesUntilReady: untilReady.reduce((sum, r) => sum + r.bytes, 0),
      requestsUntilReady: untilReady.length,
    };
  } finally {
    await phone.close();
    await proxy.close();
    await server.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function spread(values: number[], show: (value: number) => string): string {
  return `${show(median(values))} (${show(Math.min(...values))}–${show(Math.max(...values))})`;
}

export async function benchFirstContact(repoRoot: string, workDir: string): Promise<void> {
  const staticDir = process.env.FIRST_CONTACT_DIST ?? join(repoRoot, "dist");
  console.log(
    `\n## First contact on a satellite link (${SATELLITE_LINK.latencyMs} ms per request, ` +
      `${SATELLITE_LINK.bytesPerSecond / 1000} kB/s shared), /join/${INVITATION}, ${RUNS} runs, build ${staticDir}`,
  );
  const runs: FirstContact[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await oneFirstContact(staticDir, workDir, run);
    runs.push(result);
    console.log(
      `  run ${run + 1}: first question ${result.firstQuestionMs} ms, ready ${result.readyMs} ms, ` +
        `shown ready ${result.shownReadyMs ?? "never"} ms, ${(result.bytesUntilReady / 1024).toFixed(1)} KB in ` +
        `${result.requestsUntilReady} requests`,
    );
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const shown = runs.map((r) => r.shownReadyMs).filter((ms): ms is number => ms !== undefined);
  console.log(
    `  time to first question   ${spread(
      runs.map((r) => r.firstQuestionMs),
      seconds,
    )}`,
  );
  console.log(
    `  time to offline-ready    ${spread(
      runs.map((r) => r.readyMs),
      seconds,
    )}`,
  );
  console.log(
    `  "Ready to use offline"   ${shown.length === runs.length ? spread(shown, seconds) : "not shown by this build"}`,
  );
  console.log(
    `  bytes until ready        ${spread(
      runs.map((r) => r.bytesUntilReady),
      (b) => `${(b / 1024).toFixed(0)} KB`,
    )}`,
  );
  console.log(
    `  requests until ready     ${spread(
      runs.map((r) => r.requestsUntilReady),
      String,
    )}`,
  );
}
