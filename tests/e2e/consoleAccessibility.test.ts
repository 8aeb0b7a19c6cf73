// Every console page (support/consolePages.ts lists them, one per route) at laptop (1280×800) and tablet
// (768×1024) size in real Chromium: axe-core finds nothing serious or critical, the console's own bar is a banner
// with a named navigation beside one main, the participant app's bars are not there, and at 768 px nothing
// scrolls sideways. Pages are shown with content: a reply in full, audit entries, a column mapping, the copy of a
// set-up, the demo data's archive asking, an edit conflict.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addOrganiser, consoleRequest, signIn } from "../integration/support/consoleClient";
import { validReply } from "../integration/support/replyFixtures";
import { postBatch } from "../integration/support/requests";
import { appForThisFile } from "./support/appServer";
import { CONSOLE_PAGE_VISITS, WALK_REPLY_ID, type ConsoleWalkApi } from "./support/consolePages";
import { serverAsApp, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: { locale: "en-GB" } });
const SIZES = [
  { name: "laptop", width: 1280, height: 800 },
  { name: "tablet", width: 768, height: 1024 },
] as const;
// A long walk on a busy machine: nothing here is timed, the bound only stops a hang.
const WALK_TIMEOUT_MS = 1_500_000;
const LOAD_TIMEOUT_MS = 60_000;

/** What is wrong with the page's frame: landmarks missing, participant bars present, a sideways scroll. */
async function frameFindings(
  page: Page,
  where: string,
  { consoleBar, sidewaysScroll }: { consoleBar: boolean; sidewaysScroll: boolean },
): Promise<string[]> {
  const found: string[] = [];
  if (consoleBar && (await page.getByRole("banner").getByRole("navigation", { name: "Console" }).count()) !== 1)
    found.push(`${where}: no console bar as a banner with a "Console" navigation`);
  if ((await page.getByRole("main").count()) !== 1) found.push(`${where}: not exactly one main landmark`);
  for (const participantBar of [".app-bar", '[data-testid="sync-status"]', ".text-size"])
    if ((await page.locator(participantBar).count()) > 0)
      found.push(`${where}: shows the participant app's ${participantBar}`);
  if (sidewaysScroll) {
    const widths = await page.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
    });
    if (widths.scroll > widths.client)
      found.push(`${where}: scrolls sideways (${widths.scroll} px in ${widths.client})`);
  }
  return found;
}

it(
  "every console page is free of serious axe findings at laptop and tablet size, in its own frame, without sideways scroll at 768 px",
  async () => {
    const { page } = app.phone;
    await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
    await addOrganiser(app.server.db, "ben@example.org", "organiser", new Date(), "Ben Kalo");
    const server = serverAsApp(app.server.url);
    // A colleague signed in beside the page, and one reply from the demo invitation, so the reply page has content.
    const ben = await signIn(server, "ben@example.org");
    const api: ConsoleWalkApi = { request: (method, path, body) => consoleRequest(server, method, path, ben, body) };
    const sent = await postBatch(server, [validReply({ id: WALK_REPLY_ID })]);
    expect(sent.results.map((r) => r.outcome)).toEqual(["stored"]);
    await signInOnPage(page, app.server.url);
    const findings: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const visit of CONSOLE_PAGE_VISITS) {
        const where = `${visit.path} at ${size.name} size`;
        await page.goto(`${app.server.url}${visit.path}`);
        await page.getByRole("heading", { name: visit.heading }).first().waitFor({ timeout: LOAD_TIMEOUT_MS });
        await visit.ready?.(page, api);
        const found = [
          ...(await seriousAxeViolations(page, where)),
          ...(await frameFindings(page, where, {
            // The set-up page is for before anyone signs in: it has no console bar.
            consoleBar: visit.route !== "/console/setup",
            sidewaysScroll: size.width === 768,
          })),
        ];
        // Printed as it goes, so a run that stops part-way still tells what it saw.
        console.log(`${where}: ${found.length === 0 ? "fine" : `\n  ${found.join("\n  ")}`}`);
        findings.push(...found);
      }
    }
    expect(findings).toEqual([]);
  },
  WALK_TIMEOUT_MS,
);
