// Accounts in a real Chromium: an organiser adds a viewer from the console (the password policy speaks first),
// the viewer signs in and sees no Accounts link; the page axe clean and fitting 360 px.
import { expect, it } from "vitest";
import { appForThisFile } from "./support/appServer";
import { signInOnPage } from "./support/consoleRound";
import { addOrganiser } from "../integration/support/consoleClient";
import { layoutFindings, seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: {} });
const VIEWER_PASSWORD = "coconut crabs at low tide";

it("an organiser adds a viewer on the Accounts page and the viewer signs in with the password passed on", async () => {
  const { page } = app.phone;
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
  await signInOnPage(page, app.server.url);

  await page.getByRole("link", { name: "Accounts" }).click();
  await page.getByRole("heading", { name: "Accounts", exact: true }).waitFor();
  await page.getByLabel("Name").fill("Losa Viewer");
  await page.getByLabel("E-mail").fill("losa@example.org");
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByLabel(/^Initial password/).fill("too short");
  await page.getByRole("button", { name: "Add account" }).click();
  await page.getByRole("alert").filter({ hasText: "The password needs at least 15 characters." }).waitFor();

  await page.getByLabel(/^Initial password/).fill(VIEWER_PASSWORD);
  await page.getByRole("button", { name: "Add account" }).click();
  await page.getByRole("status").filter({ hasText: "Losa Viewer can now sign in" }).waitFor();
  await expect.poll(() => page.getByTestId("console-account").count()).toBe(2);
  const losa = page.getByTestId("console-account").filter({ hasText: "losa@example.org" });
  expect(await losa.textContent()).toContain("viewer");
  expect(await losa.getByRole("button", { name: "Disable Losa Viewer" }).count()).toBe(1);
  // Nobody disables themselves: the organiser's own card has no such button.
  const own = page.getByTestId("console-account").filter({ hasText: "ana@example.org" });
  expect(await own.getByRole("button").count()).toBe(0);

  await losa.getByRole("button", { name: "Reset the password of Losa Viewer" }).click();
  await losa.getByLabel(/^New password for Losa Viewer/).waitFor();
  expect(await seriousAxeViolations(page, "accounts")).toEqual([]);
  expect(await layoutFindings(page, "accounts at 360 px")).toEqual([]);
  await losa.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("E-mail address").fill("losa@example.org");
  await page.getByLabel("Password").fill(VIEWER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in where the organiser left off: a viewer is told the page is not theirs, and has no link to it.
  await page.getByText("Only an organiser can see and change the console's accounts.").waitFor();
  expect(await page.getByText("Losa Viewer (viewer)").count()).toBe(1);
  expect(await page.getByRole("link", { name: "Accounts" }).count()).toBe(0);
});
