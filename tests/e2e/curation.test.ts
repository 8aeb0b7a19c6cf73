// Curating a long list of answers on a laptop (1280 px) in real Chromium: a save keeps the page where it was and the
// focus on the button, untagged answers look untagged, excerpts are selected in the answer, filters and bulk tagging.
import { expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { appForThisFile } from "./support/appServer";
import { consoleRound, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: {} });
const OTHER = "Briefed the port health authority on the new inspection checklist.";
const PARTICIPANTS = ["FJ", "TO", "WS", "VU", "PG", "TL", "AU", "NZ"].map((code, i) => ({
  name: `Participant ${i + 1}`,
  administrationCode: code,
  email: `p${i + 1}@example.org`,
}));

/** Where the page and the card are on screen, and what has the focus. */
async function placeOf(page: Page, card: Locator) {
  const box = await card.boundingBox();
  return {
    scrollY: await page.evaluate(() => window.scrollY),
    cardTop: Math.round(box?.y ?? Number.NaN),
    focused: await page.evaluate(() => document.activeElement?.textContent ?? null),
  };
}

it("curation at 1280 px: select to quote, save in place (focus and scroll kept), filters, bulk tagging, axe clean", async () => {
  const { page } = app.phone;
  await page.setViewportSize({ width: 1280, height: 800 });
  const round = await consoleRound(app.server, "Sub-regional Workshop on Risk Management", PARTICIPANTS);
  for (const [i, p] of PARTICIPANTS.entries()) {
    await round.reply(
      p.administrationCode,
      {
        application: `Answer ${i + 1}: we rewrote the inspection checklist and removed a duplicate document check.`,
        ...(p.administrationCode === "FJ"
          ? { followUpActions: { choices: ["shared_materials", "other"], specify: OTHER } }
          : {}),
      },
      `2024-03-05T09:${String(10 + i).padStart(2, "0")}:00.000Z`,
    );
  }
  await signInOnPage(page, app.server.url);
  await page.goto(`${app.server.url}/console/report/2023-24`);
  const cards = page.getByTestId("free-text-answer");
  await cards.first().waitFor();
  const total = await cards.count();
  expect(total).toBe(3 * PARTICIPANTS.length + 1);

  // A card far down the list, untouched: it says so, and nothing is preselected.
  const card = cards.filter({ hasText: "Answer 7:" });
  await card.scrollIntoViewIfNeeded();
  expect(await card.locator(".tag-state").textContent()).toBe("Not tagged");
  expect(await card.getByLabel("Tag", { exact: true }).inputValue()).toBe("");
  expect(await card.getByLabel("Report heading").inputValue()).toBe("");

  // Words not in the answer are refused before anything is sent.
  await card.getByLabel(/Excerpt to quote/).fill("We halved clearance times");
  await card.getByLabel("Tag", { exact: true }).selectOption("success_story");
  await card.getByLabel("Report heading").selectOption("operational_improvement");
  await card.getByRole("button", { name: "Save" }).click();
  await expect.poll(() => card.getByRole("status").textContent()).toMatch(/not in the answer/);

  // Select words in the answer and quote them.
  await card.locator("p.answer").evaluate((p) => {
    const text = p.firstChild!;
    const start = text.textContent!.indexOf("removed a duplicate");
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + "removed a duplicate document check".length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });
  await card.getByRole("button", { name: "Quote the selected words" }).click();
  expect(await card.getByLabel(/Excerpt to quote/).inputValue()).toBe("removed a duplicate document check");
  expect(await card.getByLabel("Quote it in the report").isChecked()).toBe(true);

  const save = card.getByRole("button", { name: "Save" });
  await save.focus();
  const before = await placeOf(page, card);
  expect(before.scrollY).toBeGreaterThan(1000);
  await page.keyboard.press("Enter");
  await expect.poll(() => card.getByRole("status").textContent()).toBe("Saved.");
  await expect
    .poll(() => page.getByTestId("report-quote").allTextContents())
    .toEqual([expect.stringContaining("removed a duplicate document check")]);
  const after = await placeOf(page, card);
  expect(after.focused).toBe("Save");
  expect(await save.evaluate((button) => button === document.activeElement)).toBe(true);
  // The card stays where the organiser was looking (a pixel of rounding aside; the old list jumped ~8,800 px).
  expect(Math.abs(after.cardTop - before.cardTop)).toBeLessThanOrEqual(2);
  expect(await card.locator(".tag-state").textContent()).toBe("Success story · Operational improvement · quoted");

  // The "Other — please specify" answer is there to curate; filters narrow the list.
  await page.getByLabel("Question", { exact: true }).selectOption("followUpActions");
  await expect.poll(() => cards.count()).toBe(1);
  expect(await cards.first().textContent()).toContain(OTHER);
  await page.getByLabel("Question", { exact: true }).selectOption("");
  await page.getByLabel("Only untagged answers").check();
  await expect.poll(() => cards.count()).toBe(total - 1);
  expect(await page.getByTestId("answers-shown").textContent()).toBe(`Showing ${total - 1} of ${total} answers.`);

  // Bulk: every untagged answer shown gets one tag with one request.
  const bulk = page.getByTestId("bulk-tagging");
  await bulk.getByRole("button", { name: `Choose all ${total - 1} shown` }).click();
  await bulk.getByLabel("Tag", { exact: true }).selectOption("good_example");
  await bulk.getByLabel("Report heading").selectOption("work_improvement");
  await bulk.getByRole("button", { name: "Tag the chosen answers" }).click();
  await expect.poll(() => bulk.getByRole("status").textContent()).toBe(`Tagged ${total - 1} answers.`);
  // Tagged cards stay in view until the filter changes; then none is left untagged.
  expect(await cards.count()).toBe(total - 1);
  expect(await cards.first().locator(".tag-state").textContent()).toBe("Good example · Work improvement");
  await page.getByLabel("Only untagged answers").uncheck();
  await page.getByLabel("Only untagged answers").check();
  await expect.poll(() => cards.count()).toBe(0);
  await page.getByLabel("Only untagged answers").uncheck();
  // The quote picked before the bulk tag is still there.
  expect(await page.getByTestId("report-quote").allTextContents()).toEqual([
    expect.stringContaining("removed a duplicate document check"),
  ]);

  expect(await seriousAxeViolations(page, "curation at 1280 px")).toEqual([]);
});
