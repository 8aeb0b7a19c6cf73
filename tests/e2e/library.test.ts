// The materials library in a real Chromium: download once, read offline, resume after a cut, fetch only what changed.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/server/serve";
import { launchPhone, type PhoneProfile } from "../support/chromium";
import { startFaultyProxy, type FaultyProxy } from "../support/faultyProxy";
import { addMaterialFiles, DEMO_WORKSHOP } from "./support/materials";
import { joinByLink } from "./support/participantFlow";

let server: RunningServer;
let proxy: FaultyProxy;
let workDir: string;
let phone: PhoneProfile | undefined;
/** The server's own log of requests: what it was asked for and what it sent. */
const serverLog: { method: string; path: string; range?: string; status: number; bytes?: number }[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "outrigger-library-"));
  server = await startServer({ port: 0, dataDir: join(workDir, "data"), quiet: true, onRequest: (entry) => serverLog.push(entry) });
  proxy = await startFaultyProxy(server.url);
});

afterEach(async () => {
  await phone?.close();
  phone = undefined;
});

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function openPhone(code: string) {
  phone = await launchPhone();
  const page = phone.context.pages()[0] ?? (await phone.context.newPage());
  await joinByLink(page, proxy.url, code);
  return { context: phone.context, page };
}

function rows(page: Page) {
  return page.getByTestId("material-row");
}

async function waitAllOnPhone(page: Page, timeout = 60_000) {
  await expect
    .poll(async () => {
      const states = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
      return states.length > 0 && states.every((s) => s === "complete");
    }, { timeout, interval: 250 })
    .toBe(true);
}

const blobRequests = (from: number) => proxy.requests.slice(from).filter((r) => r.method === "GET" && r.path.startsWith("/api/blobs/"));

describe("training materials on a phone", () => {
  it("downloads a workshop's materials, then opens the PDF and plays the video offline", async () => {
    const { context, page } = await openPhone("DEMO-TO1");
    await page.goto(`${proxy.url}/library/${DEMO_WORKSHOP}`);
    await page.getByRole("button", { name: /Save all offline/ }).click();
    await waitAllOnPhone(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { name: /Revised Kyoto Convention/ }).waitFor();
    await waitAllOnPhone(page);

    const pdfRow = rows(page).filter({ hasText: "Document" }).first();
    await pdfRow.getByRole("link", { name: "Open" }).click();
    const canvas = page.getByTestId("pdf-canvas");
    await expect.poll(() => canvas.getAttribute("data-rendered-page"), { timeout: 30_000 }).toBe("1");
    // Something was drawn: not every pixel of the page is white.
    const inked = await canvas.evaluate((el: HTMLCanvasElement) => {
      const data = el.getContext("2d")!.getImageData(0, 0, el.width, el.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 1] < 128 && data[i + 2] < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(100);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => canvas.getAttribute("data-rendered-page")).toBe("2");

    await page.goBack();
    const videoRow = rows(page).filter({ hasText: "Video" }).first();
    await videoRow.getByRole("link", { name: "Open" }).click();
    const video = page.getByTestId("material-video");
    await video.waitFor();
    const played = await video.evaluate(async (el: HTMLVideoElement) => {
      el.muted = true;
      await el.play();
      await new Promise((resolve) => setTimeout(resolve, 800));
      const playedTo = el.currentTime;
      // Seeking works on the local copy.
      el.pause();
      el.currentTime = Math.min(1.5, el.duration - 0.1);
      await new Promise((resolve) => el.addEventListener("seeked", resolve, { once: true }));
      return { playedTo, seekedTo: el.currentTime, duration: el.duration };
    });
    expect(played.playedTo).toBeGreaterThan(0.2);
    expect(played.seekedTo).toBeGreaterThan(1);
  });

  it("resumes a large download from the stored byte after the connection drops, and checks the hash", async () => {
    const big = randomBytes(12 * 1024 * 1024);
    const bigPath = join(workDir, "border-post-footage.webm");
    writeFileSync(bigPath, big);
    const bigSha = createHash("sha256").update(big).digest("hex");
    await addMaterialFiles(server, [bigPath], { title: "Border post footage (large)" });

    const { context, page } = await openPhone("DEMO-VU2");
    await page.goto(`${proxy.url}/library/${DEMO_WORKSHOP}`);
    const cut = proxy.cutNextResponseAfter("GET", `/api/blobs/${bigSha}`, 5 * 1024 * 1024 + 12345);
    const row = rows(page).filter({ hasText: "Border post footage" });
    await row.getByRole("button", { name: "Save offline" }).click();
    const cutRequest = await cut;
    await context.setOffline(true);
    await page.waitForTimeout(1000);
    expect(await row.getAttribute("data-state")).not.toBe("complete");
    // What the phone holds of the file at the moment the link is back.
    const storedAtCut = await page.evaluate(async (sha) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("outrigger");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const blob = await new Promise<{ storedBytes: number } | undefined>((resolve) => {
        const get = database.transaction("blobs").objectStore("blobs").get(sha);
        get.onsuccess = () => resolve(get.result as { storedBytes: number } | undefined);
      });
      database.close();
      return blob?.storedBytes ?? -1;
    }, bigSha);
    expect(storedAtCut).toBeGreaterThan(0);
    expect(storedAtCut).toBeLessThanOrEqual(cutRequest.cutAfter!);
    await context.setOffline(false);
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 60_000, interval: 250 }).toBe("complete");

    const requests = proxy.requests.filter((r) => r.path === `/api/blobs/${bigSha}`);
    expect(requests[0]).toBe(cutRequest);
    expect(requests[0].range).toBeUndefined();
    const resumed = requests[1];
    const offset = Number(/^bytes=(\d+)-$/.exec(resumed.range ?? "")?.[1]);
    // The resume starts exactly where the phone's stored bytes end, never from zero.
    expect(offset).toBe(storedAtCut);
    expect(resumed.status).toBe(206);
    expect(resumed.bytesSent).toBe(big.length - offset);
    expect(requests).toHaveLength(2);
    const served = serverLog.filter((r) => r.path === `/api/blobs/${bigSha}`);
    expect(served.map((r) => [r.range, r.status])).toEqual([
      [undefined, 200],
      [`bytes=${storedAtCut}-`, 206],
    ]);
    expect(served[1].bytes).toBe(big.length - storedAtCut);

    const storedSha = await page.evaluate(async (sha) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("outrigger");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const chunks = await new Promise<{ index: number; data: Blob }[]>((resolve) => {
        const all = database.transaction("blobChunks").objectStore("blobChunks").index("sha256").getAll(sha);
        all.onsuccess = () => resolve(all.result as { index: number; data: Blob }[]);
      });
      chunks.sort((a, b) => a.index - b.index);
      const bytes = await new Blob(chunks.map((c) => c.data)).arrayBuffer();
      const digest = await crypto.subtle.digest("SHA-256", bytes);
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    }, bigSha);
    expect(storedSha).toBe(bigSha);
  });

  it("fetches only the changed file when one material changes on the server", async () => {
    const { page } = await openPhone("DEMO-FJ3");
    await page.goto(`${proxy.url}/library/${DEMO_WORKSHOP}`);
    await page.getByRole("button", { name: /Save all offline/ }).click();
    await waitAllOnPhone(page, 120_000);

    const handoutPath = join(workDir, "rkc-handout.html");
    writeFileSync(handoutPath, "<h1>RKC handout, second edition</h1><p>Now with a checklist for transit procedures.</p>");
    const changed = await addMaterialFiles(server, [handoutPath], { replaceTitle: /checklist/i });
    const before = proxy.requests.length;
    await page.reload();
    await page.getByTestId("manifest-changes").waitFor({ timeout: 30_000 });
    await waitAllOnPhone(page);

    const fetched = blobRequests(before).map((r) => r.path.replace("/api/blobs/", ""));
    expect(fetched).toEqual([changed.sha256]);
    expect(await page.getByTestId("manifest-changes").textContent()).toMatch(/changed/);
  });
});
