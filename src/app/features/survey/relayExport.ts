// A finished reply as a small signed file, for a colleague's online phone to deliver.
import { signRelayedReply } from "../../../shared/relay";
import { loadReplyForRelay, type ReplyForRelay } from "../../store/replyView";
import { openInAnotherApp } from "../library/openInAnotherApp";

/** Why a reply cannot be given to a colleague: the lookup's refusals, each with the sentence shown when a screen has none. */
export const RELAY_EXPORT_REFUSALS = {
  not_on_phone: "This reply is not on this phone.",
  no_relay_key:
    "This invitation was opened with an older version of the app; open the invitation again while online to enable this.",
} as const satisfies Record<Exclude<ReplyForRelay["kind"], "ready">, string>;

export type RelayExportRefusal = { ok: false; reason: keyof typeof RELAY_EXPORT_REFUSALS; message: string };

export async function shareReplyForDelivery(replyId: string): Promise<{ ok: true } | RelayExportRefusal> {
  const found = await loadReplyForRelay(replyId);
  if (found.kind !== "ready") return { ok: false, reason: found.kind, message: RELAY_EXPORT_REFUSALS[found.kind] };
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
