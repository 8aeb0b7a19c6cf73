// The app works under its Content-Security-Policy: a participant's screens (survey, library with the PDF viewer,
// image, media and handout, share) and the console's sign-in screen, in real Chromium, with no CSP violation at all.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { appForThisFile } from "./support/appServer";
import { openMaterial as openMaterialAt, playMutedUntil, waitAllMaterialsOnPhone } from "./support/libraryScreen";
import { DEMO_WORKSHOP } from "./support/materials";
import { joinByLink, next } from "./support/participantFlow";

const app = appForThisFile({ mailer: null, phone: {} });

/** Every violation any frame reports: the event in each document, and Chromium's console message. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report =
        (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation ??
        (window.parent as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} in ${e.documentURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

const openMaterial = (page: Page, kind: string) => openMaterialAt(page, app.server.url, kind);

describe("the Content-Security-Policy", () => {
  it("lets every participant screen and the console sign-in work with no violation", async () => {
    const { page } = app.phone;
    const violations = await watchViolations(page);

    // The policy is really there (a run without one would prove nothing).
    const first = await page.goto(`${app.server.url}/`);
    expect(first?.headers()["content-security-policy"]).toContain("script-src 'self'");

    // Join and answer, as a participant does.
    await joinByLink(page, app.server.url, "DEMO-TO1");
    await next(page);
    await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
    await page.getByLabel(/Shared or circulated the training materials/).check();
    expect(violations, "survey").toEqual([]);

    // The library: save everything, then open each kind of material from the phone's copy.
    await page.goto(`${app.server.url}/library/${DEMO_WORKSHOP}`);
    await page.getByRole("button", { name: /Save all offline/ }).click();
    await waitAllMaterialsOnPhone(page);
    await openMaterial(page, "Document");
    await expect
      .poll(() => page.getByTestId("pdf-canvas").getAttribute("data-rendered-page"), { timeout: 30_000 })
      .toBe("1");
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
    await expect
      .poll(() =>
        page.locator("img.material-image").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      )
      .toBe(true);
    await openMaterial(page, "Video");
    const playedTo = await playMutedUntil(page.getByTestId("material-video"), 0);
    expect(playedTo).toBeGreaterThan(0);
    expect(violations, "image and video").toEqual([]);

    // Share: the pack is written and offered.
    await page.goto(`${app.server.url}/share/${DEMO_WORKSHOP}`);
    await page.getByRole("button", { name: "Make the pack file" }).click();
    await page.getByTestId("pack-ready").waitFor({ timeout: 60_000 });
    expect(violations, "share").toEqual([]);

    // The organiser console's sign-in screen.
    await page.goto(`${app.server.url}/console`);
    await page.getByRole("heading", { name: "Organiser console" }).waitFor();
    await page.getByLabel("E-mail address").fill("nobody@example.org");
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("The e-mail address or the password is not right.").waitFor();
    expect(violations, "console sign-in").toEqual([]);
  });
});
