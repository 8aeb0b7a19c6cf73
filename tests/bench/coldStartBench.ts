// Offline cold start, Outrigger against a bare yardstick (Solid + Dexie + zod/mini + workbox-window, one question
// from IndexedDB): the service worker installed on a first online visit, then each run a new browser on the same
// profile, offline, 4× CPU throttle, time to the first question, long tasks over 200 ms and how long the service
// worker took to answer the navigation (from its start, which includes evaluating sw.js). Interleaved, N each.
// Knobs: COLD_START_RUNS (default 8), COLD_START_DIST (another Outrigger build than dist/),
// COLD_START_PROFILE=dir (a CPU profile of each Outrigger start there; read with tests/bench/cpuProfileSummary.ts),
// COLD_START_BEFORE=dir (an earlier build measured in the same session, interleaved: a before/after on one machine).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../src/server/serve";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/chromium";
import { buildYardstick } from "./yardstick/build";

const RUNS = Number(process.env.COLD_START_RUNS ?? 8);
const PROFILE_DIR = process.env.COLD_START_PROFILE;
const CPU_SLOWDOWN = 4;

interface Contender {
  name: string;
  profile: string;
  origin: string;
  path: string;
}

interface ColdStart {
  firstQuestionMs: number;
  longTasksOver200: number;
  /** Navigation Timing: from the service worker's start (workerStart) to the first byte of the page it answered. */
  workerAnswerMs: number;
}

async function openProfile(profile: string) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
  });
}

/** The one online visit: stores the data and installs the service worker, then closes the browser. */
async function install(contender: Contender, firstVisitPath: string): Promise<void> {
  const context = await openProfile(contender.profile);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${contender.origin}${firstVisitPath}`);
  await page.locator("[data-question]").first().waitFor({ timeout: 60_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
  });
  await page.waitForTimeout(1_000);
  await context.close();
}

async function coldStart(contender: Contender, profileFile?: string): Promise<ColdStart> {
  const context = await openProfile(contender.profile);
  try {
    await context.setOffline(true);
    // A page of our own: the tab the profile reopens may be replaced while the browser settles.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[]; firstQuestionAt?: number };
      w.longTasks = [];
      new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
        type: "longtask",
        buffered: true,
      });
      const seen = new MutationObserver(() => {
        if (w.firstQuestionAt === undefined && document.querySelector("[data-question]")) {
          w.firstQuestionAt = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    if (profileFile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    await page.goto(`${contender.origin}${contender.path}`);
    await page.locator("[data-question]").first().waitFor({ timeout: 60_000 });
    if (profileFile) writeFileSync(profileFile, JSON.stringify((await cdp.send("Profiler.stop")).profile));
    return await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; firstQuestionAt: number };
      const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
      return {
        firstQuestionMs: w.firstQuestionAt,
        longTasksOver200: w.longTasks.filter((d) => d > 200).length,
        workerAnswerMs: navigation.responseStart - navigation.workerStart,
      };
    });
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export async function benchColdStart(repoRoot: string, workDir: string): Promise<void> {
  const yardstickDir = join(workDir, "yardstick");
  await buildYardstick(yardstickDir);
  const serve = (staticDir: string) =>
    startServer({ port: 0, dataDir: mkdtempSync(join(workDir, "data-")), quiet: true, staticDir });
  const builds: Array<[string, string]> = [["Outrigger", process.env.COLD_START_DIST ?? join(repoRoot, "dist")]];
  if (process.env.COLD_START_BEFORE) builds.unshift(["before", process.env.COLD_START_BEFORE]);
  const outriggers = await Promise.all(builds.map(([, dir]) => serve(dir)));
  const yardstick = await serve(yardstickDir);
  const contenders: Contender[] = [
    ...builds.map(([name], i) => ({
      name,
      profile: mkdtempSync(join(tmpdir(), "outrigger-cold-")),
      origin: outriggers[i].url,
      path: "/survey/DEMO-TO1",
    })),
    { name: "yardstick", profile: mkdtempSync(join(tmpdir(), "yardstick-cold-")), origin: yardstick.url, path: "/" },
  ];
  try {
    for (const contender of contenders)
      await install(contender, contender.name === "yardstick" ? "/" : "/join/DEMO-TO1");
    const results = new Map<string, ColdStart[]>(contenders.map((c) => [c.name, []]));
    for (let run = 0; run < RUNS; run++)
      for (const contender of run % 2 ? [...contenders].reverse() : contenders)
        results
          .get(contender.name)!
          .push(
            await coldStart(
              contender,
              PROFILE_DIR && contender.name === "Outrigger"
                ? join(PROFILE_DIR, `outrigger-${run}.cpuprofile`)
                : undefined,
            ),
          );
    console.log(
      `\n## Offline cold start (${RUNS} runs each, interleaved, ${CPU_SLOWDOWN}× CPU throttle; time to the first question)`,
    );
    const medians = new Map<string, number>();
    for (const [name, runs] of results) {
      const times = runs.map((r) => r.firstQuestionMs);
      const workerTimes = runs.map((r) => r.workerAnswerMs);
      medians.set(name, median(times));
      console.log(
        `  ${name.padEnd(10)} median ${median(times).toFixed(0)} ms (range ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}), long tasks > 200 ms: ${runs.map((r) => r.longTasksOver200).join(" ")}; service worker answered in ${median(workerTimes).toFixed(0)} ms (${Math.min(...workerTimes).toFixed(0)}–${Math.max(...workerTimes).toFixed(0)})`,
      );
    }
    for (const [name] of builds) {
      const ratio = medians.get(name)! / medians.get("yardstick")!;
      console.log(`  ${name} ratio ${ratio.toFixed(2)} — ${ratio <= 1.1 ? "within" : "OVER"} the 1.1 target`);
    }
  } finally {
    for (const server of [...outriggers, yardstick]) await server.close();
    for (const c of contenders) rmSync(c.profile, { recursive: true, force: true });
  }
}
