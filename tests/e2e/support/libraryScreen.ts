// The materials library as a test sees it: its rows, waiting until all are on the phone, opening one, playing a video.
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";
import { DEMO_WORKSHOP } from "./materials";

export function materialRows(page: Page): Locator {
  return page.getByTestId("material-row");
}

/** Waits until the library lists materials and every one of them is complete on the phone. */
export async function waitAllMaterialsOnPhone(page: Page, timeout = 60_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const states = await materialRows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
        return states.length > 0 && states.every((s) => s === "complete");
      },
      { timeout, interval: 250 },
    )
    .toBe(true);
}

/** Goes to the demo workshop's library and opens the first material of that kind ("Document", "Video", …). */
export async function openMaterial(page: Page, baseUrl: string, kind: string): Promise<void> {
  await page.goto(`${baseUrl}/library/${DEMO_WORKSHOP}`);
  await materialRows(page).filter({ hasText: kind }).first().getByRole("link", { name: "Open" }).click();
}

/**
 * Plays the video muted until it is past `seconds` (or `deadlineMs` has gone by) and returns where it got to.
 * A deadline, not a fixed wait: a busy machine decodes more slowly, and a fixed wait would fail it for that.
 */
export function playMutedUntil(video: Locator, seconds: number, deadlineMs = 20_000): Promise<number> {
  return video.evaluate(
    async (el: HTMLVideoElement, { seconds, deadlineMs }) => {
      el.muted = true;
      await el.play();
      const deadline = Date.now() + deadlineMs;
      while (el.currentTime <= seconds && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return el.currentTime;
    },
    { seconds, deadlineMs },
  );
}
