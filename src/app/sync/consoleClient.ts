// The organiser console's link to the server. The console is an online tool for the office's staff, so
// unlike the participant screens it reads from the server directly — but only through this module.
import type { ApiErrorBody } from "../../shared/api";
import { CSRF_HEADER } from "../../shared/console";

export type ConsoleResult<T> =
  { ok: true; status: number; body: T } | { ok: false; status: number; error: ApiErrorBody };

let csrfToken: string | undefined;

/** Remembered from sign-in or "who am I", and sent with every change (CSRF protection). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export async function consoleRequest<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
): Promise<ConsoleResult<T>> {
  return send<T>(
    method,
    path,
    body === undefined ? undefined : { type: "application/json", data: JSON.stringify(body) },
  );
}

/** Sends a file as the whole body (e.g. an XLSForm .xlsx), with the same session, CSRF header and error shape. */
export async function consoleUpload<T>(path: string, file: Blob, contentType: string): Promise<ConsoleResult<T>> {
  return send<T>("POST", path, { type: contentType, data: file });
}

async function send<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body: { type: string; data: BodyInit } | undefined,
): Promise<ConsoleResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = body.type;
  if (method !== "GET" && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/console${path}`, { method, headers, credentials: "same-origin", body: body?.data });
  } catch {
    return {
      ok: false,
      status: 0,
      error: { code: "offline", message: "The server cannot be reached. The organiser console needs a connection." },
    };
  }
  const parsed: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const error = (parsed as { error?: ApiErrorBody } | undefined)?.error ?? {
    code: "http_error",
    message: `The server answered ${response.status}.`,
  };
  return { ok: false, status: response.status, error };
}
