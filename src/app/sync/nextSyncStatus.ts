// The status record the UI reads, computed from the one before and what a run achieved: pure, so every case is a plain test.
import type { SyncStatus } from "../store/syncStatus";
import type { ExchangeOutcome } from "./outboxSender";

export interface StatusInputs extends ExchangeOutcome {
  /** Own and relayed replies still waiting after the run. */
  waiting: number;
}

/**
 * - connection: "offline" when the server could not be reached, "online" when it answered, else as before.
 * - lastContactAt: `now` whenever our server answered.
 * - lastSyncAt: `now` only when the server answered and nothing is left to send.
 * - nextAttemptAt: `now + retryInMs` when a retry was scheduled (the loop decides; undefined means none).
 * - lastProblem: this run's problem; a run without one leaves none.
 */
export function nextSyncStatus(before: SyncStatus, outcome: StatusInputs, now: Date, retryInMs?: number): SyncStatus {
  const status: SyncStatus = {
    connection: outcome.unreachable ? "offline" : outcome.contact ? "online" : before.connection,
    syncing: false,
  };
  const lastContactAt = outcome.contact ? now.toISOString() : before.lastContactAt;
  if (lastContactAt) status.lastContactAt = lastContactAt;
  const lastSyncAt = outcome.contact && !outcome.retry && outcome.waiting === 0 ? now.toISOString() : before.lastSyncAt;
  if (lastSyncAt) status.lastSyncAt = lastSyncAt;
  if (outcome.problem) status.lastProblem = outcome.problem;
  if (retryInMs !== undefined) status.nextAttemptAt = new Date(now.getTime() + retryInMs).toISOString();
  return status;
}
