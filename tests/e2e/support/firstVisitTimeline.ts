// What a first visit fetches before the first question is on screen: bytes as transferred and the chain of round trips.
import type { CDPSession, Page } from "playwright-core";
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

interface Initiator {
  type: string;
  url?: string;
  stack?: { callFrames: { url: string }[]; parent?: Initiator["stack"] };
}

/** Who asked for each URL, as Chromium records it: the document's parser, a script (by its URL), or the browser. */
export async function recordInitiators(page: Page): Promise<Map<string, string | undefined>> {
  const askedBy = new Map<string, string | undefined>();
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  session.on(
    "Network.requestWillBeSent",
    (event: { request: { url: string }; initiator: Initiator; type?: string; documentURL: string }) => {
      if (askedBy.has(event.request.url)) return;
      // A preload named in the page's headers, or the browser's own (manifest), waits for the page: its document.
      askedBy.set(
        event.request.url,
        event.type === "Document" ? undefined : (initiatorUrl(event.initiator) ?? event.documentURL),
      );
    },
  );
  return askedBy;
}

function initiatorUrl(initiator: Initiator): string | undefined {
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    const frame = stack.callFrames.find((f) => f.url !== "");
    if (frame) return frame.url;
  }
  return initiator.url;
}

/**
 * Round trips before a request can start, from Chromium's initiators: the page is 1; what the page (its HTML or
 * its headers) asks for is 2; what a script asks for is one more than that script. Timing plays no part, so a
 * loaded machine cannot change the count.
 */
export function roundTripsFor(url: string, askedBy: Map<string, string | undefined>, seen = new Set<string>()): number {
  if (!askedBy.has(url) || seen.has(url)) return 1;
  const by = askedBy.get(url);
  if (by === undefined) return 1;
  return 1 + roundTripsFor(by.split("#")[0], askedBy, new Set(seen).add(url));
}

/** Every byte the proxy passed to the browser for a request: status line, headers and body as sent (gzip included). */
export const transferredBytes = (r: ProxiedRequest) => (r.headerBytes ?? 0) + r.bytesSent;

/** One line per request for the report: what, answer, bytes, and when it started and ended on the proxy's clock. */
export function describeRequest(r: ProxiedRequest): string {
  return `${r.method} ${r.path} ${r.status ?? "-"} ${transferredBytes(r)} B (+${r.startedAt}→${r.finishedAt ?? "?"})`;
}
