// Printed invitation slips in real Chromium: one whole slip per participant (name, code, link, due date, a QR that
// has loaded), print only once every QR is in, and no slip split across pages.
import { expect, it } from "vitest";
import { formatCalendarDate } from "../../src/shared/calendarDate";
import { campaignDetail } from "../../src/shared/console";
import { appForThisFile } from "./support/appServer";
import { consoleRound, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: { locale: "en-US" } });

/** What each slip's QR looked like at the moment window.print() was called (the real dialog never opens). */
interface PrintCall {
  qrWidths: number[];
}

it("an organiser prints one whole slip per participant, only once every QR code has loaded", async () => {
  const { page } = app.phone;
  const round = await consoleRound(app.server, "Regional Workshop on Valuation", [
    { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
    { name: "Ana da Costa", administrationCode: "TL", email: "ana.costa@example.org" },
    { name: "Mere Naivalu", administrationCode: "FJ", email: "mere@example.org" },
  ]);
  const detail = campaignDetail.parse(
    await (await round.request("GET", `/api/console/campaigns/${round.campaignId}`)).json(),
  );
  await page.addInitScript(() => {
    const calls: PrintCall[] = [];
    Object.assign(window, { printCalls: calls });
    window.print = () => {
      const images = [...document.querySelectorAll<HTMLImageElement>("[data-testid=invitation-slip] img")];
      calls.push({ qrWidths: images.map((image) => image.naturalWidth) });
    };
  });
  // QR codes arriving slowly, as over a hotel's connection: printing straight away would print empty squares.
  await page.route("**/qr.svg", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await signInOnPage(page, app.server.url);
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  await page.getByRole("button", { name: "Print invitation slips" }).click();

  const printCalls = () => page.evaluate(() => (window as unknown as { printCalls: PrintCall[] }).printCalls);
  await expect.poll(printCalls, { timeout: 15_000 }).toHaveLength(1);
  expect((await printCalls())[0].qrWidths).toHaveLength(3);
  expect((await printCalls())[0].qrWidths.every((width) => width > 0)).toBe(true);

  await page.emulateMedia({ media: "print" });
  const slips = page.getByTestId("invitation-slip");
  expect(await slips.count()).toBe(3);
  for (const invitation of detail.invitations) {
    const slip = slips.filter({ hasText: invitation.participantName ?? "" });
    const text = (await slip.textContent()) ?? "";
    expect(text).toContain(invitation.code);
    expect(text).toContain(invitation.link);
    expect(await slip.isVisible()).toBe(true);
    const qr = slip.getByRole("img");
    expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    expect(await slip.evaluate((element) => getComputedStyle(element).breakInside)).toBe("avoid");
  }
  const dueLine = `Please reply by ${formatCalendarDate(detail.campaign.dueOn, "en-US")}.`;
  expect(await slips.allTextContents()).toEqual(detail.invitations.map(() => expect.stringContaining(dueLine)));
  // Only the slips print: the invitations table and the rest of the page stay off the paper.
  expect(await page.getByTestId("invitations").isVisible()).toBe(false);
  expect(await seriousAxeViolations(page, "invitation slips, printed")).toEqual([]);

  await page.emulateMedia({ media: "screen" });
  expect(await seriousAxeViolations(page, "invitation slips, on screen")).toEqual([]);
});

it("when a QR code cannot load, nothing prints and the organiser is told why", async () => {
  const { page } = app.phone;
  const round = await consoleRound(
    app.server,
    "Workshop on a bad line",
    [{ name: "Sela Taufa", administrationCode: "TO", email: "sela.t@example.org" }],
    "second.organiser@example.org",
  );
  await page.unrouteAll();
  await page.route("**/qr.svg", (route) => route.abort("connectionreset"));
  // The page is still signed in from the test above.
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  await page.getByRole("button", { name: "Print invitation slips" }).click();
  await expect
    .poll(() => page.getByRole("alert").textContent(), { timeout: 15_000 })
    .toContain("Some QR codes did not load, so nothing was printed.");
  expect(await page.evaluate(() => (window as unknown as { printCalls: PrintCall[] }).printCalls)).toEqual([]);
  expect(await page.getByRole("button", { name: "Print again" }).isDisabled()).toBe(true);
});
