// Issue 9 end to end in one real Chromium: an organiser imports an XLSForm with English and French columns, rewords a
// question in the editor, previews it at 360 px, publishes v3 after reading the diff, binds its report tables and opens
// a campaign on it; a phone set to French answers it offline in French ("none yet" included) and syncs; a v1 reply of
// the same fiscal year and the v3 reply are counted together in Tables 1–7 and both sit in the XLSX export.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addOrganiser, signIn } from "../integration/support/consoleClient";
import { workshopWithCampaign } from "../integration/support/consoleFixtures";
import { validAnswers, validReply } from "../integration/support/replyFixtures";
import { postBatch } from "../integration/support/requests";
import { appForThisFile } from "./support/appServer";
import { serverAsApp, signInOnPage } from "./support/consoleRound";
import { waitForOfflineReady } from "./support/participantFlow";

const app = appForThisFile({ phone: {} });

const FR = "label::French (fr)";
const FR_HINT = "hint::French (fr)";
const NONE_YET = { en: "I have not taken any follow-up action yet", fr: "Je n’ai encore pris aucune mesure de suivi" };
const TITLE = { en: "Follow-up questionnaire 2026", fr: "Questionnaire de suivi 2026" };
const EDITED_LABEL = "Has your work become more efficient or effective since the workshop?";

/** The organiser's form as they would write it in a spreadsheet: English and French columns, lists, a condition. */
function surveyRows(): Array<Record<string, string>> {
  return [
    { type: "begin group", name: "respondent", label: "About you", [FR]: "À propos de vous" },
    {
      type: "text",
      name: "name",
      label: "Your name",
      [FR]: "Votre nom",
      required: "yes",
      outrigger_prefill: "participantName",
    },
    {
      type: "select_one administrations",
      name: "administration",
      label: "Your administration",
      [FR]: "Votre administration",
      required: "yes",
      outrigger_type: "administrations",
      outrigger_prefill: "administrationCode",
    },
    { type: "end group" },
    { type: "begin group", name: "actions", label: "Follow-up actions", [FR]: "Actions de suivi" },
    {
      type: "select_multiple actions",
      name: "followUpActions",
      label: "Which follow-up actions have you taken?",
      [FR]: "Quelles actions de suivi avez-vous menées ?",
      hint: "Tick every action you took.",
      [FR_HINT]: "Cochez chaque action menée.",
      required: "yes",
    },
    {
      type: "text",
      name: "actionsDescription",
      label: "Describe what you did",
      [FR]: "Décrivez ce que vous avez fait",
      appearance: "multiline",
      relevant: "not(selected(${followUpActions}, 'none_yet'))",
    },
    { type: "end group" },
    { type: "begin group", name: "effects", label: "Effects", [FR]: "Effets" },
    {
      type: "select_one yn",
      name: "directEffects",
      label: "Have you seen direct effects of the workshop?",
      [FR]: "Avez-vous constaté des effets directs de l’atelier ?",
      required: "yes",
    },
    {
      type: "text",
      name: "directEffectsDescription",
      label: "Describe the direct effects",
      [FR]: "Décrivez les effets directs",
      appearance: "multiline",
      relevant: "${directEffects} = 'yes'",
    },
    {
      type: "select_one yn",
      name: "efficiencyImproved",
      label: "Has your work become more efficient?",
      [FR]: "Votre travail est-il devenu plus efficace ?",
      required: "yes",
    },
    {
      type: "select_one yn",
      name: "newProjects",
      label: "Have you started a new project since?",
      [FR]: "Avez-vous lancé un nouveau projet depuis ?",
      required: "yes",
    },
    { type: "end group" },
  ];
}

function choiceRows(): Array<Record<string, string>> {
  const action = (name: string, label: string, fr: string) => ({ list_name: "actions", name, label, [FR]: fr });
  return [
    action("shared_materials", "Shared the training materials", "Partagé les supports de formation"),
    action("submitted_report", "Reported to management", "Rendu compte à la direction"),
    action("briefed_colleagues", "Briefed colleagues informally", "Informé des collègues"),
    action("inhouse_workshop", "Ran an in-house workshop", "Organisé un atelier interne"),
    { ...action("none_yet", NONE_YET.en, NONE_YET.fr), outrigger_role: "exclusive" },
    { list_name: "yn", name: "yes", label: "Yes", [FR]: "Oui" },
    { list_name: "yn", name: "no", label: "No", [FR]: "Non" },
  ];
}

async function xlsformFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, columns: string[], rows: Array<Record<string, string>>) => {
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow(columns);
    for (const row of rows) worksheet.addRow(columns.map((c) => row[c] ?? null));
  };
  sheet(
    "survey",
    [
      "type",
      "name",
      "label",
      FR,
      "hint",
      FR_HINT,
      "required",
      "relevant",
      "appearance",
      "outrigger_type",
      "outrigger_prefill",
    ],
    surveyRows(),
  );
  sheet("choices", ["list_name", "name", "label", FR, "outrigger_role"], choiceRows());
  sheet(
    "settings",
    ["form_title", "form_title::French (fr)", "form_id"],
    [{ form_title: TITLE.en, "form_title::French (fr)": TITLE.fr, form_id: "follow-up" }],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const V3_WORKSHOP = "Atelier sous-régional sur la convention de Kyoto révisée";
const V1_WORKSHOP = "Sub-regional Workshop on Risk Management";
const TOTAL = "Total (2 workshops)";

/** The two workshops' rows and the total of Tables 1–7 as the console shows them (subtotals left aside). */
const EXPECTED_TABLES: Record<number, string[][]> = {
  // Invited, replies, administrations…: one reply each.
  1: [
    ["1", V3_WORKSHOP, "Sub-regional", "1", "1", "1", "1", "100", "100"],
    ["2", V1_WORKSHOP, "Sub-regional", "1", "1", "1", "1", "100", "100"],
    ["", TOTAL, "", "2", "2", "2", "2", "100", "100"],
  ],
  // Replies, answered, no action yet, then each action's count and percent: "none yet" answers, with no action.
  2: [
    ["1", V3_WORKSHOP, "Sub-regional", "1", "1", "1", ...Array<string>(12).fill("0")],
    ["2", V1_WORKSHOP, "Sub-regional", "1", "1", "0", "1", "100", "0", "0", "0", "0", "1", "100", "0", "0", "0", "0"],
    ["", TOTAL, "", "2", "2", "1", "1", "50", "0", "0", "0", "0", "1", "50", "0", "0", "0", "0"],
  ],
  // Direct effects: yes in both (v3's single choice "Oui" is bound as yes).
  3: [
    ["1", V3_WORKSHOP, "Sub-regional", "1", "1", "0", "0", "100", "0"],
    ["2", V1_WORKSHOP, "Sub-regional", "1", "1", "0", "0", "100", "0"],
    ["", TOTAL, "", "2", "2", "0", "0", "100", "0"],
  ],
  // Effects by action: VU saw effects with no action taken; TO took both actions and saw effects.
  4: [
    ["1", V3_WORKSHOP, "Sub-regional", "1", "", "0", "0", "", "", "0", "0", "", "VU", "1", "0", "0"],
    ["2", V1_WORKSHOP, "Sub-regional", "1", "TO*", "1", "1", "100", "TO*", "1", "1", "100", "TO*", "1", "1", "100"],
    ["", TOTAL, "", "2", "", "1", "1", "100", "", "1", "1", "100", "", "2", "1", "50"],
  ],
  // Efficiency: the reworded v3 question answered "Non", v1's answered yes.
  5: [
    ["1", V3_WORKSHOP, "Sub-regional", "1", "0", "1", "0", "0", "100"],
    ["2", V1_WORKSHOP, "Sub-regional", "1", "1", "0", "0", "100", "0"],
    ["", TOTAL, "", "2", "1", "1", "0", "50", "50"],
  ],
  // New projects: v3 "Oui", v1 no.
  6: [
    ["1", V3_WORKSHOP, "Sub-regional", "1", "1", "0", "0", "100", "0"],
    ["2", V1_WORKSHOP, "Sub-regional", "1", "0", "1", "0", "0", "100"],
    ["", TOTAL, "", "2", "1", "1", "0", "50", "50"],
  ],
  // Projects by action: VU started a project with no action taken.
  7: [
    ["1", V3_WORKSHOP, "Sub-regional", "1", "", "0", "0", "", "", "0", "0", "", "VU", "1", "0", "0"],
    ["2", V1_WORKSHOP, "Sub-regional", "1", "", "0", "0", "", "", "0", "0", "", "", "0", "0", ""],
    ["", TOTAL, "", "2", "", "0", "0", "", "", "0", "0", "", "", "1", "0", "0"],
  ],
};

/** A report table's two workshop rows and its total as the console shows them, cells trimmed. */
async function reportRows(page: Page, table: number): Promise<string[][]> {
  const rows = page.getByTestId(`report-table-${table}`).locator("tbody tr");
  const texts: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    texts.push((await rows.nth(i).locator("th, td").allTextContents()).map((t) => t.trim()));
  return texts.filter(([, title]) => title === V3_WORKSHOP || title === V1_WORKSHOP || title === TOTAL);
}

it("an XLSForm in English and French becomes v3, a French phone answers it offline, and v1 and v3 replies report together", async () => {
  const { page } = app.phone;
  const server = serverAsApp(app.server.url);
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date());

  // A v1 reply of the same fiscal year (FY 2023/24), sent the way a phone on v1 would.
  const me = await signIn(server, "ana@example.org");
  const v1 = await workshopWithCampaign(server, me, {
    title: V1_WORKSHOP,
    startsOn: "2023-09-04",
    endsOn: "2023-09-08",
    participants: [{ name: "Sione Lata", administrationCode: "TO", email: "sione@example.org" }],
    campaign: { questionnaireId: "follow-up", questionnaireVersion: 1 },
  });
  const v1Reply = validReply({
    campaignId: v1.campaign.campaign.id,
    invitationCode: v1.code("TO"),
    questionnaireVersion: 1,
    answers: validAnswers({ administration: "TO", name: "Sione Lata" }),
    startedAt: "2024-03-05T09:00:00.000Z",
    submittedAt: "2024-03-05T09:30:00.000Z",
  });
  expect((await postBatch(server, [v1Reply])).results[0].outcome).toBe("stored");

  // The organiser imports the form through the console.
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInOnPage(page, app.server.url);
  await page.getByRole("link", { name: "Questionnaires" }).click();
  await page.getByRole("heading", { name: "Questionnaires" }).waitFor();
  await page.getByLabel("XLSForm file (.xlsx)").setInputFiles({
    name: "follow-up-2026.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await xlsformFile(),
  });
  await page.getByRole("heading", { name: /version 3$/ }).waitFor();
  expect(await page.getByTestId("version-status").textContent()).toMatch(/^Draft, from version 2\./);
  // The spreadsheet's French columns are the editor's French text: the title's, for one.
  const textLanguages = page.getByRole("group", { name: "Questionnaire text in" });
  await textLanguages.getByLabel("Français").check();
  expect(await page.getByLabel("Title in French", { exact: true }).inputValue()).toBe(TITLE.fr);
  await textLanguages.getByLabel("English").check();

  // One question reworded in the editor (its French text, from the spreadsheet, stays).
  const efficiency = page.locator('[data-edit-question="efficiencyImproved"]');
  await efficiency.getByLabel("Question text").fill(EDITED_LABEL);

  // The preview is the phone's form at 360 px: "none yet" stands alone, and the condition shows the description.
  const preview = page.getByTestId("preview");
  expect((await preview.boundingBox())?.width).toBe(360);
  await preview.getByText(EDITED_LABEL).waitFor();
  await preview.getByLabel("Shared the training materials").check();
  await preview.getByLabel(NONE_YET.en).check();
  expect(await preview.getByLabel("Shared the training materials").isChecked()).toBe(false);
  expect(await preview.getByLabel("Describe the direct effects").count()).toBe(0);
  await preview.locator('[data-question="directEffects"]').getByLabel("Yes").check();
  await preview.getByLabel("Describe the direct effects").waitFor();

  await page.getByRole("button", { name: "Publish…" }).click();
  const diff = page.getByTestId("publish-diff");
  await diff.waitFor();
  // An imported draft is compared with the newest published version (v2), the one campaigns run on until now.
  const changes = await diff.getByRole("listitem").allTextContents();
  expect(changes).toContain(
    `efficiencyImproved: question text changed from "Did the workshop contribute to improving the work efficiency and effectiveness of your administration?" to "${EDITED_LABEL}".`,
  );
  expect(changes).toContain('followUpActions: option "Briefed colleagues informally" (briefed_colleagues) added.');
  // The French texts are part of what is published, so the diff shows them too.
  expect(changes).toContain(
    'efficiencyImproved: question text in fr added: "Votre travail est-il devenu plus efficace ?".',
  );
  expect(changes).toContain(`followUpActions: option none_yet in fr added: "${NONE_YET.fr}".`);
  expect(changes).toContain('Section actions: title in fr added: "Actions de suivi".');
  expect(changes).toContain(`Title in fr added: "${TITLE.fr}".`);
  await page.getByRole("button", { name: "Publish version 3" }).click();
  await expect.poll(() => page.getByTestId("version-status").textContent()).toMatch(/^Published, from version 2\./);

  // Binding the report tables in the editor's panel: the first guess, then the organiser's corrections.
  const bindings = page.getByTestId("version-bindings");
  const questionSelects = bindings.getByLabel("Question");
  await questionSelects.nth(0).selectOption("followUpActions");
  await bindings.getByRole("group", { name: "Submitted reports" }).getByLabel("Briefed colleagues informally").check();
  await questionSelects.nth(1).selectOption("directEffects");
  await questionSelects.nth(2).selectOption("efficiencyImproved");
  await questionSelects.nth(3).selectOption("newProjects");
  await expect.poll(() => bindings.getByRole("status").first().textContent()).toBe("This version feeds Tables 2 to 7.");
  await bindings.getByRole("button", { name: "Save report bindings" }).click();
  await expect.poll(() => bindings.getByText(/^Report bindings saved/).count()).toBe(1);

  // A workshop of the same fiscal year, its participant, and a campaign on version 3.
  await page.getByRole("link", { name: "Workshops" }).first().click();
  await page.getByRole("heading", { name: "Workshops", exact: true }).waitFor();
  await page.getByLabel("Title").fill(V3_WORKSHOP);
  await page.getByLabel("Kind").selectOption("sub-regional");
  await page.getByLabel("First day").fill("2023-08-14");
  await page.getByLabel("Last day").fill("2023-08-18");
  await page.getByText("Pacific Islands").click();
  await page.getByLabel("Vanuatu").check();
  await page.getByRole("button", { name: "Add workshop" }).click();
  await page.getByRole("heading", { name: /convention de Kyoto révisée/ }).waitFor();
  await page.getByLabel("Name", { exact: true }).fill("Mele Kalo");
  await page.getByLabel("Administration", { exact: true }).selectOption("VU");
  await page.getByLabel("E-mail address").fill("mele@example.org");
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect.poll(() => page.getByTestId("participants").locator("tbody tr").count()).toBe(1);
  await page.getByText("Other questionnaire version, dates or rules").click();
  await page.getByLabel("Questionnaire version").selectOption("3");
  await page.getByRole("button", { name: "Open a follow-up campaign" }).click();
  await page.getByRole("heading", { name: "Follow-up campaign" }).waitFor();
  const link = (await page
    .getByTestId("invitations")
    .locator("tr", { hasText: "Mele Kalo" })
    .getByRole("link")
    .getAttribute("href"))!;

  // The participant's phone is set to French: 360 × 640, online once to install the app, then offline.
  const phone = await app.phones.open({ locale: "fr-FR" });
  const p = phone.page;
  await p.goto(link);
  await p.getByRole("heading", { name: "À propos de vous" }).waitFor();
  expect(await p.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE.fr);
  await waitForOfflineReady(p);
  expect(await p.getByLabel("Votre nom").inputValue()).toBe("Mele Kalo");
  await phone.context.setOffline(true);
  await p.getByRole("button", { name: "Suivant" }).click();
  await p.getByRole("heading", { name: "Actions de suivi" }).waitFor();
  await p.getByText("Quelles actions de suivi avez-vous menées ?").waitFor();
  await p.getByText("Cochez chaque action menée.").waitFor();
  await p.getByLabel("Partagé les supports de formation").check();
  await p.getByLabel(NONE_YET.fr).check();
  expect(await p.getByLabel("Partagé les supports de formation").isChecked()).toBe(false);
  expect(await p.getByLabel("Décrivez ce que vous avez fait").count()).toBe(0);
  await p.getByRole("button", { name: "Suivant" }).click();
  await p.getByRole("heading", { name: "Effets" }).waitFor();
  await p.locator('[data-question="directEffects"]').getByLabel("Oui").check();
  await p.getByLabel("Décrivez les effets directs").fill("Le dédouanement est plus rapide au port de Port-Vila.");
  // The question reworded in English keeps its French text from the spreadsheet.
  await p.getByText("Votre travail est-il devenu plus efficace ?").waitFor();
  await p.locator('[data-question="efficiencyImproved"]').getByLabel("Non").check();
  await p.locator('[data-question="newProjects"]').getByLabel("Oui").check();
  await p.getByRole("button", { name: "Relire" }).click();
  await p.getByRole("heading", { name: "Relisez vos réponses" }).waitFor();
  await p.getByRole("heading", { name: "Pièces jointes (facultatif)" }).waitFor();
  expect(await p.getByLabel("Ajouter des fichiers").count()).toBe(1);
  expect(await p.getByText(NONE_YET.fr).count()).toBeGreaterThan(0);
  await p.getByRole("button", { name: "Envoyer la réponse" }).click();
  const state = p.getByTestId("reply-status").locator(".state-label");
  await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe("En attente de connexion");

  // The reply's own screen is the participant's record: in French, their questions and answers too.
  await p.getByRole("heading", { name: "Votre réponse" }).waitFor();
  const answered = p.getByRole("region", { name: "Vos réponses" });
  await answered.getByText("Quelles actions de suivi avez-vous menées ?").waitFor();
  await answered.getByText(NONE_YET.fr).waitFor();
  expect(await answered.getByText("Which follow-up actions have you taken?").count()).toBe(0);

  await phone.context.setOffline(false);
  await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe("Envoyée");
  const stored = await app.server.db
    .selectFrom("replies")
    .select(["questionnaire_version", "answers"])
    .orderBy("questionnaire_version")
    .execute();
  expect(stored.map((r) => r.questionnaire_version)).toEqual([1, 3]);
  const v3Answers = JSON.parse(String(stored[1].answers)) as Record<string, unknown>;
  expect(v3Answers.followUpActions).toEqual({ choices: ["none_yet"] });

  // The console's report for FY 2023/24 counts both replies, each read through its own version's bindings.
  await page.goto(`${app.server.url}/console/report/2023-24`);
  await page.getByTestId("report-table-7").waitFor();
  for (const [table, expected] of Object.entries(EXPECTED_TABLES))
    expect(await reportRows(page, Number(table)), `Table ${table}`).toEqual(expected);
  expect(await page.getByText(/left out/i).count()).toBe(0);

  // The XLSX export, downloaded from the report screen and read back: both replies, each with its version.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "all tables (XLSX)" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const rows: Array<Record<string, string>> = [];
  let header: string[] = [];
  workbook.getWorksheet("Replies")!.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)));
    if (cells[0] === "Reply id") header = cells;
    else rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
  });
  expect(rows.map((r) => [r["Invitation code"], r["Questionnaire version"]])).toEqual([
    [v1.code("TO"), "1"],
    [link.split("/").at(-1), "3"],
  ]);
  expect(rows[0]["After returning home, which follow-up actions did you take?"]).toMatch(/^Shared or circulated/);
  expect(rows[1]["Which follow-up actions have you taken?"]).toBe(NONE_YET.en);
  expect(rows[1]["Has your work become more efficient or effective since the workshop?"]).toBe("No");
}, 600_000);
