// A finished reply as a small signed file, for a colleague's online phone to deliver.
import { signRelayedReply } from "../../../shared/relay";
import { loadReplyForRelay } from "../../store/replyView";
import { openInAnotherApp } from "../library/openInAnotherApp";

export async function shareReplyForDelivery(replyId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const found = await loadReplyForRelay(replyId);
  if (found.kind === "not_on_phone") return { ok: false, message: "This reply is not on this phone." };
  if (found.kind === "no_relay_key")
    return {
      ok: false,
      message:
        "This invitation was opened with an older version of the app; open the invitation again while online to enable this.",
    };
  const { entry, relayKey } = found;
  const file = await signRelayedReply(entry.reply, relayKey);
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
  await openInAnotherApp(
    blob,
    `outrigger-reply-${entry.reply.invitationCode}-${entry.id.slice(-8)}.json`,
    "Outrigger reply to deliver",
  );
  return { ok: true };
}
