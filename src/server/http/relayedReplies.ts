// POST /api/relayed-replies: reply files handed from phone to phone and delivered by any app that is online.
// Each file must carry a valid HMAC made with the relay key of the reply's own invitation; then it goes
// through exactly the intake of /api/replies, so a reply is stored once whichever way it arrives.
import { Hono } from "hono";
import type { ReplyResult } from "../../shared/api";
import { relayedReplyFile, verifyRelayedReply } from "../../shared/relay";
import type { Reply } from "../../shared/reply";
import type { AppDeps } from "./context";
import { limitedInvitationFinder, replyBatchHandlers } from "./replies";
import { idOf, rejected, takeReplies, type IntakeDeps } from "./replyIntake";
import { fieldIssuesFromZod } from "./zodIssues";

export const INVALID_SIGNATURE_MESSAGE =
  "This reply file was changed after it was signed, or was not made by the invited participant's app.";

/** The reply id of a file that may not be well formed, for its result. */
function fileReplyId(item: unknown): string {
  return item !== null && typeof item === "object" ? idOf((item as { reply?: unknown }).reply) : "";
}

export async function takeRelayedReplies(
  items: readonly unknown[],
  deps: AppDeps & Pick<IntakeDeps, "findInvitation">,
): Promise<ReplyResult[]> {
  const results: ReplyResult[] = new Array(items.length);
  const relayKeys = new Map<string, Promise<string | undefined>>();
  const relayKeyOf = (code: string) => {
    let found = relayKeys.get(code);
    if (!found) relayKeys.set(code, (found = deps.findInvitation(code).then((i) => i?.relayKey)));
    return found;
  };
  const verified: { index: number; reply: Reply }[] = [];
  for (const [index, item] of items.entries()) {
    const parsed = relayedReplyFile.safeParse(item);
    if (!parsed.success) {
      results[index] = rejected(
        fileReplyId(item),
        "invalid_reply",
        "This reply file is not in the expected form.",
        fieldIssuesFromZod(parsed.error.issues, item),
      );
      continue;
    }
    const { reply } = parsed.data;
    const relayKey = await relayKeyOf(reply.invitationCode);
    if (relayKey === undefined) {
      results[index] = rejected(reply.id, "unknown_invitation", "No invitation has the code this reply file names.");
      continue;
    }
    // Signed as it was made; the reply id is taken in lower case only after (see uuidV7).
    const asSigned = { ...parsed.data, reply: { ...reply, id: fileReplyId(item) } };
    if (!(await verifyRelayedReply(asSigned, relayKey))) {
      results[index] = rejected(reply.id, "invalid_signature", INVALID_SIGNATURE_MESSAGE);
      continue;
    }
    verified.push({ index, reply });
  }
  if (verified.length > 0) {
    const taken = await takeReplies(
      verified.map((v) => v.reply),
      deps,
    );
    verified.forEach((v, i) => (results[v.index] = taken[i]));
  }
  return results;
}

export function relayedReplyRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  routes.post(
    "/",
    ...replyBatchHandlers((items, c) =>
      takeRelayedReplies(items, { ...deps, findInvitation: limitedInvitationFinder(deps, c) }).then((results) =>
        deps.observeReplyBatch("relayed_replies", results),
      ),
    ),
  );
  return routes;
}
