// What an accessibility test checks on one screen: axe-core (serious and critical only) at normal and 200% text and
// in dark mode, and at 320 px with 200% text that nothing runs off the side and every tap target is at least 44×44.
import { AxeBuilder } from "@axe-core/playwright";
import type { CDPSession, Page } from "playwright-core";

/** The browser's default text size, as the phone's own text-size setting sets it (16 px = 100%). */
const NORMAL_TEXT_PX = 16;
export const MIN_TARGET_PX = 44;

/** One problem found on one screen, in words a failing test can print. */
export type ScreenFinding = string;

/** Changes the browser's default font size at run time (what "text size" in the phone's settings does). */
export async function setBrowserTextScale(cdp: CDPSession, scale: number): Promise<void> {
  await cdp.send("Page.setFontSizes", {
    fontSizes: { standard: Math.round(NORMAL_TEXT_PX * scale), fixed: Math.round(13 * scale) },
  });
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** axe-core's serious and critical violations on the page as it is now, one line per rule and element. */
export async function seriousAxeViolations(page: Page, condition: string): Promise<ScreenFinding[]> {
  // Violations only: axe then skips gathering what passed, which is most of its time on a busy machine.
  // A frame sandboxed without scripts (the handout viewer's sanitised HTML) cannot run axe: waiting for it hangs the
  // whole check, so that frame is left out of the axe run (the rest of the viewer screen is still checked).
  const results = await new AxeBuilder({ page })
    .exclude('iframe[sandbox]:not([sandbox~="allow-scripts"])')
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => `${condition}: ${v.id} (${v.impact}) at ${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
    );
}

/**
 * Elements that stick out past the right edge of a `width`-px screen (outside any box that scrolls or clips on its
 * own, such as a data table's wrapper or the PDF page), whether the page itself scrolls sideways, and visible
 * tap targets smaller than 44×44.
 *
 * Allowed below 44 px: a link inside running text (WCAG 2.5.8's inline exception: it cannot grow without
 * spreading the lines apart), and a check box or radio button whose label around it is a target of 44 px or more
 * (the label is what one taps).
 */
export async function layoutFindings(page: Page, condition: string): Promise<ScreenFinding[]> {
  const found = await page.evaluate((minTarget) => {
    const problems: string[] = [];
    const viewportWidth = document.documentElement.clientWidth;
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > scroller.clientWidth)
      problems.push(`the page scrolls sideways (${scroller.scrollWidth} px wide in ${scroller.clientWidth})`);

    const describe = (el: Element) => {
      const text = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const classes = el.getAttribute("class") ? `.${el.getAttribute("class")!.trim().split(/\s+/).join(".")}` : "";
      return `<${el.tagName.toLowerCase()}${classes}${el.id ? `#${el.id}` : ""}> "${text}"`;
    };
    const clippedByOwnBox = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
        const overflowX = getComputedStyle(a).overflowX;
        if (overflowX !== "visible") return true;
      }
      return false;
    };
    // checkVisibility also hides what a closed <details> keeps laid out but unrendered.
    const isShown = (el: Element) => {
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && rect.right > 0 && el.checkVisibility({ visibilityProperty: true });
    };

    const overflowing = [...document.body.querySelectorAll("*")].filter(
      (el) => isShown(el) && el.getBoundingClientRect().right > viewportWidth + 1 && !clippedByOwnBox(el),
    );
    // Only the outermost of a run of overflowing elements: its children say nothing new.
    for (const el of overflowing)
      if (!overflowing.includes(el.parentElement!))
        problems.push(`${describe(el)} runs past the right edge (${Math.round(el.getBoundingClientRect().right)} px)`);

    const inRunningText = (el: Element) => {
      if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
      const block = el.parentElement;
      const own = (el.textContent ?? "").trim().length;
      return Boolean(block && (block.textContent ?? "").trim().length > own);
    };
    const labelAround = (input: HTMLInputElement) => input.closest("label") ?? input.labels?.[0] ?? null;
    const targets = document.body.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex="0"]',
    );
    for (const el of targets) {
      if (!isShown(el) || el.closest("[inert], [aria-hidden='true']")) continue;
      if (inRunningText(el)) continue;
      let box = el.getBoundingClientRect();
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
        const label = labelAround(el);
        if (label) box = label.getBoundingClientRect();
      }
      // Half a pixel of rounding allowed: 44 rem-based pixels can lay out as 43.99.
      if (box.width < minTarget - 0.5 || box.height < minTarget - 0.5)
        problems.push(`${describe(el)} is a ${Math.round(box.width)}×${Math.round(box.height)} px target`);
    }
    return problems;
  }, MIN_TARGET_PX);
  return found.map((problem) => `${condition}: ${problem}`);
}

export interface ScreenChecker {
  /** Runs every check on the screen now shown; returns what it found (empty when all is well). */
  check(screen: string, options?: { dark?: boolean }): Promise<ScreenFinding[]>;
}

/** Checks a phone's screens at 360 px (normal and 200% text, optionally dark) and at 320 px with 200% text. */
export async function screenChecker(page: Page): Promise<ScreenChecker> {
  const cdp = await page.context().newCDPSession(page);
  return {
    async check(screen, { dark = false } = {}) {
      const findings: ScreenFinding[] = [];
      const phone = page.viewportSize() ?? { width: 360, height: 640 };
      try {
        await settled(page);
        findings.push(...(await seriousAxeViolations(page, `${screen}, 360 px`)));
        if (dark) {
          await page.emulateMedia({ colorScheme: "dark" });
          await settled(page);
          findings.push(...(await seriousAxeViolations(page, `${screen}, 360 px, dark`)));
          await page.emulateMedia({ colorScheme: "light" });
        }
        await setBrowserTextScale(cdp, 2);
        await settled(page);
        findings.push(...(await seriousAxeViolations(page, `${screen}, 360 px, 200% text`)));
        await page.setViewportSize({ width: 320, height: 640 });
        await settled(page);
        findings.push(...(await layoutFindings(page, `${screen}, 320 px, 200% text`)));
        // 400% browser zoom on a 1280 px wide window: 320 CSS px wide, 256 high, at normal text.
        await setBrowserTextScale(cdp, 1);
        await page.setViewportSize({ width: 320, height: 256 });
        await settled(page);
        findings.push(...(await layoutFindings(page, `${screen}, 400% zoom`)));
      } finally {
        await page.setViewportSize(phone);
        await setBrowserTextScale(cdp, 1);
        await page.emulateMedia({ colorScheme: "light" });
      }
      return findings;
    },
  };
}
