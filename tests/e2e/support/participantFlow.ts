// What a participant does on the phone, step by step, in the real browser.
import { expect } from "vitest";
import type { BrowserContext, Page } from "playwright-core";

export const STATE_TEXT = {
  waiting: "Waiting for connection",
  sent: "Sent",
  needsAttention: "Needs your attention",
} as const;

/** Opens the invitation link and waits until the app is installed for offline use. */
export async function joinByLink(page: Page, baseUrl: string, code: string): Promise<void> {
  await openInvitationLink(page, `${baseUrl}/join/${code}`);
}

/** The same, for a whole link as the console or an e-mail gives it. */
export async function openInvitationLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("heading", { name: "About you" }).waitFor();
  await waitForOfflineReady(page);
}

export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }),
      );
    }
  });
}

export async function next(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Next|Review)$/ }).click();
}

export interface ReplyAnswersInput {
  application: string;
  actionsDescription?: string;
  effectsDescription?: string;
}

/** Answers every section after "About you" (which the invitation pre-fills) and reaches the review step. */
export async function answerRestOfQuestionnaire(page: Page, input: ReplyAnswersInput): Promise<void> {
  await page.getByRole("heading", { name: "Follow-up actions", exact: true }).waitFor();
  await page.getByLabel(/Shared or circulated the training materials/).check();
  await page.getByLabel(/Organized an in-house workshop/).check();
  if (input.actionsDescription) await page.getByLabel("Describe what you did").fill(input.actionsDescription);
  await next(page);
  await page.getByLabel("How did you apply what you learnt to your work?").fill(input.application);
  await next(page);
  await page.locator('[data-question="directEffects"]').getByLabel("Yes").check();
  await page
    .getByLabel("Describe the direct effects")
    .fill(input.effectsDescription ?? "Release times fell after the new risk profiles.");
  await page.locator('[data-question="efficiencyImproved"]').getByLabel("Yes").check();
  await next(page);
  await page.locator('[data-question="newProjects"]').getByLabel("No").check();
  await next(page);
  await next(page);
  await page.getByRole("heading", { name: "Review your answers" }).waitFor();
}

export async function sendFromReview(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Send reply" }).click();
  await page.getByRole("heading", { name: "Your reply" }).waitFor();
}

export async function replyState(page: Page): Promise<string> {
  return (await page.getByTestId("reply-status").locator(".state-label").textContent())?.trim() ?? "";
}

export async function expectReplyState(page: Page, text: string, timeout = 30_000): Promise<void> {
  await expect.poll(() => replyState(page), { timeout, interval: 100 }).toBe(text);
}

/** Joins online, loses the connection, answers everything and sends: the reply then waits in the phone's outbox. */
export async function sendReplyOffline(
  phone: { context: BrowserContext; page: Page },
  baseUrl: string,
  code: string,
  input: ReplyAnswersInput,
): Promise<void> {
  await joinByLink(phone.page, baseUrl, code);
  await phone.context.setOffline(true);
  await next(phone.page);
  await answerRestOfQuestionnaire(phone.page, input);
  await sendFromReview(phone.page);
  await expectReplyState(phone.page, STATE_TEXT.waiting);
}
