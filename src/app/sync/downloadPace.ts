// How a download is going, in the participant's terms: moving (with a time left) or waiting for a connection,
// and whether a download is big enough, on a metered or slow link, to ask first.

/** What `navigator.connection` tells (Chromium on Android; absent elsewhere, which counts as unmetered). */
export interface ConnectionInfo {
  type?: string;
  effectiveType?: string;
  saveData?: boolean;
}

/** No byte for this long and the estimate is a guess about a dead link: say "waiting" instead. */
export const STALL_NOTICE_MS = 5_000;

/** Above this, a download on a metered link asks first (the whole workshop's "Save all" always asks). */
export const BIG_DOWNLOAD_BYTES = 10 * 1024 * 1024;

// "3g" is left out: Chromium reports it for ordinary links under load, and it is not what costs money.
const SLOW_LINKS = new Set(["slow-2g", "2g"]);

export type DownloadPace = { kind: "waiting" } | { kind: "moving"; bytesPerSecond?: number; secondsLeft?: number };

export interface PaceInput {
  remainingBytes: number;
  bytesPerSecond?: number;
  /** When the last bytes of this file arrived (or its request started); undefined when no request is running. */
  lastByteAt?: number;
  now: number;
  online: boolean;
}

/** "Waiting for connection" when offline, when no request runs, or when bytes stopped; else the pace and time left. */
export function downloadPace({ remainingBytes, bytesPerSecond, lastByteAt, now, online }: PaceInput): DownloadPace {
  if (!online || lastByteAt === undefined || now - lastByteAt >= STALL_NOTICE_MS) return { kind: "waiting" };
  if (!bytesPerSecond || bytesPerSecond <= 0) return { kind: "moving" };
  return { kind: "moving", bytesPerSecond, secondsLeft: remainingBytes / bytesPerSecond };
}

export type MeteredReason = "cellular" | "data-saver" | "slow";

/** Why this link costs money or time, or undefined for an ordinary (or unknown) one. */
export function meteredReason(connection: ConnectionInfo | undefined): MeteredReason | undefined {
  if (!connection) return undefined;
  if (connection.saveData) return "data-saver";
  if (connection.type === "cellular") return "cellular";
  if (connection.effectiveType && SLOW_LINKS.has(connection.effectiveType)) return "slow";
  return undefined;
}

export interface MeteredWarning {
  bytes: number;
  reason: MeteredReason;
}

/** A warning to confirm before downloading `bytes`, or undefined to go ahead at once. */
export function warningBeforeDownload(
  bytes: number,
  connection: ConnectionInfo | undefined,
  options: { wholeWorkshop?: boolean } = {},
): MeteredWarning | undefined {
  if (bytes <= 0) return undefined;
  const reason = meteredReason(connection);
  if (!reason) return undefined;
  return options.wholeWorkshop || bytes > BIG_DOWNLOAD_BYTES ? { bytes, reason } : undefined;
}
