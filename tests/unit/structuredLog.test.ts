// The log's own safety net (redaction) and its two formats.
import { describe, expect, it } from "vitest";
import { createLogger, logFormatFromEnv } from "../../src/server/observability/logger";

function capture(format: "json" | "pretty" = "json") {
  const lines: string[] = [];
  return {
    logger: createLogger({ format, level: "info", destination: { write: (line: string) => void lines.push(line) } }),
    lines,
  };
}

describe("structured log", () => {
  it("redacts personal data and secrets a context or an error carries, such as PostgreSQL's row detail", () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error("duplicate key value violates unique constraint"), {
      detail: "Key (email)=(ana@example.org) already exists.",
    });
    logger.error(
      {
        event: "x",
        err,
        email: "ana@example.org",
        password: "hunter2 hunter2",
        reply: { name: "Ana Vake", answers: { q: "secret" } },
        headers: { authorization: "Invitation DEMO-TO1" },
      },
      "failed",
    );
    expect(lines).toHaveLength(1);
    for (const secret of ["ana@example.org", "hunter2", "Ana Vake", "secret", "DEMO-TO1"])
      expect(lines[0]).not.toContain(secret);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: "error",
      event: "x",
      msg: "failed",
      err: { message: "duplicate key value violates unique constraint", stack: expect.stringContaining("Error") },
    });
  });

  it("LOG_FORMAT=pretty writes a short human line with the fields after the message", () => {
    const { logger, lines } = capture("pretty");
    logger.info({ event: "request", route: "/api/health", status: 200 }, "GET /api/health 200");
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d INFO GET \/api\/health 200 event=request route=\/api\/health status=200\n$/,
    );
  });

  it("logs JSON unless a person watches the terminal or LOG_FORMAT says otherwise", () => {
    expect(logFormatFromEnv({}, false)).toBe("json");
    expect(logFormatFromEnv({}, true)).toBe("pretty");
    expect(logFormatFromEnv({ LOG_FORMAT: "json" }, true)).toBe("json");
    expect(logFormatFromEnv({ LOG_FORMAT: "pretty" }, false)).toBe("pretty");
  });
});
