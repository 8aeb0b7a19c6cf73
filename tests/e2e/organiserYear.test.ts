// The organiser's year in a real Chromium: curation that survives a second reply, feedback that is previewed,
// published, read back after a reload and published again, reminders previewed, confirmed and sent once, and the
// invitation e-mail worded by the office, previewed and sent once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createMailer, type Mailer } from "../../src/server/mail/mailer";
import { startSmtpServer } from "../integration/support/smtpSink";
import { appForThisFile } from "./support/appServer";
import { consoleRound, signInOnPage, type ConsoleRound } from "./support/consoleRound";

// The server starts before the SMTP sink exists, so its mailer hands messages to the sink's once it is up.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let sinkMailer: Mailer | undefined;
const mailer: Mailer = {
  description: "the test's SMTP sink",
  from: "Regional Office <office@example.org>",
  send: (message) => sinkMailer!.send(message),
  close: () => sinkMailer?.close(),
};
const app = appForThisFile({ phone: {}, mailer });
beforeAll(async () => {
  smtp = await startSmtpServer();
  sinkMailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, mailer.from);
});
afterAll(async () => {
  sinkMailer?.close();
  await smtp?.close();
});
const FIRST = "We rewrote the inspection checklist and removed a duplicate document check at the wharf.";
const SECOND = "We trained twelve colleagues on the new inspection checklist.";
let round: ConsoleRound;

it("curation across a second reply: the quote is flagged with both versions, reviewed, and stays in the report", async () => {
  const { page } = app.phone;
  round = await consoleRound(app.server, "Sub-regional Workshop on Risk Management", [
    { name: "Sela Taufa", administrationCode: "TO", email: "sela@example.org" },
    { name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" },
  ]);
  await round.reply("TO", { application: FIRST }, "2024-03-05T09:30:00.000Z");
  await signInOnPage(page, app.server.url);

  await page.goto(`${app.server.url}/console/report/2023-24`);
  const card = page.getByTestId("free-text-answer").filter({ hasText: FIRST });
  await card.getByLabel("Tag", { exact: true }).selectOption("success_story");
  await card.getByLabel("Report heading").selectOption("operational_improvement");
  await card.getByLabel(/Excerpt to quote/).fill("removed a duplicate document check");
  await card.getByLabel("Quote it in the report").check();
  await card.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(() => page.getByTestId("report-quote").allTextContents())
    .toEqual([expect.stringContaining("removed a duplicate document check")]);

  // The participant corrects her answer from a second phone: the quoted words are gone from the newer reply.
  await round.reply("TO", { application: SECOND }, "2024-03-05T09:45:00.000Z");
  await page.reload();
  const flagged = page.getByTestId("carried-over");
  await flagged.waitFor();
  expect(await flagged.textContent()).toContain("Needs review");
  expect(await flagged.textContent()).toContain(FIRST);
  expect(await flagged.textContent()).toContain(SECOND);
  expect(await page.getByTestId("report-quote").textContent()).toContain("removed a duplicate document check");

  // Reviewed: a quote from the newer answer.
  const newer = page.getByTestId("free-text-answer").filter({ has: page.getByTestId("carried-over") });
  await newer.getByLabel(/Excerpt to quote/).fill("trained twelve colleagues");
  await newer.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(() => page.getByTestId("report-quote").allTextContents())
    .toEqual([expect.stringContaining("trained twelve colleagues")]);
  await page.reload();
  await page.getByTestId("report-quote").waitFor();
  expect(await page.getByTestId("carried-over").count()).toBe(0);
});

it("feedback: preview, publish, reload shows the published text, publish again keeps both versions", async () => {
  const { page } = app.phone;
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  await page.getByLabel("Title").fill("A year of follow-up in the Pacific");
  await page.getByLabel("Message").fill("Thank you, Tonga and Fiji.");
  await page.getByLabel(/trained twelve colleagues/).check();
  await page.getByRole("button", { name: "Preview what participants will see" }).click();
  const preview = page.getByTestId("feedback-preview");
  await preview.waitFor();
  expect(await preview.textContent()).toContain("A year of follow-up in the Pacific");
  expect(await preview.textContent()).toContain("trained twelve colleagues");
  expect(await preview.textContent()).toContain("Table 1: Replies");
  await page.getByRole("button", { name: "Publish to participants" }).click();
  await expect.poll(() => page.getByTestId("feedback-published").textContent()).toContain("version 1");

  await page.reload();
  await expect.poll(() => page.getByLabel("Title").inputValue()).toBe("A year of follow-up in the Pacific");
  expect(await page.getByLabel("Message").inputValue()).toBe("Thank you, Tonga and Fiji.");
  expect(await page.getByLabel(/trained twelve colleagues/).isChecked()).toBe(true);
  expect(await page.getByLabel("Table 2: Follow-up actions").isChecked()).toBe(true);

  await page.getByLabel("Message").fill("Thank you, Tonga and Fiji. More examples soon.");
  await page.getByRole("button", { name: "Publish again" }).click();
  await expect.poll(() => page.getByTestId("feedback-published").textContent()).toContain("version 2");
  const versions = page.getByTestId("feedback-versions");
  await versions.locator("summary").click();
  expect(await versions.locator("li").allTextContents()).toEqual([
    expect.stringMatching(/^Version 2, .* by Test organiser: “A year of follow-up in the Pacific”$/),
    expect.stringMatching(/^Version 1, /),
  ]);
  const participant = await round.app.request(`/api/invitations/${round.code("FJ")}/feedback`);
  expect(((await participant.json()) as { message: string }).message).toBe(
    "Thank you, Tonga and Fiji. More examples soon.",
  );
});

it("reminders: preview of the message and recipients, confirm, and a double click sends each e-mail once", async () => {
  const { page } = app.phone;
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  const reminders = page.getByTestId("reminders");
  // Tonga replied; only Fiji is waiting.
  await expect.poll(() => reminders.getByRole("heading").first().textContent()).toBe("Reminders (1 not replied)");
  expect(await reminders.getByLabel(/Mereani Tuilau/).isChecked()).toBe(true);
  const preview = page.getByTestId("reminder-preview");
  expect(await preview.textContent()).toContain("Dear Mereani Tuilau,");
  expect(await preview.textContent()).toContain(round.code("FJ"));

  await reminders.getByRole("button", { name: "E-mail the reminder to 1 person…" }).click();
  expect(smtp.messages).toHaveLength(0);
  await reminders.getByRole("button", { name: "Send now" }).dblclick();
  await expect.poll(() => page.getByTestId("reminder-report").textContent()).toContain("Reminders sent: 1.");
  expect(smtp.messages.map((m) => m.rcptTo)).toEqual([["mereani@example.org"]]);

  // Once sent, she is left out for the interval; asking the server again anyway is skipped and reported.
  await expect.poll(() => reminders.getByLabel(/Mereani Tuilau/).isDisabled()).toBe(true);
  expect(await reminders.getByRole("button", { name: "E-mail the reminder to 0 people…" }).isDisabled()).toBe(true);
  const again = await round.request("POST", `/api/console/campaigns/${round.campaignId}/reminders/send`, {});
  expect(((await again.json()) as { skipped: unknown[] }).skipped).toEqual([
    { code: round.code("FJ"), reason: "reminded_recently" },
  ]);
  expect(smtp.messages).toHaveLength(1);

  // The office's own mail program can take over: the mail-merge CSV behind the link names each personal link.
  const csvHref = await reminders.getByRole("link", { name: "Download the mail-merge CSV" }).getAttribute("href");
  const csv = await page.request.get(`${app.server.url}${csvHref}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`${round.code("FJ")},${app.server.url}/join/${round.code("FJ")}`);
});

it("invitation e-mail: the office words it (Reply-To, CC), previews it, confirms, and it goes once", async () => {
  const { page } = app.phone;
  await page.goto(`${app.server.url}/console/campaigns/${round.campaignId}`);
  const before = smtp.messages.length;
  const wording = page.getByTestId("template-invitation");
  await wording.getByText("Invitation e-mail (the office's default)").click();
  await wording.getByLabel("E-mail text").fill("Bula {name},\n\nSix months on, tell us what you did: {link}");
  await wording.getByLabel("Reply-To (optional)").fill("cbu@example.org");
  await wording.getByLabel(/^CC/).fill("focal.point@example.org");
  await wording.getByRole("button", { name: "Save the invitation wording" }).click();
  await expect.poll(() => wording.getByRole("status").textContent()).toBe("Invitation wording saved.");
  expect(await wording.locator("summary").textContent()).toContain("(this campaign's own)");

  // Tonga replied, so only Fiji waits; the preview is the saved wording, filled for her.
  const invitations = page.getByTestId("invitation-emails");
  const preview = page.getByTestId("invitation-preview");
  await expect.poll(() => preview.textContent()).toContain("Bula Mereani Tuilau,");
  expect(await preview.textContent()).toContain(
    `Six months on, tell us what you did: ${app.server.url}/join/${round.code("FJ")}`,
  );
  expect(await invitations.getByLabel(/Sela Taufa/).count()).toBe(0);
  await invitations.getByRole("button", { name: "E-mail the invitation to 1 person…" }).click();
  expect(smtp.messages).toHaveLength(before);
  await invitations.getByRole("button", { name: "Send now" }).dblclick();
  await expect.poll(() => page.getByTestId("invitation-report").textContent()).toContain("Invitations sent: 1.");
  const sent = smtp.messages.slice(before);
  expect(sent.map((m) => m.headers.to)).toEqual(["mereani@example.org"]);
  expect(sent[0].headers["reply-to"]).toBe("cbu@example.org");
  expect(sent[0].headers.cc).toBe("focal.point@example.org");
  await expect
    .poll(() => invitations.textContent())
    .toContain("Everyone with an e-mail address and no reply yet has had the invitation e-mail.");
  expect(await invitations.getByRole("heading").first().textContent()).toBe("Invitation e-mail (1 of 2 sent)");
});
