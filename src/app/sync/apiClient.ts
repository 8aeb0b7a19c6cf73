// The only door to the network: our server's JSON API, with a timeout and errors turned into values.
import { apiError, type ApiErrorBody } from "../../shared/api";
import { resolveNetwork, type Network } from "./network";

export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | {
      ok: false;
      kind: "network" | "timeout" | "http";
      status?: number;
      error?: ApiErrorBody;
      /** How long the server asked us to wait (its `Retry-After`, 429 and 503), in ms. */
      retryAfterMs?: number;
    };

/** Parses a success body; return undefined when it is not what our server sends (e.g. a captive portal's page). */
export type BodyParser<T> = (body: unknown) => T | undefined;

/** The client reaches the network and times its requests through the platform; nothing else of it. */
export type ApiClientOptions = Partial<Network> & { timeoutMs?: number };

/** A server's wish to be left alone is honoured up to an hour: a wrong header must not stall sending for days. */
export const LONGEST_RETRY_AFTER_MS = 60 * 60_000;

/** `Retry-After` as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterOf(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const trimmed = header.trim();
  // An HTTP date names its day and month in letters; anything else that is not whole seconds is no wish at all.
  const at = /^\d+$/.test(trimmed)
    ? now.getTime() + Number(trimmed) * 1000
    : /[A-Za-z]/.test(trimmed)
      ? Date.parse(trimmed)
      : NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.min(LONGEST_RETRY_AFTER_MS, Math.max(0, at - now.getTime()));
}

export interface ApiClient {
  /** `headers` adds to the JSON Accept header, e.g. an Authorization or If-None-Match. */
  get<T>(path: string, parse: BodyParser<T>, headers?: Record<string, string>): Promise<ApiResult<T>>;
  postJson<T>(path: string, body: unknown, parse: BodyParser<T>): Promise<ApiResult<T>>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const platform = resolveNetwork(options);
  const { fetch: doFetch, clock } = platform;
  const baseUrl = platform.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  async function request<T>(path: string, init: RequestInit, parse: BodyParser<T>): Promise<ApiResult<T>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = clock.setTimer(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      // The timeout covers reading the body too: a link can stall mid-response.
      const response = await doFetch(`${baseUrl}${path}`, {
        ...init,
        signal: controller.signal,
        headers: { Accept: "application/json", ...init.headers },
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      if (response.ok) {
        const body = json === undefined ? undefined : parse(json);
        if (body === undefined) return { ok: false, kind: "http", status: response.status };
        return { ok: true, status: response.status, body };
      }
      const parsedError = apiError.safeParse(json);
      const retryAfterMs = retryAfterOf(response.headers.get("Retry-After"), clock.now());
      return {
        ok: false,
        kind: "http",
        status: response.status,
        ...(parsedError.success ? { error: parsedError.data.error } : {}),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    } catch {
      return { ok: false, kind: timedOut ? "timeout" : "network" };
    } finally {
      clock.clearTimer(timer);
    }
  }

  return {
    get: (path, parse, headers) => request(path, { method: "GET", headers }, parse),
    postJson: (path, body, parse) =>
      request(
        path,
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
        parse,
      ),
  };
}

/** Wraps a zod schema's safeParse as a body parser. */
export function parseWith<T>(schema: {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}): BodyParser<T> {
  return (body) => {
    const result = schema.safeParse(body);
    return result.success ? result.data : undefined;
  };
}
