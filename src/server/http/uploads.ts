// /api/uploads: reply attachments sent from the phone with tus 1.0.0 (resumable uploads, https://tus.io/protocols/resumable-upload).
// POST creates an upload (its id is the phone's attachmentId), HEAD tells the offset, PATCH appends, OPTIONS lists the protocol.
// Every request but OPTIONS needs `Authorization: Invitation <CODE>`; HEAD and PATCH only from the invitation that created the upload.
// Refusals are tus-style, a 4xx status with a plain sentence as the text body, except those a participant can meet (type,
// size, count, content, whose reply, which invitation: codes of src/shared/attachmentRefusalCodes.ts, worded by the phone)
// and "not registered yet, try again" (503): JSON `{ error: { code, message } }` (the wire helpers are in uploadProtocol.ts).
// A finished upload is answered as complete only once it is registered (see ../attachments/uploadRegistration.ts).
import { resolve } from "node:path";
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { FileStore } from "@tus/file-store";
import { Server as TusServer, type ServerOptions } from "@tus/server";
import { Hono, type Context } from "hono";
import { cleanAttachmentFileName } from "../../shared/attachmentContent";
import {
  isAttachmentType,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_REPLY,
  UPLOADS_PATH,
  uploadMetadata,
} from "../../shared/attachments";
import { INVITATION_AUTH_SCHEME } from "../../shared/materials";
import { canonicalId, uuidV7 } from "../../shared/reply";
import {
  type AttachmentUpload,
  countAttachmentUploads,
  findAttachmentUpload,
  findReplyInvitationCode,
  insertAttachmentUpload,
} from "../db/attachments";
import { databaseEngine } from "../db/database";
import { findInvitation } from "../db/invitations";
import { createDatabaseUploadLocker } from "../db/uploadLocks";
import { isDiskFull } from "../db/storageErrors";
import { createUploadRegistrar, type RegistrationOutcome } from "../attachments/uploadRegistration";
import type { AppDeps } from "./context";
import { DISK_FULL_MESSAGE, DISK_FULL_STATUS } from "./errors";
import { lookUpWithinLimit, TOO_MANY_LOOKUPS_SENTENCE } from "./invitationLookup";
import {
  TUS_VERSION,
  refusal,
  isRefusal,
  jsonRefusal,
  NOT_REGISTERED,
  refuseJson,
  refuse,
  invitationCodeOfHeader,
  parseUploadMetadata,
  describeIssue,
} from "./uploadProtocol";

/** Said alike whether our hook or @tus/server (its maxSize) finds the file too large. */
const TOO_LARGE = jsonRefusal(
  413,
  "attachment_too_large",
  `This file is larger than the ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB limit for attachments.`,
);

export function defaultUploadDir(dataDir?: string): string {
  return resolve(dataDir ?? process.env.DATA_DIR ?? "data", "uploads");
}

type Upload = Parameters<NonNullable<ServerOptions["onUploadCreate"]>>[1];

export function uploadRoutes(deps: AppDeps, uploadDir: string): Hono {
  const { db, now, logger, metrics } = deps;
  // Made on the first upload request, so an app that never sees one never creates the folder.
  let made: { tus: TusServer; datastore: FileStore } | undefined;
  const tusServer = () => (made ??= makeTusServer());
  const registrar = createUploadRegistrar({
    db,
    now,
    uploadDir,
    removeUpload: (id) => tusServer().datastore.remove(id),
  });
  /** Registers a finished upload; a database failure becomes "try again" rather than a lost file. */
  const tryRegister = async (upload: AttachmentUpload): Promise<RegistrationOutcome | "failed"> => {
    try {
      return await registrar.register(upload);
    } catch (error) {
      logger.error(
        { event: "upload_registration_failed", uploadId: upload.id, err: error },
        "A finished upload could not be registered (kept; registered on the next request or start).",
      );
      return "failed";
    }
  };
  const makeTusServer = () => {
    const datastore = new FileStore({ directory: uploadDir });
    const tus = new TusServer({
      path: UPLOADS_PATH,
      datastore,
      // On PostgreSQL several processes may serve one upload in turn (a phone's next PATCH can reach another one).
      locker: databaseEngine(db) === "postgres" ? createDatabaseUploadLocker(db) : undefined,
      relativeLocation: true,
      maxSize: MAX_ATTACHMENT_BYTES,
      // Only the PWA itself (same origin) uploads: no CORS headers for other sites.
      allowedOrigins: () => false,
      disableTerminationForFinishedUploads: true,
      // The upload id is the attachment id made on the phone: creating it again after a lost answer finds the same upload.
      namingFunction: (_req, metadata) => {
        const id = metadata?.attachmentId ?? "";
        if (!uuidV7.safeParse(id).success)
          throw refusal(400, "The upload metadata needs attachmentId, a UUID version 7 made on the phone.");
        return id.toLowerCase();
      },
      onUploadCreate: async (req, upload) => {
        const code = invitationCodeOfHeader(req.headers.get("authorization"));
        if (code === undefined || (await findInvitation(db, code)) === undefined)
          throw jsonRefusal(
            401,
            "unknown_invitation",
            'Send your invitation code as "Authorization: Invitation <code>".',
          );
        if (upload.sizeIsDeferred || upload.size === undefined)
          throw refusal(400, "Send Upload-Length: the size of the file must be known when its upload starts.");
        const parsed = uploadMetadata.safeParse(upload.metadata ?? {});
        if (!parsed.success) {
          const filetype = upload.metadata?.filetype;
          if (typeof filetype === "string" && filetype !== "" && !isAttachmentType(filetype))
            throw jsonRefusal(
              415,
              "attachment_type_refused",
              `Files of type ${filetype} cannot be attached: send a PDF, JPEG, PNG, WebP, Word (.docx), PowerPoint (.pptx) or plain text file.`,
            );
          throw refusal(400, `The upload metadata is missing or invalid: ${describeIssue(parsed.error)}.`);
        }
        const meta = parsed.data;
        if (upload.size > MAX_ATTACHMENT_BYTES) throw TOO_LARGE;
        const owner = await findReplyInvitationCode(db, meta.replyId);
        if (owner === undefined)
          throw jsonRefusal(
            404,
            "reply_not_received",
            "No reply has this replyId: send the reply first, then its attachments.",
          );
        if (owner !== code) throw jsonRefusal(403, "reply_not_yours", "This reply was not sent with your invitation.");
        if ((await countAttachmentUploads(db, meta.replyId, upload.id)) >= MAX_ATTACHMENTS_PER_REPLY)
          throw jsonRefusal(
            422,
            "too_many_attachments",
            `A reply can have at most ${MAX_ATTACHMENTS_PER_REPLY} attachments.`,
          );
        await insertAttachmentUpload(
          db,
          {
            id: upload.id,
            replyId: meta.replyId,
            invitationCode: code,
            fileName: cleanAttachmentFileName(meta.filename, meta.filetype),
            contentType: meta.filetype,
            size: upload.size,
          },
          now(),
        );
        return {};
      },
      onUploadFinish: async (_req, upload: Upload) => {
        const begun = await findAttachmentUpload(db, upload.id).catch(() => undefined);
        if (!begun) throw jsonRefusal(503, NOT_REGISTERED.code, NOT_REGISTERED.message);
        const outcome = await tryRegister(begun);
        // Never answer "complete" for a file that is not listed: the phone would drop its copy.
        if (outcome === "failed" || outcome.state === "missing" || outcome.state === "unfinished")
          throw jsonRefusal(503, NOT_REGISTERED.code, NOT_REGISTERED.message);
        if (outcome.state === "refused") throw jsonRefusal(422, outcome.code, outcome.message);
        return {};
      },
      onResponseError: (_req, err) => {
        if (isRefusal(err) && err.status_code === 413) return TOO_LARGE;
        if (isRefusal(err) && (err.status_code < 500 || err.body.includes(NOT_REGISTERED.code))) return undefined;
        // tus clients retry a 5xx later; the phone keeps the file meanwhile.
        if (isDiskFull(err)) return refusal(DISK_FULL_STATUS, DISK_FULL_MESSAGE);
        logger.error({ event: "upload_failed", err }, "An attachment upload failed.");
        return undefined;
      },
    });
    return { tus, datastore };
  };

  /** Hands the request to @tus/server: straight on the Node socket under @hono/node-server, as a web Request otherwise (app.request in tests). */
  const delegate = async (c: Context): Promise<Response> => {
    const env = c.env as Partial<HttpBindings> | undefined;
    // HEAD goes the web way: Hono rebuilds HEAD responses, which would defeat RESPONSE_ALREADY_SENT (and it has no body to stream).
    if (c.req.method !== "HEAD" && env?.incoming && env.outgoing && "req" in env.outgoing) {
      await tusServer().tus.handle(env.incoming, env.outgoing);
      return RESPONSE_ALREADY_SENT;
    }
    return tusServer().tus.handleWeb(c.req.raw);
  };

  const routes = new Hono();
  // Every refusal counts as a failed upload, by status, whether this route or @tus/server answered it.
  routes.all("*", async (c) => {
    const res = await answerUpload(c);
    const status =
      res === RESPONSE_ALREADY_SENT ? (c.env as Partial<HttpBindings> | undefined)?.outgoing?.statusCode : res.status;
    if (status !== undefined && status >= 400) metrics.uploadFailed(String(status));
    return res;
  });
  return routes;

  async function answerUpload(c: Context): Promise<Response> {
    const method = c.req.method;
    if (method === "OPTIONS") return delegate(c);
    if (method !== "POST" && method !== "HEAD" && method !== "PATCH")
      return refuse(405, "Uploads take POST, HEAD, PATCH and OPTIONS only.", { Allow: "POST, HEAD, PATCH, OPTIONS" });
    const code = invitationCodeOfHeader(c.req.header("Authorization"));
    if (code === undefined)
      return refuse(
        401,
        `Attachments are sent with your invitation: send it as "Authorization: ${INVITATION_AUTH_SCHEME} <code>".`,
      );
    const lookup = await lookUpWithinLimit(deps, c, () => findInvitation(db, code));
    if (lookup.limited)
      return refuse(429, TOO_MANY_LOOKUPS_SENTENCE, { "Retry-After": String(lookup.retryAfterSeconds) });
    if (lookup.found === undefined)
      return refuseJson(
        401,
        "unknown_invitation",
        "No invitation has this code. Please check it against your invitation message.",
      );

    const rest = c.req.path.slice(UPLOADS_PATH.length).replace(/^\/+|\/+$/g, "");
    if (method === "POST") {
      if (rest !== "") return refuse(405, `Create uploads with POST ${UPLOADS_PATH}.`);
      const metadata = parseUploadMetadata(c.req.header("Upload-Metadata"));
      if (metadata === undefined)
        return refuse(400, "The Upload-Metadata header is not valid tus metadata (key base64, …).");
      const id = metadata.attachmentId?.toLowerCase();
      if (id !== undefined && uuidV7.safeParse(id).success) {
        const begun = await findAttachmentUpload(db, id);
        if (begun && begun.invitationCode !== code)
          return refuse(403, "This attachment id belongs to another invitation's upload.");
        if (begun) {
          // Created before (its answer may have been lost): the same upload, never truncated. The phone resumes it with HEAD.
          const stored = await tusServer()
            .datastore.getUpload(id)
            .catch(() => undefined);
          if (stored) {
            if (
              canonicalId(metadata.replyId ?? "") !== begun.replyId ||
              Number(c.req.header("Upload-Length")) !== begun.size
            )
              return refuse(400, "An upload with this attachment id exists for another reply or size.");
            return new Response(null, {
              status: 201,
              headers: {
                "Tus-Resumable": TUS_VERSION,
                Location: `${UPLOADS_PATH}/${id}`,
                "Upload-Offset": String(stored.offset),
                "Cache-Control": "no-store",
              },
            });
          }
        }
      }
      return delegate(c);
    }
    if (!uuidV7.safeParse(rest).success) return refuse(404, "No upload has this id.");
    const begun = await findAttachmentUpload(db, rest.toLowerCase());
    if (!begun) return refuse(404, "No upload has this id.");
    if (begun.invitationCode !== code) return refuse(403, "This upload was started with another invitation.");
    // A finished file not yet registered (a failed write, a restart) is registered now, before tus answers "complete".
    const outcome = await tryRegister(begun);
    if (outcome === "failed")
      return refuseJson(503, NOT_REGISTERED.code, NOT_REGISTERED.message, { "Retry-After": "5" });
    if (outcome.state === "refused") return refuseJson(422, outcome.code, outcome.message);
    return delegate(c);
  }
}
