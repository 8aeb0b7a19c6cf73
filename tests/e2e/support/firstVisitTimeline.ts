// What a first visit fetches before the first question is on screen: bytes as transferred and the chain of round trips.
import type { Page } from "playwright-core";
import type { ProxiedRequest } from "../../support/faultyProxy";

/** Notes, in the page, the moment the first question's field appears (Date.now(), the proxy's clock too). */
export async function watchForFirstQuestion(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { firstQuestionAt?: number };
    const seen = () => {
      if (w.firstQuestionAt === undefined && document.querySelector("[data-question]")) w.firstQuestionAt = Date.now();
      return w.firstQuestionAt !== undefined;
    };
    const observer = new MutationObserver(() => {
      if (seen()) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export async function firstQuestionAt(page: Page): Promise<number> {
  await page.locator("[data-question]").first().waitFor();
  const at = await page.evaluate(() => (window as unknown as { firstQuestionAt?: number }).firstQuestionAt);
  if (at === undefined) throw new Error("the first question's moment was not recorded");
  return at;
}

/** Every byte the proxy passed to the browser for a request: status line, headers and body as sent (gzip included). */
export const transferredBytes = (r: ProxiedRequest) => (r.headerBytes ?? 0) + r.bytesSent;

/**
 * Round trips in the longest chain of requests where each started only after the one before it had been
 * fully answered: the HTML alone is 1; HTML, then everything else at once, is 2.
 */
export function roundTripDepth(requests: ProxiedRequest[]): number {
  const byStart = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const depth = new Map<ProxiedRequest, number>();
  for (const request of byStart) {
    const before = byStart.filter((earlier) => earlier.finishedAt !== undefined && earlier.finishedAt <= request.startedAt);
    depth.set(request, 1 + Math.max(0, ...before.map((earlier) => depth.get(earlier) ?? 1)));
  }
  return Math.max(0, ...depth.values());
}

/** The path without its query, and hashed asset names kept whole, for the report. */
export function describeRequest(r: ProxiedRequest): string {
  return `${r.method} ${r.path} ${r.status ?? "-"} ${transferredBytes(r)} B (+${r.startedAt}→${r.finishedAt ?? "?"})`;
}
