// One line per request, written when its response has gone out: method, route, status, bytes, duration, request id.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { HttpBindings } from "@hono/node-server";
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";

export interface RequestLogEntry {
  method: string;
  /** Without the query string (it may carry an invitation code). */
  path: string;
  /** The route that answered, e.g. /api/invitations/:code — never the code itself (see `routeForLog`). */
  route: string;
  /** The Range header the client sent, if any. */
  range?: string;
  status: number;
  /** Body bytes handed to the connection. */
  bytes?: number;
  /** False when the connection closed before the whole response was sent. */
  completed: boolean;
  durationMs: number;
  requestId: string;
}

/** Ids a proxy makes (Caddy's UUIDs, nginx's 32 hex digits); anything else is replaced, so a client cannot write free text into the log. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9-]{16,64}$/;

export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && WELL_FORMED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

const routesAnswered = new WeakMap<IncomingMessage, string>();
const requestIds = new WeakMap<IncomingMessage, string>();

/** This request's id, for log lines written while handling it (none for app.request without a Node server). */
export function requestIdOf(c: Context): string | undefined {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  return incoming ? requestIds.get(incoming) : undefined;
}

/**
 * The route pattern for the log. A request no parameterised route matched (the app shell, an unknown address) keeps
 * only its first segment: `/join/DEMO-TO1` is logged as `/join/*`. Built assets keep their names (they name no one).
 */
export function routeForLog(path: string, pattern: string | undefined): string {
  if (pattern !== undefined) return pattern;
  if (path.startsWith("/assets/")) return path;
  const [, first = ""] = path.split("/");
  return path.split("/").length > 2 ? `/${first}/*` : `/${first}`;
}

/**
 * Hono middleware: tells the Node-level log which route answered, and puts the request id on answers made
 * without a Node server (app.request in tests). Registered first, so it sees the final response.
 */
export function requestContext(): MiddlewareHandler {
  return async (c, next) => {
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    // Known from routing alone, and recorded before the handler runs: a streamed answer may end before it returns.
    if (incoming) {
      const pattern = matchedRoutes(c)
        .map((r) => r.path)
        .filter((p) => !p.endsWith("*"))
        .pop();
      routesAnswered.set(incoming, routeForLog(c.req.path, pattern));
    }
    await next();
    if (!incoming && c.res && !c.res.headers.has("X-Request-Id"))
      c.res.headers.set("X-Request-Id", requestIdFor(c.req.header("X-Request-Id")));
  };
}

/**
 * Gives every request an id (a well-formed incoming X-Request-Id, else a new UUID) on the request and the response,
 * and reports it after the response ends, counting the body bytes actually written to the socket.
 */
export function logRequests(
  server: Server,
  onRequest: (entry: RequestLogEntry) => void,
  onLogFailure: (error: unknown) => void,
): void {
  // Prepended so the id and the byte counter are in place before the app reads or writes anything.
  server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req.headers["x-request-id"]);
    requestIds.set(req, requestId);
    // writeHead() merges with this, so answers streamed straight to the socket (blobs, uploads) carry it too.
    res.setHeader("X-Request-Id", requestId);
    let bytes = 0;
    const count = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === "string")
        bytes += Buffer.byteLength(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      count(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== "function") count(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as ServerResponse["end"];
    res.once("close", () => {
      const range = req.headers.range;
      const length = res.getHeader("content-length");
      const declared = length === undefined ? undefined : Number(length);
      const path = (req.url ?? "/").split("?")[0];
      const entry: RequestLogEntry = {
        method: req.method ?? "GET",
        path,
        route: routesAnswered.get(req) ?? routeForLog(path, undefined),
        status: res.statusCode,
        bytes,
        // A client may hang up the moment it has Content-Length bytes, before end() ran: that still counts as complete.
        completed: res.writableFinished || (declared !== undefined && bytes >= declared),
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        requestId,
        ...(range !== undefined ? { range } : {}),
      };
      try {
        onRequest(entry);
      } catch (error) {
        onLogFailure(error);
      }
    });
  });
}
