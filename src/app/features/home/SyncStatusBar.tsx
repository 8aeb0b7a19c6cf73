// One plain sentence on connection and sending, always visible at the top.
import { Show } from "solid-js";
import { db } from "../../store/db";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { formatDateTime } from "../../ui/formatTime";

interface SyncStatusView {
  connection?: "unknown" | "online" | "offline";
  syncing?: boolean;
  lastContactAt?: string;
  nextAttemptAt?: string;
  lastProblem?: string;
}

export function SyncStatusBar() {
  const status = createLiveQuery(async () => (await db.meta.get("syncStatus"))?.value as SyncStatusView | undefined);
  const waiting = createLiveQuery(() => db.outbox.where("state").anyOf("waiting", "sending").count());
  const attention = createLiveQuery(() => db.outbox.where("state").equals("needs_attention").count());

  const sentence = () => {
    const s = status();
    const count = waiting() ?? 0;
    const replies = count === 1 ? "1 reply" : `${count} replies`;
    if (s?.syncing && count > 0) return `Sending ${replies}…`;
    if (s?.connection === "online") return count > 0 ? `Connected — ${replies} waiting to be sent.` : "Connected — everything is sent.";
    if (s?.connection === "offline") {
      const retry = s.nextAttemptAt ? ` Next try ${formatDateTime(s.nextAttemptAt)}.` : "";
      return count > 0 ? `Offline — ${replies} saved on this phone, will be sent when a connection is found.${retry}` : "Offline — you can keep working; everything is saved on this phone.";
    }
    return count > 0 ? `${replies} waiting to be sent.` : "Checking the connection…";
  };

  return (
    <div class="sync-status" classList={{ offline: status()?.connection === "offline" }} role="status" aria-live="polite" data-testid="sync-status">
      <span class="dot" aria-hidden="true" />
      <span>
        {sentence()}
        <Show when={(attention() ?? 0) > 0}>
          <strong class="attention"> {attention() === 1 ? "1 reply needs" : `${attention()} replies need`} your attention.</strong>
        </Show>
      </span>
    </div>
  );
}
