// GET /api/console/replies/:replyId/attachments (any role): a reply's finished attachments;
// GET /api/console/attachments/:id/download (any role): the file, as an attachment, streamed from the uploads folder.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { Hono } from "hono";
import { cleanAttachmentFileName } from "../../../shared/attachmentContent";
import { isAttachmentType, type ConsoleAttachment, type ConsoleAttachmentList } from "../../../shared/attachments";
import { canonicalId, uuidV7 } from "../../../shared/reply";
import { requireSession, type ConsoleEnv } from "../../auth/middleware";
import {
  findAttachment,
  listCampaignAttachments,
  listReplyAttachments,
  type StoredAttachment,
} from "../../db/attachments";
import { ApiProblem } from "../errors";

const REPLY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** RFC 6266 / 8187: an ASCII fallback and the UTF-8 name, cleaned again for files stored before names were cleaned. */
export function contentDispositionAttachment(storedName: string, contentType: string): string {
  const fileName = isAttachmentType(contentType)
    ? cleanAttachmentFileName(storedName, contentType)
    : storedName.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff/\\]/g, "_");
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A finished attachment as the console lists it, with where to download it. */
export function consoleAttachmentOf(a: StoredAttachment): ConsoleAttachment {
  return {
    id: a.id,
    replyId: a.replyId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    receivedAt: a.receivedAt,
    downloadUrl: `/api/console/attachments/${a.id}/download`,
  };
}

export function attachmentRoutes({ uploadDir }: { uploadDir: string }): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/replies/:replyId/attachments", requireSession(), async (c) => {
    const replyId = canonicalId(c.req.param("replyId"));
    if (!REPLY_ID.test(replyId)) throw new ApiProblem(400, "invalid_reply_id", "This is not a reply id.");
    const rows = await listReplyAttachments(c.var.deps.db, replyId);
    const body: ConsoleAttachmentList = {
      attachments: rows.map(consoleAttachmentOf),
    };
    return c.json(body);
  });

  routes.get("/campaigns/:id/attachments", requireSession(), async (c) => {
    const campaignId = c.req.param("id");
    if (!REPLY_ID.test(campaignId)) throw new ApiProblem(400, "invalid_campaign_id", "This is not a campaign id.");
    const rows = await listCampaignAttachments(c.var.deps.db, campaignId);
    return c.json({
      // The name after replyId, where the list has always had it.
      attachments: rows.map((a) => {
        const { id, replyId, ...rest } = consoleAttachmentOf(a);
        return { id, replyId, participantName: a.participantName, ...rest };
      }),
    });
  });

  routes.get("/attachments/:id/download", requireSession(), async (c) => {
    const id = c.req.param("id");
    if (!uuidV7.safeParse(id).success)
      throw new ApiProblem(400, "invalid_attachment_id", "This is not an attachment id.");
    const attachment = await findAttachment(c.var.deps.db, id.toLowerCase());
    if (!attachment) throw new ApiProblem(404, "attachment_not_found", "No attachment has this id.");
    const root = resolve(uploadDir);
    const path = resolve(root, attachment.storedPath);
    if (!path.startsWith(root + sep))
      throw new ApiProblem(404, "attachment_missing", "This attachment is listed but not stored on the server.");
    const size = await stat(path).then(
      (s) => s.size,
      () => undefined,
    );
    if (size === undefined)
      throw new ApiProblem(404, "attachment_missing", "This attachment is listed but not stored on the server.");
    const headers: Record<string, string> = {
      "Content-Type": attachment.contentType,
      "Content-Length": String(size),
      "Content-Disposition": contentDispositionAttachment(attachment.fileName, attachment.contentType),
      "X-Content-Type-Options": "nosniff",
      // Opened straight from this address, a participant's file must not run script on our origin.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "no-store",
    };
    if (c.req.method === "HEAD" || size === 0) return new Response(null, { status: 200, headers });
    const file = createReadStream(path);
    const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
    if (outgoing && "req" in outgoing) {
      const res = outgoing as ServerResponse;
      res.writeHead(200, headers);
      await pipeline(file, res).catch(() => undefined);
      return RESPONSE_ALREADY_SENT;
    }
    return new Response(Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>, { status: 200, headers });
  });

  return routes;
}
