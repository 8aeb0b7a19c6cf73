// The materials library in a real Chromium: download once, read offline, resume after a cut, fetch only what changed.
import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RequestLogEntry } from "../../src/server/serve";
import { appForThisFile } from "./support/appServer";
import { readIndexedDbRecord, storedBlobSha256 } from "./support/indexedDb";
import {
  materialRows as rows,
  playMutedUntil,
  waitAllMaterialsOnPhone as waitAllOnPhone,
} from "./support/libraryScreen";
import { addMaterialFiles, DEMO_WORKSHOP } from "./support/materials";
import { joinByLink } from "./support/participantFlow";

/** The server's own log of requests: what it was asked for and what it sent. */
const serverLog: RequestLogEntry[] = [];
const app = appForThisFile({ behindProxy: true, onRequest: (entry) => serverLog.push(entry) });

async function openPhone(code: string) {
  const phone = await app.phones.open();
  await joinByLink(phone.page, app.proxy.url, code);
  return phone;
}

const blobRequests = (from: number) =>
  app.proxy.requests.slice(from).filter((r) => r.method === "GET" && r.path.startsWith("/api/blobs/"));

describe("training materials on a phone", () => {
  it("downloads a workshop's materials, then opens the PDF and plays the video offline", async () => {
    const { context, page } = await openPhone("DEMO-TO1");
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP}`);
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
    const playedTo = await playMutedUntil(video, 0.2);
    const played = await video.evaluate(async (el: HTMLVideoElement, playedTo) => {
      // Seeking works on the local copy.
      el.pause();
      el.currentTime = Math.min(1.5, el.duration - 0.1);
      await new Promise((resolve) => el.addEventListener("seeked", resolve, { once: true }));
      return { playedTo, seekedTo: el.currentTime, duration: el.duration };
    }, playedTo);
    expect(played.playedTo).toBeGreaterThan(0.2);
    expect(played.seekedTo).toBeGreaterThan(1);
  });

  it("resumes a large download from the stored byte after the connection drops, and checks the hash", async () => {
    const big = randomBytes(12 * 1024 * 1024);
    const bigPath = join(app.workDir, "border-post-footage.webm");
    writeFileSync(bigPath, big);
    const bigSha = createHash("sha256").update(big).digest("hex");
    await addMaterialFiles(app.server, [bigPath], { title: "Border post footage (large)" });

    const { context, page } = await openPhone("DEMO-VU2");
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP}`);
    const cut = app.proxy.cutNextResponseAfter("GET", `/api/blobs/${bigSha}`, 5 * 1024 * 1024 + 12345);
    const row = rows(page).filter({ hasText: "Border post footage" });
    await row.getByRole("button", { name: "Save offline" }).click();
    const cutRequest = await cut;
    await context.setOffline(true);
    // What the phone holds of the file at the moment the link is back: read once the bytes that did arrive are
    // stored, i.e. the count stops changing between reads, rather than after a fixed pause a busy machine may outrun.
    const storedBytes = async () =>
      (await readIndexedDbRecord<{ storedBytes: number }>(page, "blobs", bigSha))?.storedBytes ?? -1;
    let storedAtCut = -1;
    await expect
      .poll(
        async () => {
          const previous = storedAtCut;
          storedAtCut = await storedBytes();
          return storedAtCut > 0 && storedAtCut === previous;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    expect(await row.getAttribute("data-state")).not.toBe("complete");
    expect(storedAtCut).toBeGreaterThan(0);
    expect(storedAtCut).toBeLessThanOrEqual(cutRequest.cutAfter!);
    await context.setOffline(false);
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 60_000, interval: 250 }).toBe("complete");

    const requests = app.proxy.requests.filter((r) => r.path === `/api/blobs/${bigSha}`);
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

    const storedSha = await storedBlobSha256(page, bigSha);
    expect(storedSha).toBe(bigSha);
  });

  it("fetches only the changed file when one material changes on the server", async () => {
    const { page } = await openPhone("DEMO-FJ3");
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP}`);
    await page.getByRole("button", { name: /Save all offline/ }).click();
    await waitAllOnPhone(page, 120_000);

    const handoutPath = join(app.workDir, "rkc-handout.html");
    writeFileSync(
      handoutPath,
      "<h1>RKC handout, second edition</h1><p>Now with a checklist for transit procedures.</p>",
    );
    const changed = await addMaterialFiles(app.server, [handoutPath], { replaceTitle: /checklist/i });
    const before = app.proxy.requests.length;
    await page.reload();
    await page.getByTestId("manifest-changes").waitFor({ timeout: 30_000 });
    await waitAllOnPhone(page);

    const fetched = blobRequests(before).map((r) => r.path.replace("/api/blobs/", ""));
    expect(fetched).toEqual([changed.sha256]);
    expect(await page.getByTestId("manifest-changes").textContent()).toMatch(/changed/);
  });
});
