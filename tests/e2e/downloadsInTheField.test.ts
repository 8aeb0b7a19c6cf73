// Materials over a costly, fragile link, in a real Chromium: Data Saver and the PDF viewer, a PDF that cannot be
// drawn offline, the size question on mobile data, live progress, "waiting for connection", pause and resume all.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatBytes } from "../../src/app/features/library/formatBytes";
import type { StoredManifest } from "../../src/app/store/db";
import { appForThisFile } from "./support/appServer";
import { readIndexedDbRecord, storedBlobSha256 } from "./support/indexedDb";
import { materialRows as rows, waitAllMaterialsOnPhone as waitAllOnPhone } from "./support/libraryScreen";
import { addMaterialFiles, DEMO_WORKSHOP } from "./support/materials";
import { joinByLink } from "./support/participantFlow";

const app = appForThisFile({ behindProxy: true });

/** What `navigator.connection` says on this phone, set before any page script runs. */
async function openPhoneOn(connection: { type?: string; effectiveType?: string; saveData?: boolean }) {
  const phone = await app.phones.open();
  await phone.context.addInitScript((described) => {
    const connection = Object.assign(new EventTarget(), described);
    Object.defineProperty(Navigator.prototype, "connection", { get: () => connection, configurable: true });
  }, connection);
  return phone;
}

/** This build's PDF viewer as the service worker's manifest lists it: its files and their brotli sizes. */
function pdfViewerInBuild(): { bytes: number } {
  const sw = readFileSync(fileURLToPath(new URL("../../dist/sw.js", import.meta.url)), "utf8");
  const sizes = [...sw.matchAll(/"transferBytes":(\d+)/g)].map((m) => Number(m[1]));
  expect(sizes).toHaveLength(2);
  return { bytes: sizes.reduce((a, b) => a + b, 0) };
}

const keptViewerFiles = (page: Page) =>
  page.evaluate(async () =>
    (await (await caches.open("outrigger-lazy-assets")).keys())
      .map((r) => r.url)
      .filter((u) => /pdfjsLoader-|pdf\.worker/.test(u)),
  );

const pdfRow = (page: Page) => rows(page).filter({ hasText: "Document" }).first();

describe("materials on a costly link", () => {
  it("with Data Saver, asks before saving, keeps no viewer unasked, offers another app offline, and gets the viewer on request", async () => {
    const { context, page } = await openPhoneOn({ type: "wifi", effectiveType: "4g", saveData: true });
    await joinByLink(page, app.proxy.url, "DEMO-TO1");
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP}`);

    // "Save all offline" asks first with Data Saver on; "Not now" fetches nothing.
    const blobsBefore = app.proxy.requests.filter((r) => r.path.startsWith("/api/blobs/")).length;
    await page.getByRole("button", { name: /Save all offline/ }).click();
    const question = page.getByTestId("metered-question");
    await question.waitFor();
    expect(await question.textContent()).toMatch(/Data Saver is on/);
    await question.getByRole("button", { name: "Not now" }).click();
    await question.waitFor({ state: "detached" });
    expect(app.proxy.requests.filter((r) => r.path.startsWith("/api/blobs/")).length).toBe(blobsBefore);

    await page.getByRole("button", { name: /Save all offline/ }).click();
    await question.getByRole("button", { name: /^Download / }).click();
    await waitAllOnPhone(page);
    expect(await keptViewerFiles(page)).toEqual([]);

    // The offer names this build's real cost of the viewer.
    const offer = page.getByRole("button", { name: /Get the PDF viewer/ });
    await offer.waitFor();
    expect(await offer.textContent()).toBe(`Get the PDF viewer (${formatBytes(pdfViewerInBuild().bytes)})`);

    // Offline without the viewer: the reason, no Present, and "Open in another app" hands over the same bytes.
    const manifest = await readIndexedDbRecord<StoredManifest>(page, "manifests", DEMO_WORKSHOP);
    const pdf = manifest!.materials.find((m) => m.contentType === "application/pdf")!;
    await context.setOffline(true);
    await pdfRow(page).getByRole("link", { name: "Open" }).click();
    await page.getByTestId("pdf-viewer-missing").waitFor();
    expect(await page.getByTestId("pdf-viewer-missing").textContent()).toMatch(
      /cannot be fetched without a connection/,
    );
    expect(await page.getByRole("button", { name: "Present" }).count()).toBe(0);
    expect(await page.getByText("This PDF could not be opened.").count()).toBe(0);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Open in another app" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(pdf.fileName);
    const saved = join(app.workDir, "handed-over.pdf");
    await download.saveAs(saved);
    expect(createHash("sha256").update(readFileSync(saved)).digest("hex")).toBe(pdf.sha256);

    // Back online, the participant chooses to get the viewer; then the PDF opens offline.
    await context.setOffline(false);
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP}`);
    await offer.click();
    await page.getByTestId("pdf-viewer-offer").waitFor({ state: "detached", timeout: 60_000 });
    expect(await keptViewerFiles(page)).toHaveLength(2);
    await context.setOffline(true);
    await pdfRow(page).getByRole("link", { name: "Open" }).click();
    await expect
      .poll(() => page.getByTestId("pdf-canvas").getAttribute("data-rendered-page"), { timeout: 30_000 })
      .toBe("1");
    expect(await page.getByRole("button", { name: "Present" }).count()).toBe(1);
  });

  it("on mobile data, asks with the size before a big file; shows bytes as they arrive, waits for a connection, and pauses and resumes all", async () => {
    const big = randomBytes(12 * 1024 * 1024);
    const bigPath = join(app.workDir, "container-scanner-training.webm");
    writeFileSync(bigPath, big);
    const bigSha = createHash("sha256").update(big).digest("hex");
    await addMaterialFiles(app.server, [bigPath], { title: "Container scanner training (large)" });

    const { context, page } = await openPhoneOn({ type: "cellular", effectiveType: "4g" });
    await joinByLink(page, app.proxy.url, "DEMO-VU2");
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP}`);
    // A slow link for the page's requests, so the first stored chunk (512 KB) takes seconds to fill.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: 100 * 1024,
      uploadThroughput: -1,
    });

    const row = rows(page).filter({ hasText: "Container scanner training" });
    await row.getByRole("button", { name: "Save offline" }).click();
    const question = page.getByTestId("metered-question");
    await question.waitFor();
    expect(await question.textContent()).toMatch(/You are on mobile data\. This download is 12 MB/);
    await question.getByRole("button", { name: "Download 12 MB" }).click();

    // The screen counts bytes before a whole chunk is stored.
    const shownBytes = async () => {
      const match = /([\d.]+) (B|KB|MB) of 12 MB/.exec((await row.textContent()) ?? "");
      if (!match) return 0;
      return Number(match[1]) * { B: 1, KB: 1024, MB: 1024 * 1024 }[match[2] as "B" | "KB" | "MB"];
    };
    const storedBytes = async () =>
      (await readIndexedDbRecord<{ storedBytes: number }>(page, "blobs", bigSha))?.storedBytes ?? 0;
    await expect
      .poll(
        async () => {
          const stored = await storedBytes();
          return (await shownBytes()) > stored + 16 * 1024;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe(true);
    expect(await row.getByTestId("material-pace").textContent()).not.toMatch(/Waiting/);

    // Offline: no time left, but "Waiting for connection".
    await context.setOffline(true);
    await expect
      .poll(() => row.getByTestId("material-pace").textContent(), { timeout: 30_000 })
      .toMatch(/Waiting for connection/);
    expect(await row.textContent()).not.toMatch(/left/);

    // Pause all here; resume all from the list of every workshop.
    await page.getByTestId("overall-progress").getByRole("button", { name: "Pause all" }).click();
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 30_000 }).toBe("paused");
    await context.setOffline(false);
    // The link is good again: the rest of the file need not crawl.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.goto(`${app.proxy.url}/library`);
    const everywhere = page.getByTestId("all-downloads");
    await everywhere.getByRole("button", { name: "Resume all" }).click();
    await everywhere.getByRole("button", { name: "Pause all" }).waitFor();
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP}`);
    await expect.poll(() => row.getAttribute("data-state"), { timeout: 120_000, interval: 250 }).toBe("complete");
    expect(await storedBlobSha256(page, bigSha)).toBe(bigSha);
  });
});
