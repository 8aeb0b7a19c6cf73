// Reply files colleagues handed over, kept until this phone delivers them (the sending itself is in sync/relayDelivery.ts).
import type { RelayedReplyFile } from "../../shared/relay";
import { db, type OutriggerDb, type RelayedReply } from "./db";

/** Newest first: reply ids are UUID v7, so their order is the order the replies were made. */
export function listRelayedReplies(database: OutriggerDb = db): Promise<RelayedReply[]> {
  return database.relayedReplies.orderBy("id").reverse().toArray();
}

export function countRelayedRepliesToDeliver(database: OutriggerDb = db): Promise<number> {
  return database.relayedReplies.where("state").anyOf("waiting", "sending").count();
}

/** The same file handed over twice is one entry: the reply's own id is the key. */
export async function addRelayedReply(
  file: RelayedReplyFile,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<"added" | "already_added"> {
  return database.transaction("rw", database.relayedReplies, async () => {
    const id = file.reply.id;
    if (await database.relayedReplies.get(id)) return "already_added";
    await database.relayedReplies.add({ id, file, state: "waiting", addedAt: now.toISOString() });
    return "added";
  });
}
