// Every API failure is JSON { error: { code, message, details? } } with a plain message; never HTML or a stack.
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { HTTPException } from "hono/http-exception";
import type { ApiError, FieldIssue } from "../../shared/api";
import type { ApiErrorCode } from "../../shared/apiErrorCodes";
import { isDiskFull } from "../db/storageErrors";
import type { Logger } from "../observability/logger";
import { requestIdOf } from "../observability/requestLog";

/** What a full disk answers, from any route: a temporary failure, so phones keep what they sent and try later. */
export const DISK_FULL_STATUS = 507;
export const DISK_FULL_CODE: ApiErrorCode = "insufficient_storage";
export const DISK_FULL_MESSAGE =
  "The server's disk is full, so nothing could be saved. Nothing is lost on your side: please try again later.";

/** Thrown by a route to answer with a specific API error. */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

export function errorBody(code: ApiErrorCode, message: string, details?: FieldIssue[]): ApiError {
  return { error: details && details.length > 0 ? { code, message, details } : { code, message } };
}

export function jsonError(
  c: Context,
  status: ContentfulStatusCode,
  code: ApiErrorCode,
  message: string,
  details?: FieldIssue[],
): Response {
  return c.json(errorBody(code, message, details), status);
}

const MESSAGES_BY_STATUS: Partial<Record<number, [ApiErrorCode, string]>> = {
  400: ["bad_request", "The request could not be understood."],
  404: ["not_found", "There is nothing at this address."],
  405: ["method_not_allowed", "This address does not accept that kind of request."],
  413: ["payload_too_large", "The request is too large."],
  415: ["unsupported_media_type", "The request must be sent as JSON."],
};

export function registerErrorHandlers(app: Hono, logger: Logger): void {
  app.onError((err, c) => {
    if (err instanceof ApiProblem) return jsonError(c, err.status, err.code, err.message, err.details);
    if (err instanceof HTTPException && err.status < 500) {
      const [code, message] = MESSAGES_BY_STATUS[err.status] ?? ["bad_request", "The request could not be handled."];
      return jsonError(c, err.status as ContentfulStatusCode, code, message);
    }
    if (isDiskFull(err)) {
      logger.error({ event: "disk_full", ...requestOf(c), err }, "The disk is full: nothing could be saved.");
      return jsonError(c, DISK_FULL_STATUS, DISK_FULL_CODE, DISK_FULL_MESSAGE);
    }
    logger.error({ event: "unexpected_error", ...requestOf(c), err }, "A request failed unexpectedly.");
    return jsonError(c, 500, "internal_error", "Something went wrong on the server. Please try again later.");
  });
  app.notFound((c) => {
    if (c.req.path === "/api" || c.req.path.startsWith("/api/"))
      return jsonError(c, 404, "not_found", "There is nothing at this address.");
    return c.text("Not found", 404);
  });
}

/** What identifies a failed request in the log: its id and method, not its path (which may hold a code) or query. */
function requestOf(c: Context): { requestId?: string; method: string } {
  const requestId = requestIdOf(c);
  return { method: c.req.method, ...(requestId !== undefined ? { requestId } : {}) };
}
