// Device to device, in real Chromium with separate profiles: a pack made offline on one phone is imported
// offline on another that never joined; a reply carried by hand is delivered by someone else, stored once.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appForThisFile } from "./support/appServer";
import { readIndexedDbRecord } from "./support/indexedDb";
import { playMutedUntil, waitAllMaterialsOnPhone as waitAllOnPhone } from "./support/libraryScreen";
import { DEMO_WORKSHOP } from "./support/materials";
import {
  STATE_TEXT,
  expectReplyState,
  joinByLink,
  next,
  sendReplyOffline,
  waitForOfflineReady,
} from "./support/participantFlow";

const app = appForThisFile({ serverName: "Asia/Pacific regional office (test)", closePhones: "afterAll" });
const newPhone = app.phones.open;

/** The app has been online once: shell installed, server key kept, PDF viewer cached. */
async function waitReadyForOffline(page: Page) {
  await waitForOfflineReady(page);
  await expect
    .poll(
      async () => {
        const keyKept = Boolean(await readIndexedDbRecord(page, "meta", "signingKey").catch(() => undefined));
        const cached = await page.evaluate(async () =>
          (await (await caches.open("outrigger-lazy-assets")).keys()).map((r) => r.url),
        );
        return keyKept && cached.some((u) => u.includes("pdf.worker")) && cached.some((u) => /pdfjsLoader-/.test(u));
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
}

/** Flips one byte in the middle of the named entry's data, as a damaged or doctored copy would have. */
function tamperEntry(zip: Uint8Array, entryPath: string, entrySize: number): Uint8Array {
  const copy = zip.slice();
  const name = new TextEncoder().encode(entryPath);
  const view = new DataView(copy.buffer);
  for (let i = 0; i + 30 < copy.length; i++) {
    if (view.getUint32(i, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(i + 26, true);
    const extraLength = view.getUint16(i + 28, true);
    const found = copy.subarray(i + 30, i + 30 + nameLength);
    if (found.length === name.length && found.every((b, k) => b === name[k])) {
      const dataStart = i + 30 + nameLength + extraLength;
      copy[dataStart + Math.floor(entrySize / 2)] ^= 0xff;
      return copy;
    }
  }
  throw new Error(`entry ${entryPath} not found`);
}

describe("sharing without internet", () => {
  it("passes a verified pack from a phone offline to a colleague's phone that never joined, and refuses a tampered copy", async () => {
    // Phone A: the participant, online once, saves the workshop's materials, then loses the connection.
    const a = await newPhone();
    await joinByLink(a.page, app.server.url, "DEMO-TO1");
    await a.page.goto(`${app.server.url}/library/${DEMO_WORKSHOP}`);
    await a.page.getByRole("button", { name: /Save all offline/ }).click();
    await waitAllOnPhone(a.page);
    await waitReadyForOffline(a.page);
    await a.context.setOffline(true);

    await a.page.goto(`${app.server.url}/share/${DEMO_WORKSHOP}`);
    await a.page.getByRole("button", { name: "Make the pack file" }).click();
    await a.page.getByTestId("pack-ready").waitFor({ timeout: 60_000 });
    const downloadPromise = a.page.waitForEvent("download");
    await a.page.getByRole("button", { name: "Send or save the pack" }).click();
    const download = await downloadPromise;
    const packPath = join(app.workDir, download.suggestedFilename());
    await download.saveAs(packPath);

    // The pack is an ordinary zip: anyone can open the files under readable names.
    const pack = new Uint8Array(readFileSync(packPath));
    const unzipped = unzipSync(pack);
    const manifest = JSON.parse(new TextDecoder().decode(unzipped["manifest.json"])) as {
      entries: { path: string; size: number; sha256: string }[];
    };
    expect(manifest.entries.length).toBe(5);
    for (const entry of manifest.entries) expect(unzipped[entry.path]?.length).toBe(entry.size);
    expect(Object.keys(unzipped).some((p) => p.endsWith(".pdf"))).toBe(true);

    const image = manifest.entries.find((e) => e.path.endsWith(".png"))!;
    const tamperedPath = join(app.workDir, "tampered.zip");
    writeFileSync(tamperedPath, tamperEntry(pack, image.path, image.size));

    // Phone B: a colleague with the app shell, never joined, no connection in the room.
    const b = await newPhone();
    await b.page.goto(`${app.server.url}/`);
    await b.page.getByRole("heading", { name: "Your questionnaires" }).waitFor();
    await waitReadyForOffline(b.page);
    await b.context.setOffline(true);

    await b.page.goto(`${app.server.url}/import`);
    await b.page.getByLabel("Pack file").setInputFiles(tamperedPath);
    await b.page.getByTestId("import-result").waitFor({ timeout: 60_000 });
    expect(await b.page.getByTestId("refusals").textContent()).toContain(image.path);
    expect(await b.page.getByTestId("import-result").textContent()).toMatch(
      /4 imported · 0 already on this phone · 1 refused/,
    );

    await b.page.getByLabel("Pack file").setInputFiles(packPath);
    await expect
      .poll(() => b.page.getByTestId("import-result").textContent(), { timeout: 60_000 })
      .toMatch(/1 imported · 4 already on this phone · 0 refused/);
    expect(await b.page.getByTestId("verification").textContent()).toContain(
      "Verified: issued by Asia/Pacific regional office (test)",
    );

    await b.page.getByRole("link", { name: "Open the materials" }).click();
    await waitAllOnPhone(b.page);
    await b.page
      .getByTestId("material-row")
      .filter({ hasText: "Document" })
      .getByRole("link", { name: "Open" })
      .click();
    await expect
      .poll(() => b.page.getByTestId("pdf-canvas").getAttribute("data-rendered-page"), { timeout: 30_000 })
      .toBe("1");
    await b.page.goBack();
    await b.page.getByTestId("material-row").filter({ hasText: "Video" }).getByRole("link", { name: "Open" }).click();
    const playedTo = await playMutedUntil(b.page.getByTestId("material-video"), 0.2);
    expect(playedTo).toBeGreaterThan(0.2);

    // Phone C: online only for a moment, so the PDF viewer never came down. The PDF says why, offers
    // another app, and hides Present, instead of a dead "could not be opened".
    const c = await newPhone();
    await c.page.goto(`${app.server.url}/`);
    await waitForOfflineReady(c.page);
    await c.context.setOffline(true);
    await c.page.goto(`${app.server.url}/import`);
    await c.page.getByLabel("Pack file").setInputFiles(packPath);
    await expect
      .poll(() => c.page.getByTestId("import-result").textContent(), { timeout: 60_000 })
      .toMatch(/5 imported/);
    await c.page.getByRole("link", { name: "Open the materials" }).click();
    await waitAllOnPhone(c.page);
    await c.page
      .getByTestId("material-row")
      .filter({ hasText: "Document" })
      .getByRole("link", { name: "Open" })
      .click();
    await c.page.getByTestId("pdf-viewer-missing").waitFor();
    expect(await c.page.getByRole("button", { name: "Present" }).count()).toBe(0);
    expect(await c.page.getByRole("button", { name: "Open in another app" }).count()).toBe(1);
  });

  it("delivers a reply carried by hand exactly once, and the author's phone later shows it sent", async () => {
    const a = await newPhone();
    await sendReplyOffline(a, app.server.url, "DEMO-FJ3", {
      application: "Mapped our transit procedures against the RKC Specific Annex E.",
    });
    const downloadPromise = a.page.waitForEvent("download");
    await a.page.getByRole("button", { name: "Give it to someone to deliver" }).click();
    const replyDownload = await downloadPromise;
    const replyFile = join(app.workDir, replyDownload.suggestedFilename());
    await replyDownload.saveAs(replyFile);

    const b = await newPhone();
    await b.page.goto(`${app.server.url}/deliver`);
    await b.page.getByLabel("Reply files").setInputFiles(replyFile);
    await expect
      .poll(() => b.page.getByTestId("relayed-reply").getAttribute("data-state"), { timeout: 30_000 })
      .toBe("delivered");
    const rows = await app.server.db
      .selectFrom("replies")
      .selectAll()
      .where("invitation_code", "=", "DEMO-FJ3")
      .execute();
    expect(rows).toHaveLength(1);

    // The same file again changes nothing on the app.server.
    await b.page.getByLabel("Reply files").setInputFiles(replyFile);
    await b.page.getByText("already added").waitFor();

    await a.context.setOffline(false);
    await expectReplyState(a.page, STATE_TEXT.sent);
    expect(await a.page.getByTestId("receipt-id").textContent()).toBe(rows[0].receipt_id);
    expect(
      await app.server.db.selectFrom("replies").selectAll().where("invitation_code", "=", "DEMO-FJ3").execute(),
    ).toHaveLength(1);
  });
});

describe("in-house workshop mode", () => {
  it("logs a session offline in Tonga (UTC+13) and offers it as answers in the follow-up questionnaire, on the day it was entered", async () => {
    const t = await newPhone({ timezoneId: "Pacific/Tongatapu", locale: "en-GB" });
    await joinByLink(t.page, app.server.url, "DEMO-WS4");
    await t.context.setOffline(true);
    // 09:30 on 20 Nov in Nuku'alofa is still 19 Nov in UTC: the form must offer (and allow) the local today.
    await t.page.clock.setFixedTime(new Date("2026-11-19T20:30:00Z"));
    await t.page.goto(`${app.server.url}/inhouse`);
    expect(await t.page.getByLabel("Date").inputValue()).toBe("2026-11-20");
    expect(await t.page.getByLabel("Date").getAttribute("max")).toBe("2026-11-20");
    await t.page.getByLabel("Date").fill("2026-11-02");
    await t.page.getByLabel("Topic").fill("RKC General Annex for border staff");
    await t.page.getByLabel("Number of attendees").fill("14");
    await t.page.getByRole("button", { name: "Save session" }).click();
    await t.page.getByTestId("inhouse-session").waitFor();
    expect(await t.page.getByTestId("inhouse-session").textContent()).toContain("2 Nov 2026");
    // A short confirmation, said to screen readers too.
    expect(await t.page.getByTestId("inhouse-saved").textContent()).toMatch(
      /^Saved: RKC General Annex for border staff, 2 Nov 2026\./,
    );

    await t.page.goto(`${app.server.url}/survey/DEMO-WS4`);
    await next(t.page);
    const suggestion = t.page.getByTestId("inhouse-suggestion");
    await suggestion.waitFor();
    // Nothing is filled in until the participant agrees.
    expect(await t.page.getByLabel(/Organized an in-house workshop/).isChecked()).toBe(false);
    await suggestion.getByRole("button", { name: "Add to my answers" }).click();
    expect(await t.page.getByLabel(/Organized an in-house workshop/).isChecked()).toBe(true);
    expect(await t.page.getByLabel("Describe what you did").inputValue()).toMatch(
      /2 Nov 2026: RKC General Annex for border staff \(14 attendees\)/,
    );
    await expect.poll(() => suggestion.count()).toBe(0);
    expect(await t.page.getByTestId("inhouse-added").textContent()).toMatch(/^Added to your answers/);
  });

  it("presents a PDF full screen, one page at a time, with the keyboard", async () => {
    const p = await newPhone();
    await joinByLink(p.page, app.server.url, "DEMO-VU2");
    await p.page.goto(`${app.server.url}/library/${DEMO_WORKSHOP}`);
    const pdfRow = p.page.getByTestId("material-row").filter({ hasText: "Document" });
    await pdfRow.getByRole("button", { name: "Save offline" }).click();
    await pdfRow.getByRole("link", { name: "Open" }).click();
    await p.page.getByRole("button", { name: "Present" }).click();
    const canvas = p.page.getByTestId("presenter-canvas");
    await expect.poll(() => canvas.getAttribute("data-rendered-page"), { timeout: 30_000 }).toBe("1");
    await p.page.keyboard.press("ArrowRight");
    await expect.poll(() => canvas.getAttribute("data-rendered-page")).toBe("2");
    await p.page.keyboard.press("ArrowLeft");
    await expect.poll(() => canvas.getAttribute("data-rendered-page")).toBe("1");
    await p.page.keyboard.press("Escape");
    await expect.poll(() => canvas.count()).toBe(0);
  });
});
