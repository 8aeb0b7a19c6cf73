// Putting the demo data away from the console in real Chromium: asked twice, the demo workshop leaves the list and
// its codes take no replies; restoring brings it back.
import { expect, it } from "vitest";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { addOrganiser } from "../integration/support/consoleClient";
import { validReply } from "../integration/support/replyFixtures";
import { postBatch } from "../integration/support/requests";
import { appForThisFile } from "./support/appServer";
import { serverAsApp, signInOnPage } from "./support/consoleRound";

const app = appForThisFile({ phone: { locale: "en-GB" } });

it("the demo data is archived after a second click, leaves the workshops list, refuses replies, and comes back on restore", async () => {
  const { page } = app.phone;
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date(), "Ana Tui");
  await signInOnPage(page, app.server.url);
  const demoRow = page.locator(`a[href="/console/workshops/${DEMO_WORKSHOP_ID}"]`);
  await demoRow.first().waitFor();

  await page.getByRole("button", { name: "Archive the demo data…" }).click();
  // Nothing happens before the second click.
  expect(await demoRow.count()).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Archive it" }).click();
  await page.getByRole("button", { name: "Restore the demo data" }).waitFor();
  await expect.poll(() => demoRow.count()).toBe(0);
  expect(await page.getByText(/^Archived .* by Ana Tui: out of the lists and reports/).count()).toBe(1);
  const refused = await postBatch(serverAsApp(app.server.url), [validReply()]);
  expect(refused.results[0]).toMatchObject({ outcome: "rejected", error: { code: "invitation_archived" } });

  await page.getByRole("button", { name: "Restore the demo data" }).click();
  await expect.poll(() => demoRow.count()).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Archive the demo data…" }).waitFor();
});
