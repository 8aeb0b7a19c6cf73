// A survey round set up through the console's own API on the real server (an organiser, a workshop with
// participants, a campaign, replies from phones), so a browser test starts at the step it is about.
import type { Hono } from "hono";
import type { Page } from "playwright-core";
import type { RunningServer } from "../../../src/server/serve";
import {
  addOrganiser,
  consoleRequest,
  signIn,
  TEST_PASSWORD,
  type SignedIn,
} from "../../integration/support/consoleClient";
import { workshopWithCampaign, type ParticipantInput } from "../../integration/support/consoleFixtures";
import { validAnswers, validReply } from "../../integration/support/replyFixtures";
import { postBatch } from "../../integration/support/requests";

/** The integration helpers take a Hono app; this one sends their requests to the running server instead. */
export function serverAsApp(url: string): Hono {
  return { request: (path: string, init?: RequestInit) => fetch(`${url}${path}`, init) } as unknown as Hono;
}

export interface ConsoleRound {
  app: Hono;
  me: SignedIn;
  campaignId: string;
  code(administration: string): string;
  /** Sends a reply from this administration's invitation (answers overridden), as a phone would. */
  reply(administration: string, answers: Record<string, unknown>, submittedAt: string): Promise<string>;
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function consoleRound(
  server: RunningServer,
  title: string,
  participants: ParticipantInput[],
  email = "ana@example.org",
): Promise<ConsoleRound> {
  const app = serverAsApp(server.url);
  await addOrganiser(server.db, email, "organiser", new Date());
  const me = await signIn(app, email);
  const { campaign, code } = await workshopWithCampaign(app, me, { title, participants });
  const campaignId = campaign.campaign.id;
  return {
    app,
    me,
    campaignId,
    code,
    async reply(administration, answers, submittedAt) {
      const reply = validReply({
        campaignId,
        invitationCode: code(administration),
        answers: validAnswers({ administration, ...answers }),
        startedAt: "2024-03-05T09:00:00.000Z",
        submittedAt,
      });
      const batch = await postBatch(app, [reply]);
      if (batch.results[0].outcome !== "stored") throw new Error(`reply not stored: ${JSON.stringify(batch)}`);
      return reply.id;
    },
    request: (method, path, body) => consoleRequest(app, method, path, me, body),
  };
}

/** Signs the organiser in on the console's sign-in page. */
export async function signInOnPage(page: Page, url: string, email = "ana@example.org"): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Workshops", exact: true }).waitFor();
}
