// A Content-Length smaller than the body it comes with does not let the body past its route's limit.
import { describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES, MAX_CONSOLE_BODY_BYTES } from "../../src/shared/api";
import { createApp } from "../../src/server/http/app";
import { errorOf } from "./support/requests";

/** Valid JSON of `bytes` bytes: one long string in the given envelope. */
function jsonOfSize(bytes: number, wrap: (text: string) => unknown): string {
  const empty = JSON.stringify(wrap("")).length;
  return JSON.stringify(wrap("a".repeat(bytes - empty)));
}

describe("a body whose Content-Length understates it", () => {
  // No database: every request here must be refused before a route reaches one.
  const app = createApp({ db: undefined as never, staticDir: "/nonexistent-outrigger-dist", mailer: null });
  const understated = (path: string, body: string) =>
    app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": "20" },
      body,
    });

  it("a reply batch one byte over its limit is refused with 413 payload_too_large", async () => {
    const body = jsonOfSize(MAX_BATCH_BYTES + 1, (text) => ({ replies: [{ id: text }] }));
    const res = await understated("/api/replies", body);
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({
      code: "payload_too_large",
      message: `The batch is larger than ${MAX_BATCH_BYTES / 1024} KB. Send fewer replies at a time, or shorten very long answers.`,
    });
  });

  it("a console sign-in one byte over the console limit is refused with 413 payload_too_large", async () => {
    const body = jsonOfSize(MAX_CONSOLE_BODY_BYTES + 1, (text) => ({ email: "a@example.org", password: text }));
    const res = await understated("/api/console/session", body);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("payload_too_large");
  });
});
