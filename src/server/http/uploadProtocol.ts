// The tus 1.0.0 wire as /api/uploads speaks it: refusals (plain sentences, or JSON for a finished file's content),
// the invitation in `Authorization` and the Upload-Metadata header. The routes and the tus server are in uploads.ts.
import { INVITATION_AUTH_SCHEME } from "../../shared/materials";
import { invitationCode } from "../../shared/reply";
import type { ApiError } from "../../shared/api";
import type { AttachmentRefusalCode } from "../../shared/attachmentRefusalCodes";
import { normaliseInvitationCode } from "./invitations";

export const TUS_VERSION = "1.0.0";

/** What a tus hook throws to refuse: @tus/server answers with this status and body. */
export interface TusRefusal {
  status_code: number;
  body: string;
}

export function refusal(status: number, sentence: string): TusRefusal {
  return { status_code: status, body: `${sentence}\n` };
}

export function isRefusal(value: unknown): value is TusRefusal {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as TusRefusal).status_code === "number" &&
    typeof (value as TusRefusal).body === "string"
  );
}

export const NOT_REGISTERED = {
  code: "attachment_not_registered",
  message: "Your file arrived but could not be recorded yet. It will be sent again; please keep it on your phone.",
} as const;

/** A refusal for good (src/shared/attachmentRefusalCodes.ts), or "not registered yet" to try again. */
type UploadErrorCode = AttachmentRefusalCode | typeof NOT_REGISTERED.code;

/**
 * The error envelope of an upload refusal. Its codes are the uploads' own (only the phone's uploader reads them, never
 * the console), so they are not among the API_ERROR_CODES that errorBody() takes.
 */
const uploadErrorBody = (code: UploadErrorCode, message: string): ApiError => ({ error: { code, message } });

/** A refusal as JSON, thrown from a tus hook (the body is written as is). */
export function jsonRefusal(status: number, code: UploadErrorCode, message: string): TusRefusal {
  return { status_code: status, body: JSON.stringify(uploadErrorBody(code, message)) };
}

/** A JSON refusal sent before the request reaches @tus/server. */
export function refuseJson(
  status: number,
  code: UploadErrorCode,
  message: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(uploadErrorBody(code, message)), {
    status,
    headers: {
      "Tus-Resumable": TUS_VERSION,
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      ...extra,
    },
  });
}

/** A refusal sent before the request reaches @tus/server, shaped like its own. */
export function refuse(status: number, sentence: string, extra: Record<string, string> = {}): Response {
  return new Response(`${sentence}\n`, {
    status,
    headers: {
      "Tus-Resumable": TUS_VERSION,
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...extra,
    },
  });
}

/** The invitation code of `Authorization: Invitation <CODE>`, normalised; undefined when absent or malformed. */
export function invitationCodeOfHeader(header: string | null | undefined): string | undefined {
  if (header === null || header === undefined) return undefined;
  const match = new RegExp(`^\\s*${INVITATION_AUTH_SCHEME}\\s+(\\S+)\\s*$`, "i").exec(header);
  if (!match) return undefined;
  const code = normaliseInvitationCode(match[1]);
  return invitationCode.safeParse(code).success ? code : undefined;
}

/** tus Upload-Metadata: `key base64,key base64,key` → decoded values (undefined when malformed). */
export function parseUploadMetadata(header: string | null | undefined): Record<string, string> | undefined {
  if (header === null || header === undefined || header.trim() === "") return {};
  const out: Record<string, string> = {};
  for (const pair of header.split(",")) {
    const [key, value, ...rest] = pair.trim().split(/\s+/);
    if (!key || rest.length > 0 || !/^[A-Za-z0-9_.-]+$/.test(key)) return undefined;
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
    out[key] = value === undefined ? "" : Buffer.from(value, "base64").toString("utf8");
  }
  return out;
}

export function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  const key = issue?.path.map(String).join(".") || "metadata";
  return `${key} ${issue?.message ?? "is invalid"}`;
}
