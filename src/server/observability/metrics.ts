// Prometheus counters of one app instance, in a registry of its own so several apps in one process never share counts.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ReplyResult } from "../../shared/api";

export type ReplyRoute = "replies" | "relayed_replies";

export interface AppMetrics {
  registry: Registry;
  /** Counts one batch's results (by outcome and error code) and its size; returns the results unchanged. */
  recordReplyBatch(route: ReplyRoute, results: ReplyResult[]): ReplyResult[];
  blobBytesServed(bytes: number): void;
  uploadFailed(reason: string): void;
  signInFailed(reason: "invalid_credentials" | "too_many_attempts"): void;
}

/** Replies per POST: the phone sends its whole outbox up to MAX_REPLIES_PER_BATCH. */
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100];

/**
 * `withProcessMetrics` adds Node's default metrics (CPU, memory, event loop, GC); only apps that serve /metrics ask
 * for them, because each collection starts its own event-loop monitor.
 */
export function createAppMetrics({ withProcessMetrics }: { withProcessMetrics: boolean }): AppMetrics {
  const registry = new Registry();
  if (withProcessMetrics) collectDefaultMetrics({ register: registry });
  const replies = new Counter({
    name: "outrigger_replies_total",
    help: "Replies received in batches, by outcome (stored, already_stored, conflict, rejected) and error code (none when accepted).",
    labelNames: ["route", "outcome", "code"] as const,
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: "outrigger_reply_batch_size",
    help: "Replies per batch a phone sent (sync batch size).",
    labelNames: ["route"] as const,
    buckets: BATCH_SIZE_BUCKETS,
    registers: [registry],
  });
  const blobBytes = new Counter({
    name: "outrigger_blob_bytes_served_total",
    help: "Bytes of material files sent to phones.",
    registers: [registry],
  });
  const uploadFailures = new Counter({
    name: "outrigger_upload_failures_total",
    help: "Attachment upload requests refused or failed, by HTTP status (401, 413, 415, 503, 507, …).",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: "outrigger_sign_in_failures_total",
    help: "Console sign-ins refused, by reason.",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  return {
    registry,
    recordReplyBatch(route, results) {
      batchSize.observe({ route }, results.length);
      for (const result of results)
        replies.inc({ route, outcome: result.outcome, code: "error" in result ? result.error.code : "none" });
      return results;
    },
    blobBytesServed: (bytes) => blobBytes.inc(bytes),
    uploadFailed: (reason) => uploadFailures.inc({ reason }),
    signInFailed: (reason) => signInFailures.inc({ reason }),
  };
}
