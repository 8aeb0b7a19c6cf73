// What one sync run does: send the outbox (or check the server is there), start attachment uploads, deliver
// replies relayed through this phone, and now and then refresh campaigns, feedback and the signing key.
// When to run, and when to run again, is syncLoop's business; this file only says what a run achieved.
import { healthPayload } from "../../shared/api";
import type { OutriggerDb } from "../store/db";
import { recoverInterruptedSends } from "../store/outbox";
import { parseWith, type ApiClient } from "./apiClient";
import { refreshFeedback } from "./feedbackSync";
import { refreshJoinedCampaigns } from "./invitations";
import type { StatusInputs } from "./nextSyncStatus";
import { sendOutbox, type ExchangeOutcome } from "./outboxSender";
import type { Platform } from "./platform";
import { deliverRelayedReplies } from "./relayDelivery";
import { refreshSigningKey } from "./signingKeyCache";

/** How often joined invitations are re-read, so a withdrawn or closed campaign shows on the phone. */
const CAMPAIGN_REFRESH_MS = 60 * 60 * 1000;

export interface RunOutcome extends StatusInputs {
  /** When the run's exchanges ended: the status record is stamped with it, and a retry counted from it. */
  at: Date;
}

export interface SyncRun {
  /** Sends cut off by a closed app come back, once per engine; the server's idempotency makes the resend safe. */
  recoverInterruptedOnce(): Promise<void>;
  run(): Promise<RunOutcome>;
}

/** Replies of others handed to this phone count too: they wait in the same sense as our own. */
export async function countWaiting(database: OutriggerDb): Promise<number> {
  return (
    (await database.outbox.where("state").equals("waiting").count()) +
    (await database.relayedReplies.where("state").equals("waiting").count())
  );
}

export function createSyncRun(platform: Platform, client: ApiClient, requestTimeoutMs?: number): SyncRun {
  const database = platform.db;
  let recovered = false;
  let campaignsRefreshedAt = Number.NEGATIVE_INFINITY;

  async function checkHealth(): Promise<ExchangeOutcome> {
    const result = await client.get("/api/health", parseWith(healthPayload));
    if (result.ok) return { contact: true, unreachable: false, retry: false };
    return { contact: result.error !== undefined, unreachable: result.error === undefined, retry: false };
  }

  async function exchange(): Promise<ExchangeOutcome> {
    const sent = await sendOutbox(platform, client);
    let outcome: ExchangeOutcome = sent.sentAny || sent.retry ? sent : await checkHealth();
    if (
      !outcome.unreachable &&
      (await database.attachments.where("state").anyOf("on_phone", "uploading").count()) > 0
    ) {
      // Loaded only when there is something to upload: tus-js-client stays out of the first load.
      // Not awaited: a large file on a slow link must not hold up replies and the status line.
      void import("./attachmentUploader").then(({ uploadAttachments }) => uploadAttachments(platform));
    }
    if (!outcome.unreachable) {
      const relayed = await deliverRelayedReplies({ ...platform, client });
      if (relayed.unreachable) outcome = { ...outcome, unreachable: true, retry: true };
      else if (relayed.retry) outcome = { ...outcome, retry: true };
    }
    return outcome;
  }

  /** Best effort and in the background: a failed refresh changes nothing on the phone. */
  function refreshNowAndThen(at: Date): void {
    if (at.getTime() - campaignsRefreshedAt <= CAMPAIGN_REFRESH_MS) return;
    campaignsRefreshedAt = at.getTime();
    void refreshJoinedCampaigns({ ...platform, requestTimeoutMs }).catch(() => undefined);
    void refreshSigningKey({ ...platform, requestTimeoutMs }).catch(() => undefined);
    void refreshFeedback(platform).catch(() => undefined);
  }

  return {
    async recoverInterruptedOnce() {
      if (recovered) return;
      await recoverInterruptedSends(database);
      recovered = true;
    },
    async run() {
      let outcome: ExchangeOutcome;
      try {
        outcome = await exchange();
      } catch (error) {
        outcome = {
          contact: false,
          unreachable: false,
          retry: true,
          problem: error instanceof Error ? error.message : String(error),
        };
      }
      const at = platform.clock.now();
      if (outcome.contact) refreshNowAndThen(at);
      return { ...outcome, at, waiting: await countWaiting(database) };
    },
  };
}
