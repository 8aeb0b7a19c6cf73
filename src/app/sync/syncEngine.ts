// Sends the outbox whenever our server can be reached, and keeps a status record for the UI.
import { liveQuery, type Subscription } from "dexie";
import { healthPayload, replyBatchResponse, MAX_REPLIES_PER_BATCH, REPLY_BATCH_BYTES, type ApiErrorBody } from "../../shared/api";
import { canonicalId } from "../../shared/reply";
import { db as defaultDb, type OutriggerDb } from "../store/db";
import { markNeedsAttention, markSent, markWaiting, recoverInterruptedSends, takeBatch } from "../store/outbox";
import { readSyncStatus, writeSyncStatus, type SyncStatus } from "../store/syncStatus";
import { createApiClient, parseWith } from "./apiClient";
import { backoffDelay } from "./backoff";
import { registerBackgroundSync } from "./backgroundSync";
import { refreshJoinedCampaigns } from "./invitations";
import { refreshFeedback } from "./feedbackSync";
import { deliverRelayedReplies } from "./relayDelivery";
import { refreshSigningKey } from "./signingKeyCache";

/** How often joined invitations are re-read, so a withdrawn or closed campaign shows on the phone. */
const CAMPAIGN_REFRESH_MS = 60 * 60 * 1000;

export interface SyncEngineDeps {
  db?: OutriggerDb;
  fetch?: typeof fetch;
  baseUrl?: string;
  now?: () => Date;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  requestTimeoutMs?: number;
  /** Send as soon as a reply is submitted, by watching the outbox in Dexie (default true). */
  watchOutbox?: boolean;
  /** Asks the browser to wake us when a connection returns; defaults to Background Sync where available. */
  requestBackgroundSync?: () => Promise<unknown>;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  syncNow(reason: string): Promise<void>;
}

interface RunOutcome {
  /** Our server answered (a reply result, a JSON error of ours, or the health check). */
  contact: boolean;
  /** No answer at all, or not from our server (timeout, DNS, captive portal). */
  unreachable: boolean;
  /** Something is left to send and should be retried later. */
  retry: boolean;
  problem?: string;
}

const TOO_LARGE: ApiErrorBody = { code: "payload_too_large", message: "This reply is too large to send. Save it as a file and send it to the organiser another way." };

export function createSyncEngine(deps: SyncEngineDeps = {}): SyncEngine {
  const database = deps.db ?? defaultDb;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const requestBackgroundSync = deps.requestBackgroundSync ?? registerBackgroundSync;
  const client = createApiClient({ fetch: deps.fetch, baseUrl: deps.baseUrl, timeoutMs: deps.requestTimeoutMs, setTimer, clearTimer });

  let stopped = false;
  let recovered = false;
  let inFlight: Promise<void> | undefined;
  let rerunRequested = false;
  let attempt = 0;
  let retryTimer: unknown;
  let campaignsRefreshedAt = Number.NEGATIVE_INFINITY;
  let outboxWatch: Subscription | undefined;
  const cleanups: Array<() => void> = [];

  const cancelRetry = () => {
    if (retryTimer !== undefined) clearTimer(retryTimer);
    retryTimer = undefined;
  };

  async function sendOutbox(): Promise<RunOutcome & { sentAny: boolean }> {
    const outcome = { contact: false, unreachable: false, retry: false, sentAny: false, problem: undefined as string | undefined };
    // After a 413 (or a batch the server could not read), the rest go one per request so one bad reply cannot block the others.
    let onePerBatch = false;
    for (;;) {
      const batch = await takeBatch(onePerBatch ? 1 : MAX_REPLIES_PER_BATCH, REPLY_BATCH_BYTES, now(), database);
      if (batch.length === 0) return outcome;
      outcome.sentAny = true;
      const ids = batch.map((entry) => entry.id);
      const result = await client.postJson(
        "/api/replies",
        { replies: batch.map((entry) => entry.reply) },
        parseWith(replyBatchResponse),
      );
      if (result.ok) {
        outcome.contact = true;
        // The server gives reply ids back in lower case (one spelling per id), whatever case they were sent in.
        const byId = new Map(result.body.results.map((r) => [canonicalId(r.id), r]));
        const unanswered: string[] = [];
        for (const id of ids) {
          const itemResult = byId.get(canonicalId(id));
          if (!itemResult) unanswered.push(id);
          else if (itemResult.outcome === "stored" || itemResult.outcome === "already_stored") await markSent(id, itemResult.receipt, database);
          else await markNeedsAttention(id, itemResult.error, database);
        }
        if (unanswered.length > 0) {
          await markWaiting(unanswered, database);
          return { ...outcome, retry: true, problem: "The server did not confirm every reply; they will be sent again." };
        }
        continue;
      }
      if (result.kind !== "http") {
        await markWaiting(ids, database);
        return { ...outcome, unreachable: true, retry: true, problem: result.kind === "timeout" ? "The server took too long to answer." : undefined };
      }
      const ours = result.error !== undefined;
      if (ours) outcome.contact = true;
      const unreadableBatch = ours && result.status === 400 && (result.error?.code === "invalid_batch" || result.error?.code === "malformed_json");
      if (result.status === 413 || unreadableBatch) {
        if (batch.length > 1) {
          await markWaiting(ids, database);
          onePerBatch = true;
          continue;
        }
        await markNeedsAttention(ids[0], result.status === 413 || !result.error ? TOO_LARGE : result.error, database);
        continue;
      }
      // 5xx, 429, or anything unexpected: nothing was refused for good, so try again later.
      await markWaiting(ids, database);
      return {
        ...outcome,
        unreachable: !ours,
        retry: true,
        problem: ours ? `The server could not take replies just now (${result.error?.message ?? result.status}).` : `An unexpected answer came back (HTTP ${result.status}), perhaps from a network sign-in page.`,
      };
    }
  }

  async function checkHealth(): Promise<RunOutcome> {
    const result = await client.get("/api/health", parseWith(healthPayload));
    if (result.ok) return { contact: true, unreachable: false, retry: false };
    return { contact: result.error !== undefined, unreachable: result.error === undefined, retry: false };
  }

  async function runOnce(): Promise<RunOutcome> {
    cancelRetry();
    if (!recovered) {
      // Sends cut off by a closed app come back; the server's idempotency makes the resend safe.
      await recoverInterruptedSends(database);
      recovered = true;
    }
    const before = await readSyncStatus(database);
    await writeSyncStatus({ ...before, syncing: true }, database);
    let outcome: RunOutcome;
    try {
      const sent = await sendOutbox();
      outcome = sent.sentAny || sent.retry ? sent : await checkHealth();
      if (!outcome.unreachable && (await database.attachments.where("state").anyOf("on_phone", "uploading").count()) > 0) {
        // Loaded only when there is something to upload: tus-js-client stays out of the first load.
        // Not awaited: a large file on a slow link must not hold up replies and the status line.
        void import("./attachmentUploader").then(({ uploadAttachments }) => uploadAttachments(database, deps.baseUrl ?? ""));
      }
      if (!outcome.unreachable) {
        const relayed = await deliverRelayedReplies(database, client);
        if (relayed.unreachable) outcome = { ...outcome, unreachable: true, retry: true };
        else if (relayed.retry) outcome = { ...outcome, retry: true };
      }
    } catch (error) {
      outcome = { contact: false, unreachable: false, retry: true, problem: error instanceof Error ? error.message : String(error) };
    }
    const at = now();
    if (outcome.contact && at.getTime() - campaignsRefreshedAt > CAMPAIGN_REFRESH_MS) {
      campaignsRefreshedAt = at.getTime();
      // Best effort and in the background: a failed refresh changes nothing on the phone.
      void refreshJoinedCampaigns({ db: database, fetch: deps.fetch, baseUrl: deps.baseUrl, now, requestTimeoutMs: deps.requestTimeoutMs }).catch(() => undefined);
      void refreshSigningKey({ db: database, fetch: deps.fetch, baseUrl: deps.baseUrl, now }).catch(() => undefined);
      void refreshFeedback({ db: database, fetch: deps.fetch, baseUrl: deps.baseUrl, now }).catch(() => undefined);
    }
    const waiting = (await database.outbox.where("state").equals("waiting").count()) + (await database.relayedReplies.where("state").equals("waiting").count());
    const status: SyncStatus = { connection: outcome.unreachable ? "offline" : outcome.contact ? "online" : before.connection, syncing: false };
    const lastContactAt = outcome.contact ? at.toISOString() : before.lastContactAt;
    if (lastContactAt) status.lastContactAt = lastContactAt;
    const lastSyncAt = outcome.contact && !outcome.retry && waiting === 0 ? at.toISOString() : before.lastSyncAt;
    if (lastSyncAt) status.lastSyncAt = lastSyncAt;
    if (outcome.problem) status.lastProblem = outcome.problem;
    if (outcome.retry && waiting > 0) {
      if (!stopped) {
        const delay = backoffDelay(attempt, { random });
        attempt += 1;
        retryTimer = setTimer(() => {
          retryTimer = undefined;
          void syncNow("retry");
        }, delay);
        status.nextAttemptAt = new Date(at.getTime() + delay).toISOString();
        void requestBackgroundSync().catch(() => undefined);
      }
    } else if (!outcome.retry) {
      attempt = 0;
    }
    await writeSyncStatus(status, database);
    return outcome;
  }

  function syncNow(reason: string): Promise<void> {
    void reason; // kept for logging and debugging at call sites
    if (inFlight) {
      rerunRequested = true;
      return inFlight;
    }
    inFlight = (async () => {
      try {
        for (;;) {
          rerunRequested = false;
          const outcome = await runOnce();
          // A request that came in mid-run is honoured only if it could achieve something now.
          if (!rerunRequested || outcome.retry || stopped) break;
          // Replies of others handed to this phone count too: one added mid-run must not wait for a later trigger.
          const waiting = (await database.outbox.where("state").equals("waiting").count()) + (await database.relayedReplies.where("state").equals("waiting").count());
          if (waiting === 0) break;
        }
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  function start(): void {
    stopped = false;
    const trigger = (reason: string) => () => void syncNow(reason);
    const onOnline = trigger("online");
    const onVisibility = () => {
      if (document.visibilityState === "visible") void syncNow("visible");
    };
    const onMessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (typeof data === "object" && data !== null && (data as { type?: unknown }).type === "sync-requested") void syncNow("service-worker");
    };
    if (typeof window !== "undefined" && typeof window.addEventListener === "function") {
      window.addEventListener("online", onOnline);
      cleanups.push(() => window.removeEventListener("online", onOnline));
    }
    if (typeof document !== "undefined") {
      document.addEventListener("visibilitychange", onVisibility);
      cleanups.push(() => document.removeEventListener("visibilitychange", onVisibility));
    }
    if (typeof navigator !== "undefined" && "serviceWorker" in navigator && navigator.serviceWorker) {
      const container = navigator.serviceWorker;
      container.addEventListener("message", onMessage);
      cleanups.push(() => container.removeEventListener("message", onMessage));
    }
    void syncNow("start");
    if (deps.watchOutbox ?? true) {
      // A newly submitted reply has never been tried; sending it at once needs no call from the UI.
      outboxWatch = liveQuery(() =>
        database.outbox
          .where("state")
          .equals("waiting")
          .filter((entry) => entry.attempts === 0)
          .count(),
      ).subscribe({
        next: (fresh) => {
          if (fresh > 0) void syncNow("queued");
        },
        error: () => undefined,
      });
    }
  }

  function stop(): void {
    stopped = true;
    cancelRetry();
    outboxWatch?.unsubscribe();
    outboxWatch = undefined;
    for (const cleanup of cleanups.splice(0)) cleanup();
  }

  return { start, stop, syncNow };
}
