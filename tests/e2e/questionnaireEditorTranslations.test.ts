// The questionnaire's own text in French, written in the editor (real Chromium, English console): an organiser drafts
// version 3 from version 2, chooses "Questionnaire text in: Français", translates the title, a section, a question, its
// hint and an option (each beside its English), adds and clears one more, and sees the count and the 360 px preview
// follow; the translations survive saving and a reload, the publish diff lists them, and the screen is axe clean and
// fits 360 px.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addOrganiser } from "../integration/support/consoleClient";
import { appForThisFile } from "./support/appServer";
import { signInOnPage } from "./support/consoleRound";
import { layoutFindings, seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: { locale: "en-GB" } });

const FRENCH = {
  title: "Actions de suivi après votre atelier",
  section: "Actions de suivi",
  question: "De retour chez vous, quelles actions de suivi avez-vous menées ?",
  option: "Je n’ai encore mené aucune action de suivi",
  hint: "Si vous ne l’avez pas encore appliqué, dites-le : c’est aussi une réponse utile.",
};

async function chooseTextLanguage(page: Page, language: "English" | "Français"): Promise<void> {
  await page.getByRole("group", { name: "Questionnaire text in" }).getByLabel(language).check();
}

const count = (page: Page) => page.getByTestId("translation-count").textContent();

it("an organiser writes the questionnaire's French in the editor, previews it in French and publishes it", async () => {
  const { page } = app.phone;
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInOnPage(page, app.server.url);
  await page.getByRole("link", { name: "Questionnaires" }).click();
  await page.getByRole("button", { name: "New draft from version 2" }).click();
  await page.getByRole("heading", { name: /version 3$/ }).waitFor();

  // English, the base text, is what the editor starts in; choosing French turns every text field into its translation.
  expect(await page.getByRole("group", { name: "Questionnaire text in" }).getByLabel("English").isChecked()).toBe(true);
  await chooseTextLanguage(page, "Français");
  expect(await count(page)).toBe("French: 0 of 41 texts translated");
  const title = page.getByLabel("Title in French", { exact: true });
  expect(await title.inputValue()).toBe("");
  expect(await title.getAttribute("placeholder")).toBe("not translated — English shown");
  // The English it translates is under it, and is what a screen reader hears as its description.
  expect(await page.locator(`#${await title.getAttribute("aria-describedby")}`).textContent()).toBe(
    "English: Follow-up actions after your workshop",
  );
  await title.fill(FRENCH.title);
  await page.locator('[data-edit-section="actions"]').getByLabel("Section title in French").fill(FRENCH.section);
  const actions = page.locator('[data-edit-question="followUpActions"]');
  await actions.getByLabel("Question text in French").pressSequentially(FRENCH.question);
  await actions.getByLabel(/^Option 7 .* in French$/).fill(FRENCH.option);
  await page.locator('[data-edit-question="application"]').getByLabel("Hint (optional) in French").fill(FRENCH.hint);
  // One more, then cleared: an emptied field removes its translation (the participant sees the English again).
  const email = page.locator('[data-edit-question="email"]').getByLabel("Question text in French");
  await email.fill("Courriel");
  expect(await count(page)).toBe("French: 6 of 41 texts translated");
  await email.fill("");
  expect(await count(page)).toBe("French: 5 of 41 texts translated");

  // The preview speaks French: the texts translated, the phone's own words ("Oui"), English where none is written yet.
  const preview = page.getByTestId("preview");
  expect(await preview.getAttribute("lang")).toBe("fr");
  expect(await preview.locator(".preview-title").textContent()).toBe(FRENCH.title);
  await preview.getByRole("heading", { name: FRENCH.section }).waitFor();
  await preview.getByText(FRENCH.question).waitFor();
  await preview.getByText(FRENCH.hint).waitFor();
  await preview.getByLabel(FRENCH.option).check();
  await preview.getByText("E-mail address").waitFor();
  await preview.locator('[data-question="directEffects"]').getByLabel("Oui").waitFor();

  expect(await seriousAxeViolations(page, "editor in French text, 1280 px")).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await seriousAxeViolations(page, "editor in French text, 360 px")).toEqual([]);
  expect(await layoutFindings(page, "editor in French text, 360 px")).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Back in English: the English text is untouched, and the preview is English again.
  await chooseTextLanguage(page, "English");
  expect(await actions.getByLabel("Question text", { exact: true }).inputValue()).toBe(
    "After returning home, which follow-up actions did you take?",
  );
  await preview.getByText("After returning home, which follow-up actions did you take?").waitFor();
  expect(await page.getByTestId("translation-count").count()).toBe(0);

  // Saved through the draft's own save, and still there after a reload.
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText("Draft saved.").waitFor();
  await page.reload();
  await page.getByRole("heading", { name: /version 3$/ }).waitFor();
  await chooseTextLanguage(page, "Français");
  expect(await count(page)).toBe("French: 5 of 41 texts translated");
  expect(await actions.getByLabel("Question text in French").inputValue()).toBe(FRENCH.question);
  expect(await email.inputValue()).toBe("");

  await page.getByRole("button", { name: "Publish…" }).click();
  const diff = page.getByTestId("publish-diff");
  await diff.waitFor();
  expect(await diff.getByRole("listitem").allTextContents()).toEqual([
    `Title in fr added: "${FRENCH.title}".`,
    `Section actions: title in fr added: "${FRENCH.section}".`,
    `followUpActions: question text in fr added: "${FRENCH.question}".`,
    `followUpActions: option none_yet in fr added: "${FRENCH.option}".`,
    `application: hint in fr added: "${FRENCH.hint}".`,
  ]);
  await page.getByRole("button", { name: "Publish version 3" }).click();
  await expect.poll(() => page.getByTestId("version-status").textContent()).toMatch(/^Published, from version 2\./);
}, 600_000);
