// Delivers reply files that other participants handed to this phone ("deliver replies for others").
import { MAX_REPLIES_PER_BATCH, replyBatchResponse } from "../../shared/api";
import type { ApiClient } from "./apiClient";
import { parseWith } from "./apiClient";
import type { OutriggerDb } from "../store/db";

export interface RelayOutcome {
  contact: boolean;
  unreachable: boolean;
  retry: boolean;
}

const BATCH_BYTES = 480 * 1024;

export async function deliverRelayedReplies(database: OutriggerDb, client: ApiClient): Promise<RelayOutcome> {
  const outcome: RelayOutcome = { contact: false, unreachable: false, retry: false };
  // Anything left "sending" by a closed app goes again: the server stores a reply once whatever happens.
  await database.relayedReplies.where("state").equals("sending").modify({ state: "waiting" });
  for (;;) {
    const waiting = await database.relayedReplies.where("state").equals("waiting").sortBy("addedAt");
    if (waiting.length === 0) return outcome;
    const batch = [];
    let bytes = 0;
    for (const entry of waiting.slice(0, MAX_REPLIES_PER_BATCH)) {
      const size = JSON.stringify(entry.file).length;
      if (batch.length > 0 && bytes + size > BATCH_BYTES) break;
      batch.push(entry);
      bytes += size;
    }
    const ids = batch.map((e) => e.id);
    await database.relayedReplies.where("id").anyOf(ids).modify({ state: "sending" });
    const result = await client.postJson("/api/relayed-replies", { replies: batch.map((e) => e.file) }, parseWith(replyBatchResponse));
    if (!result.ok) {
      await database.relayedReplies.where("id").anyOf(ids).modify({ state: "waiting" });
      const ours = result.kind === "http" && result.error !== undefined;
      // A refusal of the whole batch that is about one file (too large, unreadable) marks that file.
      if (ours && batch.length === 1 && result.status !== undefined && result.status >= 400 && result.status < 500 && result.status !== 429) {
        await database.relayedReplies.update(ids[0], { state: "refused", problem: result.error });
        outcome.contact = true;
        continue;
      }
      return { contact: ours, unreachable: !ours, retry: true };
    }
    outcome.contact = true;
    for (const item of result.body.results) {
      if (item.outcome === "stored" || item.outcome === "already_stored") await database.relayedReplies.update(item.id, { state: "delivered", receipt: item.receipt });
      else await database.relayedReplies.update(item.id, { state: "refused", problem: item.error });
    }
    // Items the server did not answer go back to waiting.
    await database.relayedReplies.where("id").anyOf(ids).and((e) => e.state === "sending").modify({ state: "waiting" });
  }
}
