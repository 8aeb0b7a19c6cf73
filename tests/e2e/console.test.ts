// The organiser console in a real Chromium: first-start setup link, a workshop, participants from a CSV or a registration export.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { unzipSync } from "fflate";
import { docxParagraphs, docxTables } from "../fixtures/docxTables";
import { appForThisFile } from "./support/appServer";
import {
  STATE_TEXT,
  answerRestOfQuestionnaire,
  expectReplyState,
  next,
  openInvitationLink,
  sendFromReview,
} from "./support/participantFlow";
import { openPhone } from "./support/phones";
import { seriousAxeViolations } from "./support/screenChecks";

const REPORT_PDF = Buffer.from(`%PDF-1.4\n% in-house session report, ${"x".repeat(3 * 1024 * 1024)}\n%%EOF\n`);

const app = appForThisFile({ phone: {} });
/** The Timor-Leste workshop's page, made by the first test. */
let workshopUrl = "";

it("sets up the first organiser from the one-time link, adds a workshop and imports participants all or nothing", async () => {
  const { page } = app.phone;
  expect(app.server.setupToken).toBeTruthy();
  await page.goto(`${app.server.url}/console/setup?token=${app.server.setupToken}`);
  await page.getByLabel("Your name").fill("Ana Program Manager");
  await page.getByLabel("E-mail address").fill("ana@example.org");
  await page.getByLabel(/^Password/).fill("tide tables for the Nukualofa wharf");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Workshops", exact: true }).waitFor();
  // Signing out and in again, as the organiser will on later days.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Organiser console" }).waitFor();
  await page.getByLabel("E-mail address").fill("ana@example.org");
  await page.getByLabel("Password").fill("wrong password here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("The e-mail address or the password is not right.").waitFor();
  await page.getByLabel("Password").fill("tide tables for the Nukualofa wharf");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Workshops", exact: true }).waitFor();

  await page.getByLabel("Title").fill("National Workshop on Risk Management for Timor-Leste");
  await page.getByLabel("First day").fill("2024-09-02");
  await page.getByLabel("Last day").fill("2024-09-06");
  await page.getByText("Pacific Islands").click();
  await page.getByLabel("Timor-Leste").check();
  await page.getByRole("button", { name: "Add workshop" }).click();
  await page.getByRole("heading", { name: /Risk Management for Timor-Leste/ }).waitFor();
  expect(await page.getByText("FY 2024/25").count()).toBe(1);

  // One bad row: nothing is imported, and the line says why.
  await page
    .getByLabel("Or paste the rows")
    .fill(
      "name,administration,email,position\nJoana Soares,TL,joana@example.org,Risk officer\nBad Row,XX,not-an-email,\n",
    );
  await page.getByRole("button", { name: "Check" }).click();
  expect(await page.getByTestId("csv-summary").textContent()).toContain("1 rows ready, 1 with problems");
  expect(await page.getByRole("button", { name: /Import/ }).isDisabled()).toBe(true);
  expect(await page.getByText("Line 3:").textContent()).toMatch(/not an e-mail address/);

  await page
    .getByLabel("Or paste the rows")
    .fill(
      'name,administration,email,position\nJoana Soares,TL,joana@example.org,Risk officer\nMarcos Belo,TL,marcos@example.org,"Officer, Dili port"\n',
    );
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("button", { name: "Import 2 participants" }).click();
  await expect.poll(() => page.getByTestId("participants").locator("tbody tr").count()).toBe(2);
  expect(await page.getByTestId("participants").textContent()).toContain("Officer, Dili port");
  const stored = await app.server.db.selectFrom("participants").select(["name", "administration_code"]).execute();
  expect(stored.map((p) => p.name).sort()).toEqual(["Joana Soares", "Marcos Belo"]);
  workshopUrl = page.url();

  // A new member administration, then a participant from it, without any code change.
  await page.goto(`${app.server.url}/console/administrations`);
  await page.getByLabel(/^Code/).fill("SB");
  await page.getByLabel("Name").fill("Solomon Islands");
  await page.getByRole("button", { name: "Add administration" }).click();
  await expect
    .poll(() => page.getByTestId("administrations-pacific-islands").textContent())
    .toContain("SB Solomon Islands");
  await page.goto(workshopUrl);
  await page.getByLabel("Name", { exact: true }).fill("Hugo Tara");
  await page.getByLabel("Administration", { exact: true }).selectOption("SB");
  await page.getByLabel("E-mail address").fill("hugo@example.org");
  await page.getByRole("button", { name: "Add participant" }).click();
  await expect.poll(() => page.getByTestId("participants").locator("tbody tr").count()).toBe(3);
  await page.getByRole("button", { name: "Edit Hugo Tara" }).click();
  await page.getByLabel("Position or division", { exact: true }).fill("Border officer");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect
    .poll(() => page.getByTestId("participants").locator("tr", { hasText: "Hugo Tara" }).textContent())
    .toContain("Border officer");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove Hugo Tara" }).click();
  await expect.poll(() => page.getByTestId("participants").locator("tbody tr").count()).toBe(2);
});

it("opens a campaign, a participant answers offline from the invitation link, and the tracking and report update", async () => {
  const { page } = app.phone;
  await page.getByRole("button", { name: "Open a follow-up campaign" }).click();
  await page.getByRole("heading", { name: "Follow-up campaign" }).waitFor();
  // Six months after the workshop's last day, due three weeks later.
  expect(await page.getByTestId("campaign-status").textContent()).toMatch(
    /Opens Mar 6, 2025 · due Mar 27, 2025 · late replies welcome · open · 0 of 2 replied/,
  );
  const joanaRow = page.getByTestId("invitations").locator("tr", { hasText: "Joana Soares" });
  const link = (await joanaRow.getByRole("link").getAttribute("href"))!;
  // A new-format code: 60 random bits in Crockford base32, grouped by four, then the administration.
  expect(link).toMatch(/\/join\/[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-TL$/);

  // The participant, on her own phone: opens the link once online, answers with no connection.
  const phone = await openPhone();
  try {
    const p = phone.page;
    await openInvitationLink(p, link);
    expect(await p.getByLabel("Your name").inputValue()).toBe("Joana Soares");
    await phone.context.setOffline(true);
    await next(p);
    await answerRestOfQuestionnaire(p, { application: "Built a risk profile for fuel imports." });
    // An attachment kept on the phone with the draft, uploaded (tus) once the reply is acknowledged.
    await p
      .getByLabel("Add files")
      .setInputFiles({ name: "in-house-session-report.pdf", mimeType: "application/pdf", buffer: REPORT_PDF });
    await p.getByTestId("attachments").getByText("in-house-session-report.pdf").waitFor();
    await sendFromReview(p);
    await expectReplyState(p, STATE_TEXT.waiting);
    await phone.context.setOffline(false);
    await expectReplyState(p, STATE_TEXT.sent);
    await p.getByTestId("attachments").getByText("received by the organiser").waitFor({ timeout: 30_000 });
  } finally {
    await phone.close();
  }

  await page.reload();
  await expect.poll(() => page.getByTestId("campaign-status").textContent()).toMatch(/1 of 2 replied/);
  const attachmentLink = page
    .getByTestId("campaign-attachments")
    .getByRole("link", { name: "in-house-session-report.pdf" });
  const download = await page.request.get(`${app.server.url}${await attachmentLink.getAttribute("href")}`);
  expect(Buffer.from(await download.body()).equals(REPORT_PDF)).toBe(true);
  expect(await page.getByTestId("invitations").locator("tr", { hasText: "Joana Soares" }).textContent()).toContain("✓");

  // The dashboard counts the reply: 1 of 2 invited, from 1 participating administration.
  await page.goto(`${app.server.url}/console/replies/2024-25`);
  const workshopRow = page.getByTestId("tracking").locator("tr", { hasText: "Risk Management for Timor-Leste" });
  await workshopRow.waitFor();
  expect((await workshopRow.locator("td").allTextContents()).slice(1, 6)).toEqual(["1", "2", "1", "100%", "50%"]);

  await page.goto(`${app.server.url}/console/report/2024-25`);
  const table2 = page.getByTestId("report-table-2");
  await table2.waitFor();
  const totalRow = table2.locator("tbody tr").last();
  expect(await totalRow.textContent()).toMatch(/Total/);

  // The XLSX the organiser downloads holds the same numbers.
  const response = await page.request.get(`${app.server.url}/api/console/report/2024-25/export.xlsx`);
  expect(response.status()).toBe(200);
  const files = unzipSync(new Uint8Array(await response.body()));
  const workbook = new TextDecoder().decode(files["xl/workbook.xml"]);
  expect(workbook).toMatch(/Table 2/);
  const sheets = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    .map((f) => new TextDecoder().decode(files[f]));
  const sheet2 = sheets.find((x) => /Shared|shared/.test(x) && /Total/.test(x));
  expect(sheet2).toBeDefined();
  const uiTotals = (await totalRow.locator("td").allTextContents()).filter((t) => /^\d+$/.test(t.trim()));
  for (const value of uiTotals) expect(sheet2).toContain(`<v>${value}</v>`);
});

it("curates a good example, publishes feedback, and a participant who did not reply reads it offline", async () => {
  const { page } = app.phone;
  await page.goto(`${app.server.url}/console/report/2024-25`);
  const answer = page.getByTestId("free-text-answer").filter({ hasText: "Built a risk profile for fuel imports." });
  await answer.getByLabel("Tag", { exact: true }).selectOption("good_example");
  await answer.getByLabel("Report heading").selectOption("operational_improvement");
  await answer.getByLabel("Quote it in the report").check();
  await answer.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(() => page.getByTestId("report-quote").allTextContents())
    .toEqual([expect.stringContaining("Built a risk profile for fuel imports.")]);

  await page.goto(`${app.server.url}/console`);
  await page.getByRole("link", { name: /Risk Management for Timor-Leste/ }).click();
  await page.getByTestId("campaign-summary").getByRole("link").click();
  await page.getByRole("heading", { name: "Follow-up campaign" }).waitFor();
  await page.getByLabel(/Built a risk profile/).check();
  await page.getByRole("button", { name: "Publish to participants" }).click();
  await page.getByTestId("feedback-published").waitFor();
  const marcosLink = (await page
    .getByTestId("invitations")
    .locator("tr", { hasText: "Marcos Belo" })
    .getByRole("link")
    .getAttribute("href"))!;

  // Marcos never replied; his phone, set to French, joins once online, then reads the feedback with no connection.
  const phone = await openPhone({ locale: "fr-FR" });
  try {
    const p = phone.page;
    await openInvitationLink(p, marcosLink);
    await p.goto(`${app.server.url}/`);
    const link = p.getByTestId("feedback-link");
    await link.waitFor({ timeout: 30_000 });
    await phone.context.setOffline(true);
    await p.reload();
    await p.getByTestId("feedback-link").click();
    const feedback = p.getByTestId("feedback");
    await feedback.waitFor();
    expect(await feedback.textContent()).toContain("Built a risk profile for fuel imports.");
    expect(await feedback.textContent()).toContain("Tableau 2 : ");
    // The tables' overall percentages also come as bars, each with its words and figure (one reply of two).
    const bars = feedback.getByTestId("percent-bars");
    expect(await bars.count()).toBeGreaterThan(0);
    expect(await bars.first().textContent()).toMatch(/Tous les ateliers en un coup d’œil.*\d+\s?%/);
  } finally {
    await phone.close();
  }
});

it("shows the report as published and downloads the Word draft with the same Table 1 and the curated quote", async () => {
  const { page } = app.phone;
  await page.goto(`${app.server.url}/console/report/2024-25`);
  await page.getByTestId("report-table-1").waitFor();
  await page.getByLabel("As published").check();
  const table1 = page.getByTestId("published-table-1");
  await table1.waitFor();
  const screenRows = await table1
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? "").trim())));
  const ours = screenRows.find((r) => r[1].startsWith("National Workshop on Risk Management for Timor-Leste"));
  expect(ours?.slice(1)).toEqual(["National Workshop on Risk Management for Timor-Leste (Sept. 2024)", "1", "1"]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Word draft of the report (DOCX)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("outrigger-report-2024-25-draft.docx");
  const docx = new Uint8Array(readFileSync((await download.path())!));
  const [wordTable1] = docxTables(docx);
  expect(wordTable1.slice(1).map((cells) => cells.map((runs) => runs.map((r) => r.text).join("")))).toEqual(screenRows);
  expect(docxParagraphs(docx)).toContain(
    "Built a risk profile for fuel imports. (Timor-Leste, National Workshop on Risk Management for Timor-Leste)",
  );
});

it("imports a registration export as the office has it, skipping its bad line; the preview is axe clean", async () => {
  const { page } = app.phone;
  await page.goto(workshopUrl);
  await page
    .getByLabel("Or paste the rows")
    .fill(
      [
        "Registered on,Name,E-mail,Country,Title",
        "2024-08-01,Lidia Guterres,lidia@example.org,Timor Leste,Risk analyst",
        "2024-08-01,Bad Line,not-an-email,Timor Leste,",
        "2024-08-02,Sione Vea,sione@example.org,Kingdom of Tonga,Observer",
      ].join("\n"),
    );
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByTestId("csv-ignored").waitFor();
  expect(await page.getByTestId("csv-ignored").textContent()).toContain("Registered on");
  expect(await page.getByText("Line 4:").textContent()).toContain("TO is not among this workshop's administrations");
  expect(await page.getByRole("button", { name: /^Import/ }).isDisabled()).toBe(true);
  expect(await seriousAxeViolations(page, "import preview with a skippable line")).toEqual([]);

  await page.getByLabel("Skip line 3").check();
  await expect
    .poll(() => page.getByTestId("csv-summary").textContent())
    .toContain("2 rows ready, 0 with problems, 1 skipped");
  await page.getByRole("button", { name: "Import 2 participants" }).click();
  await expect.poll(() => page.getByTestId("participants").locator("tbody tr").count()).toBe(4);
  const stored = await app.server.db
    .selectFrom("participants")
    .select(["email", "administration_code", "position"])
    .where("email", "in", ["lidia@example.org", "sione@example.org", "not-an-email"])
    .orderBy("email")
    .execute();
  expect(stored).toEqual([
    { email: "lidia@example.org", administration_code: "TL", position: "Risk analyst" },
    { email: "sione@example.org", administration_code: "TO", position: "Observer" },
  ]);
});
