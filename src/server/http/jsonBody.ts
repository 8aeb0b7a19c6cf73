// The one way a route reads a JSON body: JSON content type (415), a size checked while reading (413),
// valid JSON (400 malformed_json), no NUL character, then its zod schema (400); the handler reads c.req.valid("json").
import type { Context, Env, MiddlewareHandler } from "hono";
import type * as z from "zod/mini";
import { MAX_CONSOLE_BODY_BYTES, MAX_JSON_BODY_BYTES, type FieldIssue } from "../../shared/api";
import { nulCharacterIssue } from "../../shared/text";
import { ApiProblem } from "./errors";
import { fieldIssuesFromZod } from "./zodIssues";

export interface JsonBodyOptions {
  /** Default MAX_CONSOLE_BODY_BYTES. */
  maxBytes?: number;
  /** The sentence of the 413 answer. */
  tooLargeMessage?: string;
  /** The problem for a body that parses as JSON but fails the schema (default 400 invalid_request). */
  invalid?: (details: FieldIssue[]) => ApiProblem;
  /**
   * Refuse a NUL character anywhere in the body as a 400 (default true: PostgreSQL cannot store one).
   * Reply batches say false: each reply is judged on its own by the reply schema, which refuses it.
   */
  refuseNulCharacters?: boolean;
}

function isJsonContentType(header: string | undefined): boolean {
  return (header ?? "").split(";")[0].trim().toLowerCase() === "application/json";
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/** Bodies already read into memory by limitBody(), so a second limit (the route's) and the JSON parser do not read them again. */
const bufferedBodies = new WeakMap<Request, Buffer>();

/** True for @hono/node-server's request over real HTTP: there Node's parser ends a body at its Content-Length. */
function servedByNode(c: Context): boolean {
  return typeof c.env === "object" && c.env !== null && "incoming" in c.env;
}

/** Reads the web stream chunk by chunk, giving up once it passes `maxBytes`; undefined when it did. */
async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    // Not cancelled: the rest of the body is left unread, as Hono's bodyLimit does, and the 413 still reaches the client.
    if (size > maxBytes) return undefined;
    chunks.push(value);
  }
}

/**
 * Stops reading a request body once it passes `maxBytes`, so an oversized body is never held in memory whole:
 * 413 payload_too_large. A declared Content-Length over the limit is refused before a byte is read; below it the
 * bytes are counted all the same (Hono's bodyLimit believes the header, and an in-process app.request() can state any).
 * The bytes read are kept in Hono's body cache, so c.req.json()/text()/arrayBuffer() still work after it.
 *
 * @example app.use("*", limitBody(MAX_JSON_BODY_BYTES));
 */
export function limitBody<E extends Env = Env>(
  maxBytes: number = MAX_JSON_BODY_BYTES,
  message?: string,
): MiddlewareHandler<E> {
  const tooLarge = () =>
    new ApiProblem(413, "payload_too_large", message ?? `The request is larger than ${megabytes(maxBytes)}.`);
  return async function limitBody(c, next) {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    const buffered = bufferedBodies.get(c.req.raw);
    if (buffered) {
      if (buffered.byteLength > maxBytes) throw tooLarge();
      return next();
    }
    const declared = parseInt(c.req.header("content-length") ?? "", 10);
    if (declared > maxBytes) throw tooLarge();
    let bytes: Buffer | undefined;
    if (servedByNode(c) && declared >= 0) {
      // Read straight from Node's request (no web stream, no second Request object): it cannot pass its declared length.
      bytes = Buffer.from(await c.req.raw.arrayBuffer());
    } else {
      const body = c.req.raw.body;
      if (!body) return next();
      bytes = await readAtMost(body, maxBytes);
    }
    if (!bytes || bytes.byteLength > maxBytes) throw tooLarge();
    const exact = bytes;
    // Hono keeps promises of the body here (its type says methods): c.req.text() and json() are answered from it.
    (c.req.bodyCache as Record<string, Promise<unknown>>).arrayBuffer = Promise.resolve(
      exact.buffer.slice(exact.byteOffset, exact.byteOffset + exact.byteLength),
    );
    bufferedBodies.set(c.req.raw, exact);
    await next();
  };
}

const invalidRequest = (details: FieldIssue[]) =>
  new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", details);

/**
 * Reads and checks a JSON request body; the handler gets the schema's output from c.req.valid("json").
 * Requiring the JSON content type also keeps out cross-site HTML form posts, which cannot send it.
 *
 * @example routes.post("/", requireOrganiser(), jsonBody(newWorkshop), (c) => add(c.req.valid("json")));
 */
export function jsonBody<S extends z.ZodMiniType, E extends Env = Env, P extends string = string>(
  schema: S,
  options: JsonBodyOptions = {},
): MiddlewareHandler<E, P, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  const maxBytes = options.maxBytes ?? MAX_CONSOLE_BODY_BYTES;
  const invalid = options.invalid ?? invalidRequest;
  const refuseNul = options.refuseNulCharacters ?? true;
  const limit = limitBody<E>(maxBytes, options.tooLargeMessage);
  const check = (value: unknown): z.output<S> => {
    const nul = refuseNul ? nulCharacterIssue(value) : undefined;
    if (nul) throw invalid([nul]);
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw invalid(fieldIssuesFromZod(parsed.error.issues, value));
    return parsed.data as z.output<S>;
  };
  return async function jsonBody(c, next) {
    if (!isJsonContentType(c.req.header("content-type"))) {
      throw new ApiProblem(
        415,
        "unsupported_media_type",
        "The request must be sent as JSON (Content-Type: application/json).",
      );
    }
    await limit(c, async () => {
      let value: unknown;
      try {
        const bytes = bufferedBodies.get(c.req.raw);
        // Parsed straight from the bytes limitBody() kept (a leading BOM dropped, as Request.json() does).
        value = bytes
          ? JSON.parse(bytes.toString("utf8", bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0))
          : await c.req.json();
      } catch {
        throw new ApiProblem(400, "malformed_json", "The request body is not valid JSON.");
      }
      // What Hono's own validator() does with its result: handlers read it back with c.req.valid("json").
      c.req.addValidatedData("json", check(value) as object);
      await next();
    });
  };
}
