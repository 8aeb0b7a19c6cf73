// Delivers reply files that other participants handed to this phone ("deliver replies for others").
import { MAX_REPLIES_PER_BATCH, REPLY_BATCH_BYTES, replyBatchResponse, type ReplyResult } from "../../shared/api";
import { canonicalId } from "../../shared/reply";
import type { RelayedReply } from "../store/db";
import { createApiClient, parseWith, type ApiClient } from "./apiClient";
import { resolvePlatform, type Platform } from "./platform";

export interface RelayOutcome {
  contact: boolean;
  unreachable: boolean;
  retry: boolean;
}

/** Answers that say "not now" for every file alike: stop and try again later (disk full, too busy, unavailable). */
const TEMPORARY_FOR_ALL = new Set([429, 503, 507]);

/** The server answers in the order sent; a file id it spells differently (case) still finds its file. */
function resultFor(
  results: readonly ReplyResult[],
  batch: readonly RelayedReply[],
  index: number,
): ReplyResult | undefined {
  if (results.length === batch.length) return results[index];
  return results.find((r) => canonicalId(r.id) === canonicalId(batch[index].id));
}

/** `client` lets the sync engine share its own (and its request timeout); otherwise one is made from the platform. */
export type RelayDeps = Partial<Platform> & { client?: ApiClient };

export async function deliverRelayedReplies(deps: RelayDeps = {}): Promise<RelayOutcome> {
  const platform = resolvePlatform(deps);
  const database = platform.db;
  const client = deps.client ?? createApiClient(platform);
  const outcome: RelayOutcome = { contact: false, unreachable: false, retry: false };
  // Anything left "sending" by a closed app goes again: the server stores a reply once whatever happens.
  await database.relayedReplies.where("state").equals("sending").modify({ state: "waiting" });
  // A file the server failed on by itself waits for the next run, so it cannot hold back the files after it.
  const putOff = new Set<string>();
  // After a batch failed as a whole, files go one per request to find the one that fails.
  let onePerBatch = false;
  for (;;) {
    const waiting = (await database.relayedReplies.where("state").equals("waiting").sortBy("addedAt")).filter(
      (e) => !putOff.has(e.id),
    );
    if (waiting.length === 0) return outcome;
    const batch: RelayedReply[] = [];
    let bytes = 0;
    for (const entry of waiting.slice(0, onePerBatch ? 1 : MAX_REPLIES_PER_BATCH)) {
      const size = JSON.stringify(entry.file).length;
      if (batch.length > 0 && bytes + size > REPLY_BATCH_BYTES) break;
      batch.push(entry);
      bytes += size;
    }
    const ids = batch.map((e) => e.id);
    await database.relayedReplies.where("id").anyOf(ids).modify({ state: "sending" });
    const result = await client.postJson(
      "/api/relayed-replies",
      { replies: batch.map((e) => e.file) },
      parseWith(replyBatchResponse),
    );
    if (!result.ok) {
      await database.relayedReplies.where("id").anyOf(ids).modify({ state: "waiting" });
      const ours = result.kind === "http" && result.error !== undefined;
      if (!ours) return { contact: outcome.contact, unreachable: true, retry: true };
      outcome.contact = true;
      const status = result.status ?? 0;
      if (TEMPORARY_FOR_ALL.has(status)) return { ...outcome, retry: true };
      if (batch.length > 1) {
        onePerBatch = true;
        continue;
      }
      // A refusal of a batch of one file (too large, unreadable) is that file's for good; a server failure is put off.
      if (status >= 400 && status < 500)
        await database.relayedReplies.update(ids[0], { state: "refused", problem: result.error });
      else {
        putOff.add(ids[0]);
        outcome.retry = true;
      }
      continue;
    }
    outcome.contact = true;
    for (const [index, entry] of batch.entries()) {
      const item = resultFor(result.body.results, batch, index);
      if (item === undefined) continue;
      if (item.outcome === "stored" || item.outcome === "already_stored")
        await database.relayedReplies.update(entry.id, { state: "delivered", receipt: item.receipt });
      else await database.relayedReplies.update(entry.id, { state: "refused", problem: item.error });
    }
    // Files the server did not answer go back to waiting, for the next run.
    const unanswered = await database.relayedReplies
      .where("id")
      .anyOf(ids)
      .and((e) => e.state === "sending")
      .primaryKeys();
    if (unanswered.length > 0) {
      await database.relayedReplies.where("id").anyOf(unanswered).modify({ state: "waiting" });
      for (const id of unanswered) putOff.add(id);
      outcome.retry = true;
    }
  }
}
