// What one sync run does: send the outbox (or check the server is there) and deliver replies relayed through this
// phone; the page adds its own extras (attachment uploads, refreshes now and then) through hooks. The service worker
// runs the same code, so nothing here may import UI code or load a chunk.
// When to run, and when to run again, is syncLoop's business; this file only says what a run achieved.
import { healthPayload } from "../../shared/api";
import type { OutriggerDb } from "../store/db";
import { parseWith, type ApiClient } from "./apiClient";
import type { StatusInputs } from "./nextSyncStatus";
import { sendOutbox, type ExchangeOutcome } from "./outboxSender";
import type { Platform } from "./platform";
import { deliverRelayedReplies } from "./relayDelivery";

export interface RunOutcome extends StatusInputs {
  /** When the run's exchanges ended: the status record is stamped with it, and a retry counted from it. */
  at: Date;
}

export interface SyncRun {
  run(): Promise<RunOutcome>;
}

/** What only the open app does around a run; the service worker passes none. */
export interface SyncRunExtras {
  /** Our server can be reached and attachments wait to be uploaded (the page loads its uploader then). */
  onAttachmentsWaiting?(): void;
  /** The run reached our server, at `at`. */
  onContact?(at: Date): void;
}

/** Replies of others handed to this phone count too: they wait in the same sense as our own. */
export async function countWaiting(database: OutriggerDb): Promise<number> {
  return (
    (await database.outbox.where("state").equals("waiting").count()) +
    (await database.relayedReplies.where("state").equals("waiting").count())
  );
}

export function createSyncRun(platform: Platform, client: ApiClient, extras: SyncRunExtras = {}): SyncRun {
  const database = platform.db;

  async function checkHealth(): Promise<ExchangeOutcome> {
    const result = await client.get("/api/health", parseWith(healthPayload));
    if (result.ok) return { contact: true, unreachable: false, retry: false };
    return { contact: result.error !== undefined, unreachable: result.error === undefined, retry: false };
  }

  async function exchange(): Promise<ExchangeOutcome> {
    const sent = await sendOutbox(platform, client);
    let outcome: ExchangeOutcome = sent.sentAny || sent.retry ? sent : await checkHealth();
    if (
      extras.onAttachmentsWaiting &&
      !outcome.unreachable &&
      (await database.attachments.where("state").anyOf("on_phone", "uploading").count()) > 0
    )
      extras.onAttachmentsWaiting();
    if (!outcome.unreachable) {
      const relayed = await deliverRelayedReplies({ ...platform, client });
      if (relayed.unreachable) outcome = { ...outcome, unreachable: true, retry: true };
      else if (relayed.retry) outcome = { ...outcome, retry: true };
    }
    return outcome;
  }

  return {
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
      if (outcome.contact) extras.onContact?.(at);
      return { ...outcome, at, waiting: await countWaiting(database) };
    },
  };
}
