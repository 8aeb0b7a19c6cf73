// The app works under its Content-Security-Policy: a participant's screens (survey, library with the PDF viewer,
// image, media and handout, share) and the console's sign-in screen, in real Chromium, with no CSP violation at all.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startServer, type RunningServer } from "../../src/server/serve";
import { launchPhone, type PhoneProfile } from "../support/chromium";
import { DEMO_WORKSHOP } from "./support/materials";
import { joinByLink, next } from "./support/participantFlow";

let server: RunningServer;
let workDir: string;
let phone: PhoneProfile;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "outrigger-csp-"));
  server = await startServer({ port: 0, dataDir: join(workDir, "data"), quiet: true, mailer: null });
  phone = await launchPhone();
});

afterAll(async () => {
  await phone?.close();
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Every violation any frame reports: the event in each document, and Chromium's console message. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation ?? (window.parent as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

const rows = (page: Page) => page.getByTestId("material-row");

async function openMaterial(page: Page, kind: string): Promise<void> {
  await page.goto(`${server.url}/library/${DEMO_WORKSHOP}`);
  await rows(page).filter({ hasText: kind }).first().getByRole("link", { name: "Open" }).click();
}

describe("the Content-Security-Policy", () => {
  it("lets every participant screen and the console sign-in work with no violation", async () => {
    const page = phone.context.pages()[0] ?? (await phone.context.newPage());
    const violations = await watchViolations(page);

    // The policy is really there (a run without one would prove nothing).
    const first = await page.goto(`${server.url}/`);
    expect(first?.headers()["content-security-policy"]).toContain("script-src 'self'");

    // Join and answer, as a participant does.
    await joinByLink(page, server.url, "DEMO-TO1");
    await next(page);
    await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
    await page.getByLabel(/Shared or circulated the training materials/).check();
    expect(violations, "survey").toEqual([]);

    // The library: save everything, then open each kind of material from the phone's copy.
    await page.goto(`${server.url}/library/${DEMO_WORKSHOP}`);
    await page.getByRole("button", { name: /Save all offline/ }).click();
    await expect
      .poll(async () => (await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-state")))).every((s) => s === "complete"), { timeout: 60_000, interval: 250 })
      .toBe(true);
    await openMaterial(page, "Document");
    await expect.poll(() => page.getByTestId("pdf-canvas").getAttribute("data-rendered-page"), { timeout: 30_000 }).toBe("1");
    await page.getByRole("button", { name: "Next page" }).click();
    await expect.poll(() => page.getByTestId("pdf-canvas").getAttribute("data-rendered-page")).toBe("2");
    expect(violations, "PDF viewer").toEqual([]);

    await openMaterial(page, "Handout");
    const handout = page.frameLocator('[data-testid="handout-frame"]');
    await handout.locator("body").waitFor();
    // The frame's own stylesheet applied (its font size), so the page's CSP let the hashed <style> through.
    expect(await handout.locator("body").evaluate((body) => getComputedStyle(body).fontSize)).toBe("17px");
    expect(violations, "handout").toEqual([]);

    await openMaterial(page, "Image");
    await expect.poll(() => page.locator("img.material-image").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await openMaterial(page, "Video");
    const playedTo = await page.getByTestId("material-video").evaluate(async (el: HTMLVideoElement) => {
      el.muted = true;
      await el.play();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return el.currentTime;
    });
    expect(playedTo).toBeGreaterThan(0);
    expect(violations, "image and video").toEqual([]);

    // Share: the pack is written and offered.
    await page.goto(`${server.url}/share/${DEMO_WORKSHOP}`);
    await page.getByRole("button", { name: "Make the pack file" }).click();
    await page.getByTestId("pack-ready").waitFor({ timeout: 60_000 });
    expect(violations, "share").toEqual([]);

    // The organiser console's sign-in screen.
    await page.goto(`${server.url}/console`);
    await page.getByRole("heading", { name: "Organiser console" }).waitFor();
    await page.getByLabel("E-mail address").fill("nobody@example.org");
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("The e-mail address or the password is not right.").waitFor();
    expect(violations, "console sign-in").toEqual([]);
  });
});
