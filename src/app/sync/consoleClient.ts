// The organiser console's link to the server. The console is an online tool for the office's staff, so
// unlike the participant screens it reads from the server directly — but only through this module, which also words
// every refusal in the console's language (wordedConsoleError), so screens show `error.message` as they get it.
import type { ApiErrorBody } from "../../shared/api";
import { CSRF_HEADER } from "../../shared/console";
import { wordedConsoleError } from "../features/console/consoleErrors";

/** A failure carries `current` when the server sent the record as it now stands (409 changed_elsewhere). */
export type ConsoleResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; error: ApiErrorBody; current?: Record<string, unknown> };

let csrfToken: string | undefined;

/** Remembered from sign-in or "who am I", and sent with every change (CSRF protection). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export function consoleRequest<T>(
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

/** POSTs a file as the request body (a spreadsheet to import), with the given content type. */
export function consoleUpload<T>(path: string, file: Blob, type: string): Promise<ConsoleResult<T>> {
  return send<T>("POST", path, { type, data: file });
}

async function send<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body: { type: string; data: string | Blob } | undefined,
): Promise<ConsoleResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = body.type;
  if (method !== "GET" && csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/console${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body?.data,
    });
  } catch {
    return {
      ok: false,
      status: 0,
      error: await wordedConsoleError(
        { code: "offline", message: "The server cannot be reached. The organiser console needs a connection." },
        0,
      ),
    };
  }
  const parsed: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const failure = parsed as { error?: ApiErrorBody; current?: Record<string, unknown> } | undefined;
  const error = await wordedConsoleError(
    failure?.error ?? { code: "http_error", message: `The server answered ${response.status}.` },
    response.status,
  );
  return failure?.current
    ? { ok: false, status: response.status, error, current: failure.current }
    : { ok: false, status: response.status, error };
}
