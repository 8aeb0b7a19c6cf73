// Participant screens at 360 px with the browser's text size at 200%: text follows the setting, nothing scrolls sideways, the menu stays readable.
import { describe, expect, it } from "vitest";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { appForThisFile } from "./support/appServer";
import { joinByLink } from "./support/participantFlow";

const app = appForThisFile({ phone: { textScale: 2 } });

describe("at 200% text on a 360 px phone", () => {
  it("every participant screen grows its text with the setting, has no sideways scroll, and keeps the menu inside its bar", async () => {
    const { page } = app.phone;
    await joinByLink(page, app.server.url, "DEMO-TO1");
    // 17 px at the default 16 px, so 34 px at 32 px.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("34px");
    for (const path of ["/", "/survey/DEMO-TO1", "/library", `/library/${DEMO_WORKSHOP_ID}`, "/trainer", "/inhouse"]) {
      await page.goto(`${app.server.url}${path}`);
      await page.locator("h1").first().waitFor();
      const layout = await page.evaluate(() => {
        const bar = document.querySelector(".app-bar")!.getBoundingClientRect();
        const links = [...document.querySelectorAll<HTMLElement>(".app-bar nav a")].map((a) =>
          a.getBoundingClientRect(),
        );
        return {
          scrollWidth: document.documentElement.scrollWidth,
          linksInsideBar: links.every(
            (r) => r.left >= bar.left && r.right <= bar.right && r.top >= bar.top && r.bottom <= bar.bottom,
          ),
          smallestLink: Math.min(...links.map((r) => r.height)),
        };
      });
      expect({ path, ...layout }).toEqual({
        path,
        scrollWidth: 360,
        linksInsideBar: true,
        smallestLink: expect.any(Number),
      });
      expect(layout.smallestLink).toBeGreaterThanOrEqual(44);
    }
  });

  it("the sticky button bar never covers the field that has focus, moving through a section with the keyboard", async () => {
    const { page } = app.phone;
    await page.goto(`${app.server.url}/survey/DEMO-TO1`);
    await page.getByRole("heading", { name: "About you" }).waitFor();
    const covered: string[] = [];
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const field = document.activeElement as HTMLElement | null;
        const bar = document.querySelector(".sticky-actions");
        if (!field || !bar || !field.matches("input, textarea, select") || bar.contains(field)) return undefined;
        return { id: field.id, bottom: field.getBoundingClientRect().bottom, barTop: bar.getBoundingClientRect().top };
      });
      if (where && where.bottom > where.barTop) covered.push(`${where.id}: ${where.bottom} > ${where.barTop}`);
    }
    expect(covered).toEqual([]);
  });

  it("names each screen in the tab title and moves focus to its heading after a move inside the app", async () => {
    const { page } = app.phone;
    await page.goto(`${app.server.url}/`);
    await page.locator("h1").first().waitFor();
    await expect.poll(() => page.title()).toBe("Your questionnaires · Outrigger");
    for (const [link, heading] of [
      ["Materials", "Training materials"],
      ["Share", "Share and train"],
    ]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
      await expect.poll(() => page.title()).toBe(`${heading} · Outrigger`);
      await expect
        .poll(() => page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent]))
        .toEqual(["H1", heading]);
    }
  });
});
