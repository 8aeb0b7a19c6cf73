// The rule that the page and the service worker never send replies at the same time: every send runs under one Web Lock.
import type { LockManagerLike } from "./platform";

/** One name for every sender: open pages and the service worker queue behind each other for it. */
export const OUTBOX_SEND_LOCK = "outrigger-outbox-send";

/**
 * Runs `send` while holding the send lock. `exclusive` tells the sender whether the platform promised that no one
 * else is sending; without Web Locks it is false, and only the page sends (the service worker leaves it to the page).
 */
export function withSendLock<T>(
  locks: LockManagerLike | undefined,
  send: (exclusive: boolean) => Promise<T>,
): Promise<T> {
  if (!locks) return send(false);
  return locks.request(OUTBOX_SEND_LOCK, () => send(true));
}
