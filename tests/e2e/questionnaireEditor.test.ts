// The questionnaire editor in a real Chromium: an organiser drafts version 3 from version 2, rewords a question, adds
// an option, answers the 360 px preview, is stopped by a condition on a later question, reads the diff and publishes;
// exports it as XLSForm and imports that back as the next draft; no serious axe finding at 1280 and 768 px; a viewer
// reads and changes nothing.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addOrganiser, consoleRequest, signIn } from "../integration/support/consoleClient";
import { appForThisFile } from "./support/appServer";
import { serverAsApp, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: {} });
const NEW_LABEL = "Which follow-up actions have you taken since the workshop?";
const NEW_OPTION = "Briefed the port authority and border police";

async function axeAtLaptopAndTablet(page: Page, screen: string): Promise<string[]> {
  const found: string[] = [];
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    found.push(...(await seriousAxeViolations(page, `${screen}, ${width} px`)));
  }
  return found;
}

it("an organiser drafts version 3 from version 2, edits and previews it, and publishes it after reading the diff", async () => {
  const { page } = app.phone;
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInOnPage(page, app.server.url);
  await page.getByRole("link", { name: "Questionnaires" }).click();
  await page.getByRole("heading", { name: "Questionnaires" }).waitFor();
  const findings = await axeAtLaptopAndTablet(page, "questionnaire versions");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "New draft from version 2" }).click();
  await page.getByRole("heading", { name: /version 3$/ }).waitFor();
  expect(await page.getByTestId("version-status").textContent()).toMatch(/^Draft, from version 2\./);

  const actions = page.locator('[data-edit-question="followUpActions"]');
  // Typed key by key, as a person does: the field keeps its focus while the draft changes under it.
  await actions.getByLabel("Question text").fill("");
  await actions.getByLabel("Question text").pressSequentially(NEW_LABEL);
  await actions.getByLabel("New option").fill("Briefed the port authority");
  await actions.getByRole("button", { name: "Add option" }).click();
  await actions.getByText("(id briefed_the_port_authority, kept when reworded)").waitFor();
  await actions.getByLabel(/^Option 8/).press("End");
  await actions.getByLabel(/^Option 8/).pressSequentially(" and border police");
  expect(await actions.getByLabel("Question text").inputValue()).toBe(NEW_LABEL);

  await page
    .locator('[data-edit-question="application"]')
    .getByLabel(/^Longest answer/)
    .fill("400");

  // The preview is the participant's own form, 360 px wide, and answers like it.
  const preview = page.getByTestId("preview");
  expect((await preview.boundingBox())?.width).toBe(360);
  await preview.getByText(NEW_LABEL).waitFor();
  await preview.getByLabel(NEW_OPTION).check();
  await preview.getByLabel("I have not taken any follow-up action yet").check();
  expect(await preview.getByLabel(NEW_OPTION).isChecked()).toBe(false);
  expect(await preview.getByLabel("Describe the direct effects").count()).toBe(0);
  await preview.locator('[data-question="directEffects"]').getByLabel("Yes").check();
  await preview.getByLabel("Describe the direct effects").fill("Release times fell at the wharf.");
  // The new limit is the one the phone counts against.
  await preview.getByLabel("How did you apply what you learnt to your work?").fill("x".repeat(330));
  await preview.getByText("330 of 400 characters").waitFor();

  // Moving the question a condition reads below the question it controls is refused until it is moved back.
  const effects = page.locator('[data-edit-question="directEffects"]');
  await effects.getByRole("button", { name: "Move down directEffects" }).click();
  await page
    .locator('[data-edit-question="directEffectsDescription"]')
    .getByTestId("question-problems")
    .getByText(/depends on "directEffects", which is not a question before it/)
    .waitFor();
  expect(await page.getByRole("button", { name: "Publish…" }).isDisabled()).toBe(true);
  await effects.getByRole("button", { name: "Move up directEffects" }).click();
  await expect.poll(() => page.getByTestId("draft-checks").textContent()).toBe("Nothing stops publishing.");

  findings.push(...(await axeAtLaptopAndTablet(page, "questionnaire editor")));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Publish…" }).click();
  const diff = page.getByTestId("publish-diff");
  await diff.waitFor();
  expect(await diff.getByRole("listitem").allTextContents()).toEqual([
    `followUpActions: question text changed from "After returning home, which follow-up actions did you take?" to "${NEW_LABEL}".`,
    `followUpActions: option "${NEW_OPTION}" (briefed_the_port_authority) added.`,
    "application: length or range changed from (default) to 400.",
  ]);
  findings.push(...(await axeAtLaptopAndTablet(page, "publish diff")));
  await page.getByRole("button", { name: "Publish version 3" }).click();
  await expect.poll(() => page.getByTestId("version-status").textContent()).toMatch(/^Published, from version 2\./);
  expect(await page.getByLabel("Title", { exact: true }).isDisabled()).toBe(true);

  const stored = await app.server.db
    .selectFrom("questionnaires")
    .selectAll()
    .where("version", "=", 3)
    .executeTakeFirstOrThrow();
  expect(stored.status).toBe("published");
  expect(JSON.stringify(stored)).toContain("briefed_the_port_authority");

  // Published, v3 still takes report bindings (copied from v2): the new option counts as sharing materials.
  const bindings = page.getByTestId("version-bindings");
  await expect.poll(() => bindings.getByRole("status").first().textContent()).toBe("This version feeds Tables 2 to 7.");
  await bindings.getByRole("group", { name: "Shared materials" }).getByLabel(NEW_OPTION).check();
  await bindings.getByRole("button", { name: "Save report bindings" }).click();
  await expect.poll(() => bindings.getByText(/^Report bindings saved/).count()).toBe(1);
  const bound = await app.server.db
    .selectFrom("questionnaires")
    .select("report_bindings")
    .where("version", "=", 3)
    .executeTakeFirstOrThrow();
  const sharedOptions = (
    JSON.parse(bound.report_bindings!) as { followUpActions: { columns: Record<string, string[]> } }
  ).followUpActions.columns.shared_materials;
  expect(sharedOptions).toContain("briefed_the_port_authority");
  // Unbinding a table says at once which replies the report would leave out.
  await bindings.getByLabel("Question").nth(2).selectOption("");
  await expect
    .poll(() => bindings.getByRole("status").first().textContent())
    .toBe("Replies to this version are left out of Table 5 until bound.");
  findings.push(...(await axeAtLaptopAndTablet(page, "report bindings")));
  expect(findings).toEqual([]);

  // Out as XLSForm with the versions page's link, and back in as the next draft with its file picker.
  await page.getByRole("link", { name: "All questionnaire versions" }).click();
  const link = page.getByRole("link", { name: "XLSForm of version 3" });
  const xlsx = await page.request.get(`${app.server.url}${await link.getAttribute("href")}`);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  await page.getByLabel("XLSForm file (.xlsx)").setInputFiles({
    name: "follow-up-v3.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await xlsx.body(),
  });
  await page.getByRole("heading", { name: /version 4$/ }).waitFor();
  expect(await page.getByTestId("version-status").textContent()).toMatch(/^Draft, from version 3\./);
  expect(
    await page
      .locator('[data-edit-question="followUpActions"]')
      .getByLabel(/^Option 8/)
      .inputValue(),
  ).toBe(NEW_OPTION);
  // Six axe passes and a publish: minutes on a loaded two-core machine, so a budget that does not depend on its speed.
}, 600_000);

it("a viewer reads every version, drafts included, and the preview, and can change nothing", async () => {
  const { page } = app.phone;
  await addOrganiser(app.server.db, "vera@example.org", "viewer", new Date());
  // A draft, which an organiser could edit: the viewer still only reads it.
  const server = serverAsApp(app.server.url);
  const organiser = await signIn(server, "ana@example.org");
  const draft = await consoleRequest(server, "POST", "/api/console/questionnaires/follow-up/versions", organiser, {});
  expect(draft.status).toBe(201);

  await page.getByRole("button", { name: "Sign out" }).click();
  await signInOnPage(page, app.server.url, "vera@example.org");
  await page.goto(`${app.server.url}/console/questionnaires`);
  const versions = page.getByTestId("questionnaire-versions");
  await versions.getByRole("link", { name: /— version 5$/ }).waitFor();
  expect(await page.getByRole("button", { name: /New draft/ }).count()).toBe(0);
  expect(await page.getByLabel("XLSForm file (.xlsx)").count()).toBe(0);

  await versions.getByRole("link", { name: /— version 5$/ }).click();
  await page.getByTestId("read-only").getByText("only organisers change it").waitFor();
  expect(await page.getByTestId("version-status").textContent()).toMatch(/^Draft, from version 3\./);
  expect(await page.getByLabel("Title", { exact: true }).isDisabled()).toBe(true);
  const actions = page.locator('[data-edit-question="followUpActions"]');
  expect(await actions.getByLabel("Question text").isDisabled()).toBe(true);
  expect(await actions.getByRole("button", { name: "Add option" }).isDisabled()).toBe(true);
  expect(await page.getByRole("button", { name: "Save draft" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Publish…" }).count()).toBe(0);
  await page.getByTestId("preview").getByLabel("I have not taken any follow-up action yet").check();
});
