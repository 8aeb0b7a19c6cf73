// The participant's journey in a real Chromium against the real server (SQLite), through a proxy that can lose responses.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_WORKSHOP_ID } from "../../src/server/db/seedData";
import { appForThisFile } from "./support/appServer";
import { readIndexedDb, setInEveryRecord } from "./support/indexedDb";
import {
  STATE_TEXT,
  answerRestOfQuestionnaire,
  expectReplyState,
  joinByLink,
  next,
  sendFromReview,
  sendReplyOffline,
} from "./support/participantFlow";

const app = appForThisFile({ behindProxy: true });

async function repliesOnServer(code: string) {
  return app.server.db.selectFrom("replies").selectAll().where("invitation_code", "=", code).execute();
}

const openPhone = () => app.phones.open();

describe("participant on a phone", () => {
  it("opens the app and the joined questionnaire offline after one online visit", async () => {
    const { context, page } = await openPhone();
    await joinByLink(page, app.proxy.url, "DEMO-TO1");
    await expect.poll(() => page.getByLabel("Your name").inputValue()).toBe("Sela Taufa");
    await expect.poll(() => page.getByTestId("sync-status").textContent()).toMatch(/Connected/);

    // The status line says so the moment the network goes, not at the next failed send.
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId("sync-status").textContent()).toMatch(/Offline/);
    await page.goto(`${app.proxy.url}/`);
    await page.getByRole("heading", { name: "Your questionnaires" }).waitFor();
    await page.getByRole("link", { name: /Continue answering|Start the questionnaire/ }).click();
    await page.getByRole("heading", { name: "About you" }).waitFor();
    expect(await page.getByLabel("Your name").inputValue()).toBe("Sela Taufa");
    expect(await page.getByTestId("sync-status").textContent()).toMatch(/Offline/);

    // A cold reload of a deep link also comes from the service worker's cache.
    await page.reload();
    await page.getByRole("heading", { name: "About you" }).waitFor();

    // The materials list came down at join, though the library was never opened online.
    await page.goto(`${app.proxy.url}/library/${DEMO_WORKSHOP_ID}`);
    await expect.poll(() => page.getByTestId("material-row").count()).toBeGreaterThan(0);
  });

  it("asks the browser to keep the draft as soon as one exists, and says so on screen when it refuses", async () => {
    const { context, page } = await openPhone();
    // This Chromium would decide by its own heuristics; make it refuse, and count the asks.
    await context.addInitScript(() => {
      const w = window as unknown as { persistAsks: number };
      w.persistAsks = 0;
      navigator.storage.persist = async () => {
        w.persistAsks += 1;
        return false;
      };
      navigator.storage.persisted = async () => false;
    });
    await page.goto(`${app.proxy.url}/`);
    expect(await page.evaluate(() => (window as unknown as { persistAsks: number }).persistAsks)).toBe(0);
    await joinByLink(page, app.proxy.url, "DEMO-TO1");
    const banner = page.getByTestId("persistence-refused");
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/has not promised to keep your answers/);
    expect(await page.evaluate(() => (window as unknown as { persistAsks: number }).persistAsks)).toBe(1);
  });

  it("keeps half-filled answers across a reload", async () => {
    const { page } = await openPhone();
    await joinByLink(page, app.proxy.url, "DEMO-VU2");
    await page.getByLabel("Position or division").fill("Head of Trade Facilitation");
    await next(page);
    await page.getByLabel(/Submitted a report to management/).check();
    await page.getByLabel("Describe what you did").fill("Briefed the Comptroller on the RKC gap analysis");
    // Typing is saved within 300 ms; wait until the draft holds it (not a fixed pause: a busy machine takes longer), then kill the page state.
    await expect
      .poll(
        async () =>
          (
            await readIndexedDb<{ invitationCode: string; answers: { actionsDescription?: string } }>(page, "drafts")
          ).find((d) => d.invitationCode === "DEMO-VU2")?.answers.actionsDescription,
        { timeout: 10_000, interval: 100 },
      )
      .toBe("Briefed the Comptroller on the RKC gap analysis");
    await page.reload();

    await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
    expect(await page.getByLabel(/Submitted a report to management/).isChecked()).toBe(true);
    expect(await page.getByLabel("Describe what you did").inputValue()).toBe(
      "Briefed the Comptroller on the RKC gap analysis",
    );
    await page.getByRole("button", { name: "Back" }).click();
    expect(await page.getByLabel("Position or division").inputValue()).toBe("Head of Trade Facilitation");
  });

  it("holds a reply submitted offline as waiting, then sends it exactly once when back online", async () => {
    const phone = await openPhone();
    const { context, page } = phone;
    await sendReplyOffline(phone, app.proxy.url, "DEMO-FJ3", {
      application: "Applied the RKC guidelines to our transit procedures.",
    });
    expect(await repliesOnServer("DEMO-FJ3")).toHaveLength(0);

    await context.setOffline(false);
    await expectReplyState(page, STATE_TEXT.sent);
    const rows = await repliesOnServer("DEMO-FJ3");
    expect(rows).toHaveLength(1);
    const answers = JSON.parse(rows[0].answers) as Record<string, unknown>;
    expect(answers.application).toBe("Applied the RKC guidelines to our transit procedures.");
    expect(answers.followUpActions).toEqual({ choices: ["shared_materials", "inhouse_workshop"] });
    expect(answers.name).toBe("Mereani Tuilau");
    expect(await page.getByTestId("receipt-id").textContent()).toBe(rows[0].receipt_id);

    // The participant keeps a copy of what they sent: shared where the phone can, else saved as a file (here).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Keep a copy of my reply" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^my-reply-DEMO-FJ3-\d{4}-\d{2}-\d{2}\.txt$/);
    const copy = readFileSync(await download.path(), "utf8");
    expect(copy).toContain(`Receipt: ${rows[0].receipt_id}`);
    expect(copy).toContain("Applied the RKC guidelines to our transit procedures.");
  });

  it("lets a participant who has taken no action yet say so offline, clearing the actions ticked before, and sends it once", async () => {
    const { context, page } = await openPhone();
    await joinByLink(page, app.proxy.url, "DEMO-VU2");
    await context.setOffline(true);
    await next(page);
    await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
    const noneYet = page.getByLabel("I have not taken any follow-up action yet");
    const shared = page.getByLabel(/Shared or circulated the training materials/);
    await shared.check();
    await page.getByLabel("Other", { exact: true }).check();
    // Moving from "Other" to its box is still answering: no "describe Other" error before one can type.
    await page.getByLabel("Please specify").focus();
    expect(await page.locator("#q-followUpActions-error").count()).toBe(0);
    await page.getByLabel("Please specify").fill("Told my director");
    await noneYet.check();
    expect(await shared.isChecked()).toBe(false);
    expect(await page.getByLabel("Other", { exact: true }).isChecked()).toBe(false);
    expect(await page.getByLabel("Please specify").count()).toBe(0);
    expect(await page.getByTestId("choices-cleared").textContent()).toMatch(
      /^Unticked: Shared or circulated.*; Other\.$/,
    );
    // And the other way round: an action unticks "none yet".
    await page.getByLabel(/Submitted a report to management/).check();
    expect(await noneYet.isChecked()).toBe(false);
    await noneYet.check();
    expect(await page.getByLabel(/Submitted a report to management/).isChecked()).toBe(false);
    await next(page);
    await page
      .getByLabel("How did you apply what you learnt to your work?")
      .fill("Not yet: our unit moved to the new border post.");
    await next(page);
    await page.locator('[data-question="directEffects"]').getByLabel("No / not yet").check();
    await page.locator('[data-question="efficiencyImproved"]').getByLabel("Yes").check();
    await next(page);
    await page.locator('[data-question="newProjects"]').getByLabel("No").check();
    await next(page);
    await page.getByLabel("In person", { exact: true }).check();
    await next(page);
    await page.getByRole("heading", { name: "Review your answers" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("I have not taken any follow-up action yet");
    await sendFromReview(page);
    await expectReplyState(page, STATE_TEXT.waiting);

    await context.setOffline(false);
    await expectReplyState(page, STATE_TEXT.sent);
    const rows = await repliesOnServer("DEMO-VU2");
    expect(rows).toHaveLength(1);
    expect(rows[0].questionnaire_version).toBe(2);
    const answers = JSON.parse(rows[0].answers) as Record<string, unknown>;
    expect(answers.followUpActions).toEqual({ choices: ["none_yet"] });
    expect(answers.preferredFormat).toBe("in_person");
  });

  it("stores a reply once when the server's answer is lost and the app sends it again", async () => {
    const { page } = await openPhone();
    await joinByLink(page, app.proxy.url, "DEMO-WS4");
    await next(page);
    await answerRestOfQuestionnaire(page, { application: "Updated the valuation database procedures." });
    app.proxy.loseNextResponse("POST", "/api/replies");
    const before = app.proxy.requests.length;
    await sendFromReview(page);
    await expectReplyState(page, STATE_TEXT.sent);

    const posts = app.proxy.requests.slice(before).filter((r) => r.method === "POST" && r.path === "/api/replies");
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(posts[0].responseLost).toBe(true);
    expect(posts[0].status).toBe(200);
    const rows = await repliesOnServer("DEMO-WS4");
    expect(rows).toHaveLength(1);
    expect(await page.getByTestId("receipt-id").textContent()).toBe(rows[0].receipt_id);
  });

  it("shows why a reply was refused and lets the participant fix it, at the answer at fault, and send it again", async () => {
    const phone = await openPhone();
    const { context, page } = phone;
    await sendReplyOffline(phone, app.proxy.url, "DEMO-PG5", { application: "Drafted an SOP for canine deployment." });
    // As if an older app version had let an over-long answer through: only the server can catch it now.
    await setInEveryRecord(
      page,
      "outbox",
      ["reply", "answers", "application"],
      "Drafted an SOP for canine deployment. ".repeat(200),
    );

    await context.setOffline(false);
    await expectReplyState(page, STATE_TEXT.needsAttention);
    expect(await page.getByTestId("reply-problem").textContent()).toMatch(/5,000 characters/);
    expect(await repliesOnServer("DEMO-PG5")).toHaveLength(0);

    await page.getByRole("button", { name: "Fix and send again" }).click();
    // Straight to the section and the field at fault, not back to "About you".
    await page.getByRole("heading", { name: "Applying what you learnt" }).waitFor();
    expect(await page.locator("#q-application-error").textContent()).toMatch(/5,000 characters/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("q-application");
    await page
      .getByLabel("How did you apply what you learnt to your work?")
      .fill("Drafted an SOP for canine deployment.");
    for (let i = 0; i < 4; i++) await next(page);
    await sendFromReview(page);
    await expectReplyState(page, STATE_TEXT.sent);
    const rows = await repliesOnServer("DEMO-PG5");
    expect(rows).toHaveLength(1);
    expect((JSON.parse(rows[0].answers) as Record<string, unknown>).application).toBe(
      "Drafted an SOP for canine deployment.",
    );
  });

  it("says on a French phone why the server refused a reply, and which answer and why, in French", async () => {
    const phone = await openPhone();
    const { context, page } = phone;
    await sendReplyOffline(phone, app.proxy.url, "DEMO-FJ3", { application: "Trained the risk team." });
    await setInEveryRecord(page, "outbox", ["reply", "answers", "application"], "Trained the risk team. ".repeat(300));
    await context.setOffline(false);
    await expectReplyState(page, STATE_TEXT.needsAttention);

    await page.evaluate(() => localStorage.setItem("outrigger.language", "fr"));
    await page.reload();
    const problem = page.getByTestId("reply-problem");
    await expect
      .poll(() => problem.textContent())
      .toMatch(/^Motif : Certaines réponses sont à revoir avant que cette réponse puisse être acceptée\./);
    expect(await problem.textContent()).toMatch(
      /How did you apply what you learnt to your work\? : Veuillez rester sous 5\s000 caractères \(actuellement 6\s900\)\./,
    );

    await page.getByRole("button", { name: "Corriger et renvoyer" }).click();
    await expect
      .poll(() => page.locator("#q-application-error").textContent())
      .toMatch(/^Veuillez rester sous 5\s000 caractères/);
    await page
      .getByText(
        "Le serveur de l’organisateur n’a pas pu accepter votre réponse : Certaines réponses sont à revoir avant que cette réponse puisse être acceptée. Corrigez",
        { exact: false },
      )
      .waitFor();
  });
});

describe("attachments over a bad link", () => {
  it("continues an upload cut mid-way from the offset the server holds, and the file arrives whole", async () => {
    const { page } = await openPhone();
    await joinByLink(page, app.proxy.url, "DEMO-TO1");
    await next(page);
    await answerRestOfQuestionnaire(page, { application: "Photographed the in-house session on transit." });
    // A program renamed to .pdf is refused on the picker, before anything is queued.
    await page
      .getByLabel("Add files")
      .setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00\x03\x00") });
    await page
      .getByRole("alert")
      .getByText(/“invoice\.pdf” is not really the kind of file its name says/)
      .waitFor();
    // A real PNG signature, then filler: the server and the phone check the leading bytes.
    const photo = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(1536 * 1024 - 8, 7),
    ]);
    await page
      .getByLabel("Add files")
      .setInputFiles({ name: "session-photo.png", mimeType: "image/png", buffer: photo });
    // The second piece of the upload loses its connection part-way.
    const cut = app.proxy.cutNextRequestAfter(
      "PATCH",
      "/api/uploads/",
      300 * 1024,
      (headers) => Number(headers["upload-offset"]) > 0,
    );
    await sendFromReview(page);
    await expectReplyState(page, STATE_TEXT.sent);
    const cutRequest = await cut;
    await page.getByTestId("attachments").getByText("received by the organiser").waitFor({ timeout: 60_000 });

    const uploads = app.proxy.requests.filter((r) => r.path.startsWith("/api/uploads/"));
    const cutAt = uploads.indexOf(cutRequest);
    // After the cut the app asks where the server stands, then sends only the rest from there.
    const head = uploads.slice(cutAt + 1).find((r) => r.method === "HEAD");
    expect(head?.status).toBe(200);
    // (A retry may meet the server still closing the cut request and be told to wait: count what it accepted.)
    const resumed = uploads.slice(cutAt + 1).find((r) => r.method === "PATCH" && r.status === 204);
    const resumedFrom = Number(resumed?.headers["upload-offset"]);
    // Never from zero: at least what the server had before the cut piece, at most what reached it.
    expect(resumedFrom).toBeGreaterThanOrEqual(Number(cutRequest.headers["upload-offset"]));
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(Number(cutRequest.headers["upload-offset"]) + cutRequest.requestCutAfter!);
    const sentAfterCut = uploads
      .slice(cutAt + 1)
      .filter((r) => r.method === "PATCH" && r.status === 204)
      .reduce((sum, r) => sum + r.requestBytes, 0);
    expect(sentAfterCut).toBe(photo.length - resumedFrom);

    const rows = await app.server.db
      .selectFrom("attachments")
      .selectAll()
      .where("invitation_code", "=", "DEMO-TO1")
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].sha256).toBe(createHash("sha256").update(photo).digest("hex"));
  });
});
