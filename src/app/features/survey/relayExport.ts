// A finished reply as a small signed file, for a colleague's online phone to deliver.
import { signRelayedReply } from "../../../shared/relay";
import { db } from "../../store/db";
import { openInAnotherApp } from "../library/openInAnotherApp";

export async function shareReplyForDelivery(replyId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const entry = await db.outbox.get(replyId);
  if (!entry) return { ok: false, message: "This reply is not on this phone." };
  const joined = await db.campaigns.get(entry.reply.invitationCode);
  if (!joined?.relayKey) return { ok: false, message: "This invitation was opened with an older version of the app; open the invitation again while online to enable this." };
  const file = await signRelayedReply(entry.reply, joined.relayKey);
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
  await openInAnotherApp(blob, `outrigger-reply-${entry.reply.invitationCode}-${entry.id.slice(-8)}.json`, "Outrigger reply to deliver");
  return { ok: true };
}
