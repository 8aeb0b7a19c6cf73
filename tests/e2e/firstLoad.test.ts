// A participant's first visit, counted in a real Chromium: what is fetched before the first question, in how
// many round trips, and that pdf.js stays out of the page. Bytes and request chains do not vary run to run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/serve";
import { launchPhone, type PhoneProfile } from "../support/chromium";
import { startFaultyProxy, type FaultyProxy, type ProxiedRequest } from "../support/faultyProxy";
import { waitForOfflineReady } from "./support/participantFlow";
import {
  describeRequest,
  firstQuestionAt,
  recordInitiators,
  roundTripsFor,
  transferredBytes,
  watchForFirstQuestion,
} from "./support/firstVisitTimeline";

/**
 * HTML, JS, CSS and JSON before the first question, headers included, as the server sends them (br/gzip).
 * The target is 60 KB (issue 12), met since a first visit shows the first question before Dexie loads (44,004 B in
 * 4 requests, down from 73,636 B: store/storeLoader.ts). The line is held just above where it stands, and the log
 * prints the distance to the target.
 */
export const FIRST_QUESTION_BUDGET_BYTES = 45 * 1024;
const FIRST_QUESTION_TARGET_BYTES = 60 * 1024;
/** A slow link's round trip, so requests that wait for another stand apart from those sent together. */
const LINK_LATENCY_MS = 150;
/** What only later screens need: materials, PDF, attachments, console, sharing and packs. */
const NOT_FOR_THE_FIRST_SCREEN =
  /pdf|Attachment|attachmentUploader|tus|console|Console|Library|Material|Viewer|Share|Pack|packs|Trainer|Inhouse|Deliver|\/api\/(workshops|blobs|signing-key|health)|\/feedback/;

let server: RunningServer;
let proxy: FaultyProxy;
let dataDir: string;
let phone: PhoneProfile | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "outrigger-firstload-"));
  server = await startServer({ port: 0, dataDir, quiet: true });
  proxy = await startFaultyProxy(server.url, { latencyMs: LINK_LATENCY_MS });
});

afterAll(async () => {
  await phone?.close();
  await proxy?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it("shows the first question of an invitation link within 45 KB, in two round trips, fetching nothing another screen needs", async () => {
  phone = await launchPhone();
  const page = phone.context.pages()[0] ?? (await phone.context.newPage());
  await watchForFirstQuestion(page);
  const askedBy = await recordInitiators(page);
  await page.goto(`${proxy.url}/join/DEMO-FJ3`);
  const shownAt = await firstQuestionAt(page);

  // Icons the browser fetches for its own tab strip are listed but not counted: they are not the app's to avoid.
  const beforeQuestion = proxy.requests.filter((r) => r.startedAt < shownAt && !/\.(png|ico)$/.test(r.path));
  const roundTrips = (r: ProxiedRequest) => roundTripsFor(`${proxy.url}${r.path}`, askedBy);
  const report = beforeQuestion.map((r) => `${describeRequest(r)} round trip ${roundTrips(r)}`).join("\n");
  const total = beforeQuestion.reduce((sum, r) => sum + transferredBytes(r), 0);
  console.log(
    `first visit, before the first question: ${beforeQuestion.length} requests, ${total} B, ${Math.max(...beforeQuestion.map(roundTrips))} round trips (target ${FIRST_QUESTION_TARGET_BYTES} B)\n${report}`,
  );

  expect(
    beforeQuestion.every((r) => r.finishedAt !== undefined),
    report,
  ).toBe(true);
  expect(total, report).toBeLessThanOrEqual(FIRST_QUESTION_BUDGET_BYTES);
  expect(beforeQuestion.filter((r) => NOT_FOR_THE_FIRST_SCREEN.test(r.path)).map((r) => r.path)).toEqual([]);
  const paths = beforeQuestion.map((r) => `${r.method} ${r.path}`);
  expect(
    paths.filter((p, i) => paths.indexOf(p) !== i),
    report,
  ).toEqual([]);
  expect(Math.max(...beforeQuestion.map(roundTrips)), report).toBeLessThanOrEqual(2);
  // The invitation is asked for while the app's code is still on its way, not after it ran.
  const invitation = beforeQuestion.find((r) => r.path.startsWith("/api/invitations/DEMO-FJ3"));
  const entry = beforeQuestion.find((r) => /^\/assets\/index-.*\.js$/.test(r.path));
  expect(invitation && entry && invitation.startedAt < entry.finishedAt!, report).toBe(true);
});

it("keeps the PDF viewer for offline in the service worker's cache without loading pdf.js into the page", async () => {
  const page = phone!.context.pages()[0];
  await waitForOfflineReady(page);
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const cached = (await (await caches.open("outrigger-lazy-assets")).keys()).map((r) => r.url);
          return cached.some((u) => u.includes("pdf.worker")) && cached.some((u) => /pdfjsLoader-/.test(u));
        }),
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
  const inPage = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  expect(inPage.filter((u) => /pdfjsLoader-|pdf\.worker/.test(u))).toEqual([]);
  const scripts = await page.evaluate(() => Object.keys(globalThis).filter((k) => /pdfjs/i.test(k)));
  expect(scripts).toEqual([]);
});
