// A participant whose phone is in French: the app and a questionnaire version with French labels appear in French,
// the reply is answered offline (the exclusive "none yet" option included) and syncs with option ids only; switching to
// English in the app bar holds after a reload. The French survey screen is axe clean at 360 px with no sideways scroll.
import { expect, it } from "vitest";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { questionnaireVersionResult } from "../../src/shared/questionnaireVersions";
import { appForThisFile } from "./support/appServer";
import { serverAsApp } from "./support/consoleRound";
import { waitForOfflineReady } from "./support/participantFlow";
import { seriousAxeViolations } from "./support/screenChecks";
import { addOrganiser, consoleRequest, signIn } from "../integration/support/consoleClient";
import { workshopWithCampaign } from "../integration/support/consoleFixtures";

const app = appForThisFile({ mailer: null });

const FRENCH = {
  sections: {
    respondent: "À propos de vous",
    actions: "Actions de suivi",
    application: "Mise en pratique",
    effects: "Effets",
    projects: "Projets de modernisation",
    comments: "Autres remarques",
  } as Record<string, string>,
  questions: {
    followUpActions: "De retour chez vous, quelles actions de suivi avez-vous entreprises ?",
    application: "Comment avez-vous appliqué ce que vous avez appris ?",
    directEffects: "Avez-vous observé des effets directs ?",
  } as Record<string, string>,
  noneYet: "Je n’ai encore entrepris aucune action de suivi",
};

/** Version 3 of the follow-up questionnaire: version 2 with French labels, made and published through the editor API. */
async function publishFrenchVersion(request: (method: string, path: string, body?: unknown) => Promise<Response>) {
  const draft = questionnaireVersionResult.parse(
    await (await request("POST", "/api/console/questionnaires/follow-up/versions", {})).json(),
  ).version;
  const definition: QuestionnaireDefinition = structuredClone(draft.definition);
  for (const section of definition.sections) {
    section.titles = { fr: FRENCH.sections[section.id] };
    for (const question of section.questions) {
      if (FRENCH.questions[question.id]) question.labels = { fr: FRENCH.questions[question.id] };
      if (question.type === "multiple_choice")
        for (const option of question.options) if (option.value === "none_yet") option.labels = { fr: FRENCH.noneYet };
    }
  }
  const path = `/api/console/questionnaires/follow-up/versions/${definition.version}`;
  // A draft save names the revision it was loaded at (two organisers cannot overwrite each other's draft).
  expect((await request("PUT", `${path}?revision=${draft.revision}`, definition)).status).toBe(200);
  expect((await request("POST", `${path}/publish`)).status).toBe(200);
  return definition.version;
}

it("a French phone answers a French questionnaire offline, the reply syncs, and English holds after switching", async () => {
  const organiser = serverAsApp(app.server.url);
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());
  const me = await signIn(organiser, "ana@example.org");
  const request = (method: string, path: string, body?: unknown) => consoleRequest(organiser, method, path, me, body);
  const version = await publishFrenchVersion(request);
  const { code } = await workshopWithCampaign(organiser, me, {
    title: "Atelier régional sur la convention de Kyoto révisée",
    participants: [{ name: "Mele Kalo", administrationCode: "VU", email: "mele@example.org" }],
    campaign: { questionnaireId: "follow-up", questionnaireVersion: version },
  });
  const invitation = code("VU");

  const { page, context } = await app.phones.open({ locale: "fr-FR" });
  await page.goto(`${app.server.url}/join/${invitation}`);
  await page.getByRole("heading", { name: FRENCH.sections.respondent }).waitFor();
  await waitForOfflineReady(page);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    "fr",
    "ltr",
  ]);
  expect(await page.getByRole("button", { name: "Suivant" }).count()).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await seriousAxeViolations(page, "French survey screen")).toEqual([]);

  await context.setOffline(true);
  await page.getByRole("button", { name: "Suivant" }).click();
  await page.getByRole("heading", { name: FRENCH.sections.actions }).waitFor();
  // Left unanswered: the problem is said in French, naming the option in French.
  await page.getByRole("button", { name: "Suivant" }).click();
  await expect
    .poll(() => page.locator('[data-question="followUpActions"] .field-error').textContent(), { timeout: 30_000 })
    .toBe(`Choisissez au moins une option, ou « ${FRENCH.noneYet} ».`);
  expect(await page.getByText(FRENCH.questions.followUpActions).count()).toBe(1);
  await page.getByLabel(FRENCH.noneYet).check();
  await page.getByRole("button", { name: "Suivant" }).click();
  await page.getByRole("heading", { name: FRENCH.sections.application }).waitFor();
  await page.getByLabel(FRENCH.questions.application).fill("J’ai revu nos procédures de dédouanement.");
  await page.getByRole("button", { name: "Suivant" }).click();
  await page
    .getByRole("heading", { name: FRENCH.sections.effects })
    .waitFor({ timeout: 10_000 })
    .catch(async () => {
      throw new Error(`still on: ${await page.locator("main").innerText()}`);
    });
  await page.locator('[data-question="directEffects"]').getByLabel("Oui").check();
  await page.locator('[data-question="directEffectsDescription"] textarea').fill("Dédouanement plus rapide.");
  await page.locator('[data-question="efficiencyImproved"]').getByLabel("Non").check();
  await page.getByRole("button", { name: "Suivant" }).click();
  await page.locator('[data-question="newProjects"]').getByLabel("Non").check();
  await page.getByRole("button", { name: "Suivant" }).click();
  await page.getByRole("button", { name: "Relire" }).click();
  await page.getByRole("heading", { name: "Relisez vos réponses" }).waitFor();
  expect(await page.getByText(FRENCH.noneYet).count()).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Envoyer la réponse" }).click();
  const state = page.getByTestId("reply-status").locator(".state-label");
  await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe("En attente de connexion");

  await context.setOffline(false);
  const stored = () =>
    app.server.db.selectFrom("replies").selectAll().where("invitation_code", "=", invitation).execute();
  await expect.poll(async () => (await stored()).length, { timeout: 60_000, interval: 250 }).toBe(1);
  const [reply] = await stored();
  // Option ids, not labels in any language.
  const answers = (typeof reply.answers === "string" ? JSON.parse(reply.answers) : reply.answers) as Record<
    string,
    unknown
  >;
  expect(answers.followUpActions).toEqual({ choices: ["none_yet"] });
  expect(JSON.stringify(answers)).not.toContain(FRENCH.noneYet);
  await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe("Envoyée");

  await page.locator("summary", { hasText: "Language / Langue" }).click();
  await page.getByLabel("English").check();
  await page.goto(`${app.server.url}/`);
  await page.reload();
  await page.getByRole("heading", { name: "Your questionnaires" }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  expect(await page.getByRole("link", { name: "Surveys" }).count()).toBe(1);
});
