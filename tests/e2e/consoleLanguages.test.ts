// The console and the participant's library in French: the organiser switches the console's language in its bar and
// the choice holds after a reload; a participant switches the app bar's language on the library. Each screen's visible
// text and <html lang> follow, dates come through Intl in French, and the French screens are axe clean (the console's
// workshops and a year's reply tracking). In French a refusal from the server shows the catalogue's French sentence and
// the report comes with French tables (analytic and as published), its downloads asked for in French, and the trends
// name their figures in French.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addOrganiser } from "../integration/support/consoleClient";
import { appForThisFile } from "./support/appServer";
import { signInOnPage } from "./support/consoleRound";
import { DEMO_WORKSHOP } from "./support/materials";
import { joinByLink } from "./support/participantFlow";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: { locale: "en-GB" } });

async function chooseFrench(page: Page): Promise<void> {
  await page.locator("summary", { hasText: "Language / Langue" }).click();
  await page.getByLabel("Français").check();
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

it("the console switches to French in its own bar, keeps it after a reload, and is axe clean", async () => {
  const { page } = app.phone;
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
  await signInOnPage(page, app.server.url);
  expect(await htmlLang(page)).toBe("en");

  await chooseFrench(page);
  await page.getByRole("heading", { name: "Ateliers", exact: true }).waitFor();
  expect(await htmlLang(page)).toBe("fr");
  const bar = page.getByRole("banner").getByRole("navigation", { name: "Console" });
  expect(await bar.getByRole("link", { name: "Questionnaires" }).count()).toBe(1);
  expect(await bar.getByRole("link", { name: "Journal d’audit" }).count()).toBe(1);
  expect(await page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(1);
  expect(await page.getByRole("columnheader", { name: "Questionnaire de suivi" }).count()).toBeGreaterThan(0);
  expect(await page.getByRole("heading", { name: "Ajouter un atelier" }).count()).toBe(1);
  // The demo campaign's state and due day, through Intl in French ("Ouvert : échéance le 2 janv. 2027").
  const campaignCell = page.locator('[data-testid="console-workshop"] a[href^="/console/campaigns/"]').first();
  expect(await campaignCell.textContent()).toMatch(/^(Programmé|Ouvert)/);
  expect(await campaignCell.textContent()).toMatch(
    /janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\./,
  );
  expect(await seriousAxeViolations(page, "French console workshops")).toEqual([]);

  await page.reload();
  await page.getByRole("heading", { name: "Ateliers", exact: true }).waitFor();
  expect(await htmlLang(page)).toBe("fr");
  expect(await page.getByRole("button", { name: "Se déconnecter" }).count()).toBe(1);

  // The campaign page in French: its heading, reminders and e-mail wording, and the opening day through Intl.
  await campaignCell.click();
  await page.getByRole("heading", { name: "Questionnaire de suivi", level: 1 }).waitFor();
  expect(await page.getByRole("heading", { name: /^Relances \(\d+ sans réponse\)$/ }).count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Libellé des e-mails" }).count()).toBe(1);
  expect(await page.getByTestId("campaign-status").textContent()).toMatch(
    /^Ouverture le \d+\s\S+\s\d{4} · échéance le /,
  );
  expect(await seriousAxeViolations(page, "French campaign page")).toEqual([]);

  // Back to the workshops list, where each year's reply tracking is linked.
  await page.goBack();
  // A year's reply tracking, from the replies catalogue: heading, columns and the chart's heading in French.
  await page
    .getByRole("link", { name: /^Réponses de l’exercice / })
    .first()
    .click();
  await page.getByRole("heading", { name: /^Réponses, exercice \d{4}\/\d{2}$/ }).waitFor();
  expect(await page.getByRole("columnheader", { name: "Taux de réponse par administration" }).count()).toBe(1);
  expect(await page.getByRole("heading", { name: "Réponses au fil du temps" }).count()).toBe(1);
  expect(await seriousAxeViolations(page, "French console reply tracking")).toEqual([]);

  // A refused action: adding an administration whose code is taken shows the French sentence, not the server's English.
  await page.goto(`${app.server.url}/console/administrations`);
  await page.locator("#a-code").fill("FJ");
  await page.locator("#a-name").fill("Fidji");
  await page.getByRole("button", { name: "Ajouter l’administration" }).click();
  await page.getByText("Ce code d’administration est déjà utilisé.").waitFor();
  expect(await page.getByText("is already used by").count()).toBe(0);

  // The analytic tables headed in French by the server; then the report as published: French captions and headings
  // from the server, the downloads asked for in French.
  await page.goto(`${app.server.url}/console/report/2022-23`);
  await page.getByRole("heading", { name: "Tableau 2 Suites données" }).waitFor();
  expect(await page.getByTestId("report-table-1").getByRole("columnheader", { name: "Atelier" }).count()).toBe(1);
  expect(await page.locator("main").textContent()).not.toMatch(/Participating administrations|Follow-up actions/);
  await page.getByLabel("Telle que publiée").check();
  await page.getByText("Tableau 1 : Réponses par atelier", { exact: true }).waitFor();
  expect(await page.getByText("Tableau 2 : Suites données après l’atelier", { exact: true }).count()).toBe(1);
  expect(await page.getByTestId("published-table-1").getByRole("columnheader", { name: "Atelier" }).count()).toBe(1);
  expect(await page.getByRole("link", { name: "projet de rapport Word (DOCX)" }).getAttribute("href")).toMatch(
    /\/draft\.docx\?lang=fr$/,
  );

  // The trends: each figure named from the console's catalogue by its key.
  await page.goto(`${app.server.url}/console/trends`);
  await page.getByRole("table", { name: "Taux de réponse (par administration) (tableau 1)" }).waitFor();
  expect(await page.getByRole("table", { name: "Effets directs constatés (tableau 3)" }).count()).toBe(1);
  expect(await page.locator("main").textContent()).not.toMatch(/Reply rate|Observed direct effects|Shared materials/);
});

it("a participant switches the library to French in the app bar, and it is axe clean", async () => {
  const { page } = await app.phones.open({ locale: "en-GB" });
  await joinByLink(page, app.server.url, "DEMO-TO1");
  await page.goto(`${app.server.url}/library`);
  await page.getByRole("heading", { name: "Training materials" }).waitFor();
  expect(await htmlLang(page)).toBe("en");

  await chooseFrench(page);
  await page.getByRole("heading", { name: "Supports de formation" }).waitFor();
  expect(await htmlLang(page)).toBe("fr");
  expect(await page.getByLabel("Rechercher dans les supports de ce téléphone").count()).toBe(1);
  await page.getByRole("heading", { name: "Stockage sur ce téléphone" }).waitFor();
  expect(await seriousAxeViolations(page, "French library")).toEqual([]);

  await page.goto(`${app.server.url}/library/${DEMO_WORKSHOP}`);
  await page.getByRole("button", { name: /^Tout enregistrer hors ligne \(\d+(,\d)? (Ko|Mo)\)$/ }).waitFor();
  expect(await page.getByRole("link", { name: "Supports de formation" }).count()).toBe(1);
  expect(await seriousAxeViolations(page, "French workshop materials")).toEqual([]);
});
