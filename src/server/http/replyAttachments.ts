// GET /api/replies/:replyId/attachments with `Authorization: Invitation <CODE>`: the attachments the server holds for a reply
// sent with that invitation. The phone removes its copy of a file only once it is listed here.
import { Hono } from "hono";
import type { ReplyAttachmentList } from "../../shared/attachments";
import { INVITATION_AUTH_SCHEME } from "../../shared/materials";
import { findReplyInvitationCode, listReplyAttachments } from "../db/attachments";
import { findInvitation } from "../db/invitations";
import type { AppDeps } from "./context";
import { ApiProblem } from "./errors";
import { invitationCodeOfHeader } from "./uploadProtocol";

const REPLY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function replyAttachmentRoutes({ db }: AppDeps): Hono {
  const routes = new Hono();
  routes.get("/:replyId/attachments", async (c) => {
    const code = invitationCodeOfHeader(c.req.header("Authorization"));
    if (code === undefined)
      throw new ApiProblem(
        401,
        "invitation_required",
        `Send your invitation code as "Authorization: ${INVITATION_AUTH_SCHEME} <code>".`,
      );
    if ((await findInvitation(db, code)) === undefined)
      throw new ApiProblem(
        401,
        "unknown_invitation",
        "No invitation has this code. Please check it against your invitation message.",
      );
    const replyId = c.req.param("replyId");
    if (!REPLY_ID.test(replyId)) throw new ApiProblem(400, "invalid_reply_id", "This is not a reply id.");
    const owner = await findReplyInvitationCode(db, replyId);
    if (owner === undefined) throw new ApiProblem(404, "unknown_reply", "No reply has this id: send the reply first.");
    if (owner !== code) throw new ApiProblem(403, "forbidden", "This reply was not sent with your invitation.");
    const body: ReplyAttachmentList = {
      attachments: (await listReplyAttachments(db, replyId)).map((a) => ({
        id: a.id,
        fileName: a.fileName,
        size: a.size,
        sha256: a.sha256,
        receivedAt: a.receivedAt,
      })),
    };
    c.header("Cache-Control", "no-store");
    return c.json(body);
  });
  return routes;
}
