// The questionnaire editor in French: with the console's language set to French, a draft, a question, a condition, the
// 360 px preview (its answer problems included), the report bindings panel and the publish diff all read in French,
// none of a list of the editor's English words is left on the page, and axe finds nothing serious.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addOrganiser } from "../integration/support/consoleClient";
import { appForThisFile } from "./support/appServer";
import { signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: { locale: "en-GB" } });

/** The editor's own English words (not the questionnaire's, which stays English where it has no French). */
const ENGLISH_EDITOR_WORDS = [
  "All questionnaire versions",
  "Download as XLSForm",
  "Introduction (optional)",
  "New section title",
  "Section title",
  "Question text",
  "Hint (optional)",
  "An answer is required",
  "kept when reworded",
  "asks to specify",
  "Stands alone",
  "Add option",
  "When it is shown",
  "Condition 1: question",
  "does not include",
  "Add a condition",
  "Move up",
  "Remove question",
  "Several choices",
  "Preview at 360 px",
  "Clear the preview",
  "Report tables",
  "Counts as yes",
  "Not bound",
  "Save report bindings",
  "Save draft",
  "Nothing stops publishing",
  "What changes from version",
  "question text changed from",
  "Publish version",
  "Keep editing",
  "does not look like an e-mail address",
];

async function chooseFrench(page: Page): Promise<void> {
  await page.locator("summary", { hasText: "Language / Langue" }).click();
  await page.getByLabel("Français").check();
}

it("the editor, its question and condition editors, the preview, the report bindings and the diff read in French", async () => {
  const { page } = app.phone;
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInOnPage(page, app.server.url);
  await chooseFrench(page);
  await page.getByRole("heading", { name: "Ateliers", exact: true }).waitFor();
  await page.getByRole("link", { name: "Questionnaires" }).click();
  await page.getByRole("button", { name: "Nouveau brouillon à partir de la version 2" }).click();
  await page.getByRole("heading", { name: /version 3$/ }).waitFor();
  expect(await page.getByTestId("version-status").textContent()).toMatch(/^Brouillon \(version d’origine : 2\)\./);
  expect(await page.getByRole("link", { name: "Télécharger au format XLSForm" }).count()).toBe(1);
  expect(await page.getByLabel("Introduction (facultative)").count()).toBe(1);

  // A question: its fields, its type by name, its options' roles.
  const actions = page.locator('[data-edit-question="followUpActions"]');
  await actions.getByLabel("Texte de la question").fill("Quelles actions de suivi avez-vous menées ?");
  expect(await actions.getByLabel("Type", { exact: true }).locator("option:checked").textContent()).toBe(
    "Choix multiples",
  );
  expect(await actions.getByText("Réponse obligatoire").count()).toBe(1);
  expect(await actions.getByText("Option exclusive (comme « aucune pour l’instant »)").count()).toBeGreaterThan(0);
  expect(await actions.getByText("« Autre — préciser » : demande une précision").count()).toBeGreaterThan(0);
  expect(await actions.getByRole("button", { name: "Ajouter l’option" }).count()).toBe(1);
  expect(await actions.getByRole("heading", { name: "Condition d’affichage" }).count()).toBe(1);

  // A condition: "Describe the direct effects" is shown when "directEffects" is yes.
  const described = page.locator('[data-edit-question="directEffectsDescription"]');
  expect(await described.getByLabel("Condition 1 : critère").locator("option:checked").textContent()).toBe("est");
  expect(await described.getByLabel("Condition 1 : réponse").count()).toBe(1);
  expect(await described.getByRole("button", { name: "Ajouter une condition" }).count()).toBe(1);
  // The draft's checks, in French: the question a condition reads moved below it is refused beside it, then fixed.
  const effects = page.locator('[data-edit-question="directEffects"]');
  await effects.getByRole("button", { name: "Descendre directEffects" }).click();
  await described
    .getByTestId("question-problems")
    .getByText("« directEffectsDescription » dépend de « directEffects », qui n’est pas une question antérieure.")
    .waitFor();
  expect(await page.getByTestId("draft-checks").textContent()).toBe(
    "1 problème(s) à corriger avant publication (indiqués à côté de chaque question).",
  );
  await effects.getByRole("button", { name: "Monter directEffects" }).click();

  // The preview: its frame in French and, once the questionnaire's text is chosen in French, an answer problem worded by
  // the participant's French catalogue (in English text, the preview is an English participant's form).
  await page.getByRole("heading", { name: "Aperçu à 360 px" }).waitFor();
  const textLanguages = page.getByRole("group", { name: "Texte du questionnaire en" });
  expect(await textLanguages.getByLabel("English").isChecked()).toBe(true);
  await textLanguages.getByLabel("Français").check();
  expect(await page.getByTestId("translation-count").textContent()).toBe("Textes traduits en français : 0 sur 41");
  const preview = page.getByTestId("preview");
  await preview.locator('[data-question="directEffects"]').getByLabel("Oui").check();
  await preview.locator('[data-question="email"] input').fill("nobody");
  await preview.locator('[data-question="email"] input').blur();
  await preview.getByText("Cela ne ressemble pas à une adresse électronique (nom@exemple.org).").waitFor();
  expect(await page.getByRole("button", { name: "Effacer les réponses de l’aperçu" }).count()).toBe(1);

  // The report bindings panel.
  const bindings = page.getByTestId("version-bindings");
  await bindings.getByRole("heading", { name: "Tableaux du rapport" }).waitFor();
  expect(await bindings.getByText("Tableau 2 : actions de suivi (aussi tableaux 4 et 7)").count()).toBe(1);
  expect(await bindings.getByText("Compte comme oui").count()).toBeGreaterThan(0);
  expect(await bindings.getByRole("button", { name: "Enregistrer les liaisons du rapport" }).count()).toBe(1);

  // Saved, then the diff read before publishing.
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await page.getByText("Brouillon enregistré.").waitFor();
  expect(await page.getByTestId("draft-checks").textContent()).toBe("Rien n’empêche la publication.");
  await page.getByRole("button", { name: "Publier…" }).click();
  const diff = page.getByTestId("publish-diff");
  await diff.getByRole("heading", { name: "Ce qui change de la version 2 à la version 3" }).waitFor();
  expect(await diff.getByRole("listitem").allTextContents()).toEqual([
    "followUpActions : texte de la question, « After returning home, which follow-up actions did you take? » devient « Quelles actions de suivi avez-vous menées ? ».",
  ]);
  expect(await diff.getByRole("button", { name: "Publier la version 3" }).count()).toBe(1);

  const shown = (await page.locator("main").textContent()) ?? "";
  expect(ENGLISH_EDITOR_WORDS.filter((words) => shown.includes(words))).toEqual([]);
  expect(await seriousAxeViolations(page, "French questionnaire editor")).toEqual([]);
}, 240_000);
