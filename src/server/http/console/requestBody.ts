// Console requests carry JSON: checked for type (415), size (413), syntax (400) and shape (400 invalid_request).
import type { Context } from "hono";
import type * as z from "zod/mini";
import { ApiProblem } from "../errors";
import { fieldIssuesFromZod } from "../zodIssues";

/** Above the CSV import's 1 MB text, with room for JSON escaping. */
export const MAX_CONSOLE_BODY_BYTES = 2 * 1024 * 1024;

export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
  // Requiring JSON also keeps out cross-site HTML form posts, which cannot send this content type.
  if (type !== "application/json") throw new ApiProblem(415, "unsupported_media_type", "The request must be sent as JSON (Content-Type: application/json).");
  const text = await c.req.text();
  if (Buffer.byteLength(text, "utf8") > MAX_CONSOLE_BODY_BYTES) throw new ApiProblem(413, "payload_too_large", `The request is larger than ${MAX_CONSOLE_BODY_BYTES / 1024 / 1024} MB.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiProblem(400, "malformed_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", fieldIssuesFromZod(parsed.error.issues, body));
  return parsed.data as z.infer<S>;
}
