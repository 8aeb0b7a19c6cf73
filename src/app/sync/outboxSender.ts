// Sends the outbox in batches until it is empty or the server (or the network) says "not now"; one run's first job.
import { MAX_REPLIES_PER_BATCH, REPLY_BATCH_BYTES, replyBatchResponse, type ApiErrorBody } from "../../shared/api";
import { canonicalId } from "../../shared/reply";
import { markNeedsAttention, markSent, markWaiting, takeBatch } from "../store/outbox";
import { parseWith, type ApiClient } from "./apiClient";
import type { Platform } from "./platform";

/** What one exchange with the server showed, as the rest of a run and the status record need it. */
export interface ExchangeOutcome {
  /** Our server answered (a reply result, a JSON error of ours, or the health check). */
  contact: boolean;
  /** No answer at all, or not from our server (timeout, DNS, captive portal). */
  unreachable: boolean;
  /** Something is left to send and should be retried later. */
  retry: boolean;
  /** The server asked for at least this long before the next try (its `Retry-After`). */
  retryAfterMs?: number;
  problem?: string;
}

const TOO_LARGE: ApiErrorBody = {
  code: "payload_too_large",
  message: "This reply is too large to send. Save it as a file and send it to the organiser another way.",
};

export async function sendOutbox(
  platform: Platform,
  client: ApiClient,
): Promise<ExchangeOutcome & { sentAny: boolean }> {
  const database = platform.db;
  const outcome = {
    contact: false,
    unreachable: false,
    retry: false,
    sentAny: false,
    problem: undefined as string | undefined,
  };
  // After a 413 (or a batch the server could not read), the rest go one per request so one bad reply cannot block the others.
  let onePerBatch = false;
  for (;;) {
    const batch = await takeBatch(
      onePerBatch ? 1 : MAX_REPLIES_PER_BATCH,
      REPLY_BATCH_BYTES,
      platform.clock.now(),
      database,
    );
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
        else if (itemResult.outcome === "stored" || itemResult.outcome === "already_stored")
          await markSent(id, itemResult.receipt, database);
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
      return {
        ...outcome,
        unreachable: true,
        retry: true,
        problem: result.kind === "timeout" ? "The server took too long to answer." : undefined,
      };
    }
    const ours = result.error !== undefined;
    if (ours) outcome.contact = true;
    const unreadableBatch =
      ours &&
      result.status === 400 &&
      (result.error?.code === "invalid_batch" || result.error?.code === "malformed_json");
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
      ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
      problem: ours
        ? `The server could not take replies just now (${result.error?.message ?? result.status}).`
        : `An unexpected answer came back (HTTP ${result.status}), perhaps from a network sign-in page.`,
    };
  }
}
