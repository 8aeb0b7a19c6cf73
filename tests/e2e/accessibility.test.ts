// Every participant and console screen in real Chromium, checked by axe-core (no serious or critical violation) at
// 360 px, at 200% text and (for several) in dark mode; and at 320 px with 200% text, and at 400% zoom, nothing runs
// off the side and every tap target is at least 44×44 CSS px (see support/screenChecks.ts for the allowed exceptions).
// Long on purpose: one walk through the app, in the order a participant and then an organiser would go.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_CAMPAIGN_ID, DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { appForThisFile } from "./support/appServer";
import { openMaterial, waitAllMaterialsOnPhone } from "./support/libraryScreen";
import { joinByLink, next, sendFromReview } from "./support/participantFlow";
import { screenChecker, type ScreenChecker } from "./support/screenChecks";

// A copy of the build, so the walk can publish a "new version" and check the update banner too.
const app = appForThisFile({ mailer: null, copyOfBuild: true, phone: {}, closePhones: "afterAll" });
const FY = "2022-23";
// Generous bounds for a long walk on a busy machine: nothing here is timed.
const WALK_TIMEOUT_MS = 1_500_000;

/** Shows the screen at `path` and waits for its heading. */
async function show(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${app.server.url}${path}`);
  await page.getByRole("heading", { name: heading }).first().waitFor();
}

/** Runs the checks on each screen and collects everything found, so one run lists every problem at once. */
function walk(checker: ScreenChecker) {
  const findings: string[] = [];
  return {
    findings,
    async check(screen: string, options?: { dark?: boolean }) {
      const found = await checker.check(screen, options);
      // Printed as it goes, so a run that stops part-way still tells what it saw.
      console.log(`${screen}: ${found.length === 0 ? "fine" : `\n  ${found.join("\n  ")}`}`);
      findings.push(...found);
    },
  };
}

describe("readable and usable by everyone, on every screen", () => {
  it(
    "participant screens: join, questionnaire sections, review, sent reply, home",
    async () => {
      const { page } = app.phone;
      const screens = walk(await screenChecker(page));

      await show(page, "/", "Your questionnaires");
      await screens.check("home before joining");
      await show(page, "/join", "Open your invitation");
      await screens.check("join with a code");

      await joinByLink(page, app.server.url, "DEMO-TO1");
      await screens.check("questionnaire: about you", { dark: true });
      await next(page);
      await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
      await page.getByLabel(/Shared or circulated the training materials/).check();
      await page.getByLabel(/Organized an in-house workshop/).check();
      await screens.check("questionnaire: follow-up actions");
      await next(page);
      await page.getByLabel("How did you apply what you learnt to your work?").fill("Wrote a risk profile.");
      await screens.check("questionnaire: application");
      await next(page);
      await page.locator('[data-question="directEffects"]').getByLabel("Yes").check();
      await page.getByLabel("Describe the direct effects").fill("Release times fell.");
      await page.locator('[data-question="efficiencyImproved"]').getByLabel("Yes").check();
      await screens.check("questionnaire: effects");
      await next(page);
      await page.locator('[data-question="newProjects"]').getByLabel("No").check();
      await screens.check("questionnaire: new projects");
      await next(page);
      await screens.check("questionnaire: comments and attachments");
      await next(page);
      await page.getByRole("heading", { name: "Review your answers" }).waitFor();
      await screens.check("review", { dark: true });
      await sendFromReview(page);
      await screens.check("sent reply");

      await show(page, "/", "Your questionnaires");
      await screens.check("home with a reply", { dark: true });
      expect(screens.findings).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    "participant screens: library, viewers, sharing, in-house log, update banner",
    async () => {
      const { page } = app.phone;
      const screens = walk(await screenChecker(page));
      await show(page, "/library", "Training materials");
      await screens.check("library");
      await show(page, `/library/${DEMO_WORKSHOP_ID}`, /Revised Kyoto Convention/);
      await screens.check("workshop library", { dark: true });
      await page.getByRole("button", { name: /Save all offline/ }).click();
      await waitAllMaterialsOnPhone(page);
      await openMaterial(page, app.server.url, "Document");
      await expect
        .poll(() => page.getByTestId("pdf-canvas").getAttribute("data-rendered-page"), { timeout: 60_000 })
        .toBe("1");
      await screens.check("PDF viewer", { dark: true });
      await openMaterial(page, app.server.url, "Video");
      await page.getByTestId("material-video").waitFor();
      await screens.check("video viewer");
      await openMaterial(page, app.server.url, "Image");
      await page.locator("img.material-image").waitFor();
      await screens.check("image viewer");
      await openMaterial(page, app.server.url, "Handout");
      await page.getByTestId("handout-frame").waitFor();
      await screens.check("handout viewer");

      await show(page, "/trainer", "Share and train");
      await screens.check("share and train");
      await show(page, `/share/${DEMO_WORKSHOP_ID}`, "Share materials");
      await page.getByRole("button", { name: "Make the pack file" }).click();
      await page.getByTestId("pack-ready").waitFor({ timeout: 120_000 });
      await screens.check("share a pack, pack ready", { dark: true });
      await show(page, "/import", "Import a pack");
      await screens.check("import a pack");
      await show(page, "/deliver", "Deliver replies for others");
      await screens.check("deliver replies");
      await show(page, "/inhouse", "In-house workshop log");
      await page.getByLabel("Topic").fill("Risk profiles for fuel imports");
      await page.getByLabel("Number of attendees").fill("12");
      await page.getByRole("button", { name: "Save session" }).click();
      await page.getByText("Risk profiles for fuel imports").first().waitFor();
      await screens.check("in-house log");

      // A new version: the update banner.
      appendFileSync(join(app.staticDir, "sw.js"), "\n// next release\n");
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.getByText("A new version of Outrigger is ready").waitFor({ timeout: 60_000 });
      await screens.check("update banner", { dark: true });

      expect(screens.findings).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    "console screens: setup, workshops, a workshop, a campaign with its feedback editor, report and curation, replies, administrations, questionnaires and the editor, sign-in",
    async () => {
      const { page } = app.phone;
      const screens = walk(await screenChecker(page));

      await show(page, `/console/setup?token=${app.server.setupToken}`, "Create the first organiser account");
      await screens.check("console: first organiser");
      await page.getByLabel("Your name").fill("Ana Program Manager");
      await page.getByLabel("E-mail address").fill("ana@example.org");
      await page.getByLabel(/^Password/).fill("tide tables for the Nukualofa wharf");
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByRole("heading", { name: "Workshops", exact: true }).waitFor();
      await screens.check("console: workshops", { dark: true });

      await show(page, `/console/workshops/${DEMO_WORKSHOP_ID}`, /Revised Kyoto Convention/);
      await page.getByRole("heading", { name: /^Participants/ }).waitFor();
      await screens.check("console: one workshop");
      await show(page, `/console/campaigns/${DEMO_CAMPAIGN_ID}`, "Follow-up campaign");
      await page.getByTestId("invitations").waitFor();
      await screens.check("console: campaign and feedback editor", { dark: true });
      await show(page, `/console/report/${FY}`, /Follow-up survey, FY/);
      await page.getByTestId("report-table-1").waitFor();
      await screens.check("console: report and curation");
      await show(page, `/console/replies/${FY}`, /Replies/);
      await page.getByTestId("tracking").waitFor();
      await screens.check("console: replies dashboard");
      await show(page, "/console/administrations", "Member administrations");
      await screens.check("console: administrations");
      await show(page, "/console/questionnaires", "Questionnaires");
      await screens.check("console: questionnaire versions");
      await show(page, "/console/questionnaires/follow-up.2", /version 2$/);
      await screens.check("console: questionnaire editor (read only)");

      await show(page, `/console/campaigns/${DEMO_CAMPAIGN_ID}`, "Follow-up campaign");
      await page.getByRole("button", { name: "Publish to participants" }).click();
      await page.getByTestId("feedback-published").waitFor();

      await page.getByRole("button", { name: "Sign out" }).click();
      await page.getByRole("heading", { name: "Organiser console" }).waitFor();
      await screens.check("console: sign-in", { dark: true });

      expect(screens.findings).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it(
    "the organiser's feedback, with its wide tables as cards on a phone",
    async () => {
      const { page } = app.phone;
      const screens = walk(await screenChecker(page));
      await show(page, "/", "Your questionnaires");
      await page.getByTestId("feedback-link").click({ timeout: 60_000 });
      await page.getByTestId("feedback").locator("table").first().waitFor();
      // Each row of a report table is one card: its cells are blocks, each named by its column.
      const firstRow = page.getByTestId("feedback").locator("tbody tr").first();
      expect(await firstRow.evaluate((tr) => getComputedStyle(tr).display)).toBe("block");
      expect(await firstRow.locator("td").nth(1).getAttribute("data-label")).toBeTruthy();
      await screens.check("feedback", { dark: true });
      expect(screens.findings).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );

  it("sets the text size from the bar with the keyboard alone, and keeps it after a reload with no connection", async () => {
    const { page, context } = app.phone;
    await show(page, "/", "Your questionnaires");
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe("17px");

    const controlFocused = () =>
      // The language control sits beside it, styled the same: find the one that says "Text size".
      page.evaluate(() => Boolean(document.activeElement?.closest(".text-size")?.textContent?.includes("Text size")));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let presses = 0; presses < 10 && !(await controlFocused()); presses++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Text size");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe(
      "Normal",
    );
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    // 150% of the normal 17 px.
    await expect.poll(rootSize).toBe("25.5px");

    await context.setOffline(true);
    try {
      // The root's size at the moment the app first puts anything on screen: already the chosen one.
      await page.addInitScript(() => {
        new MutationObserver((_changes, observer) => {
          const root = document.getElementById("root");
          if (!root || root.childElementCount === 0) return;
          (window as unknown as { firstRenderSize: string }).firstRenderSize = getComputedStyle(
            document.documentElement,
          ).fontSize;
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.reload();
      await page.getByRole("heading", { name: "Your questionnaires" }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { firstRenderSize?: string }).firstRenderSize)).toBe(
        "25.5px",
      );
      await expect.poll(rootSize).toBe("25.5px");
      await page.locator(".text-size summary", { hasText: "Text size" }).click();
      await page.getByLabel("Normal").check();
      await expect.poll(rootSize).toBe("17px");
    } finally {
      await context.setOffline(false);
    }
  });
});
