// Offline readiness, one shape for the service worker, the app and its tests: how much of the offline copy of
// the app (precache) is stored, and the single derived state screens show ("Ready to use offline").
// No zod here: the service worker imports this file, and its own bundle stays small (the message's schema is
// precacheProgress.ts, read by the page only).

/** The `type` of the service worker's progress message (precacheProgress.ts). */
export const PRECACHE_PROGRESS_TYPE = "PRECACHE_PROGRESS";

/** The app shell as the page knows it: no service worker possible, not yet installing, installing, or stored. */
export type ShellProgress =
  | { state: "unavailable" }
  | { state: "starting" }
  | { state: "installing"; done: number; total: number }
  | { state: "ready" };

/** The joined workshops' data on the phone: one item per questionnaire and per materials list. */
export interface StoredForOffline {
  items: number;
  stored: number;
}

/** "checking": the shell is stored but the phone's data not yet read (a moment at each start): nothing to say yet. */
export type OfflineReadiness =
  { kind: "unavailable" } | { kind: "checking" } | { kind: "ready" } | { kind: "getting-ready"; percent: number };

/**
 * Ready only when the service worker has stored the whole shell and every joined workshop's questionnaire and
 * materials list is on the phone. The percentage counts precache entries and data items alike, and never says
 * 100 before it is true.
 */
export function deriveOfflineReadiness(shell: ShellProgress, data: StoredForOffline | undefined): OfflineReadiness {
  if (shell.state === "unavailable") return { kind: "unavailable" };
  if (shell.state === "ready" && data === undefined) return { kind: "checking" };
  const dataKnown = data ?? { items: 1, stored: 0 };
  if (shell.state === "ready" && dataKnown.stored >= dataKnown.items) return { kind: "ready" };
  const shellTotal = shell.state === "installing" ? shell.total : 1;
  const shellDone = shell.state === "installing" ? Math.min(shell.done, shell.total) : shell.state === "ready" ? 1 : 0;
  const done = shellDone + Math.min(dataKnown.stored, dataKnown.items);
  const percent = Math.floor((100 * done) / (shellTotal + dataKnown.items));
  return { kind: "getting-ready", percent: Math.min(percent, 99) };
}
