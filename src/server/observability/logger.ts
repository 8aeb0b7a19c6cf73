// The server's structured log: pino, one JSON object per line on stdout (or a short human line with LOG_FORMAT=pretty).
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

export type LogFormat = "json" | "pretty";

/**
 * Defence in depth: call sites log only ids, codes and counts, but an error object or a context someone adds
 * later must not carry personal data or secrets out. pg errors put the offending row values in `detail`.
 */
export const REDACTED_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "email",
  "*.email",
  "name",
  "*.name",
  "answers",
  "*.answers",
  "invitationCode",
  "*.invitationCode",
  "code",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  "headers",
  "*.headers",
  "query",
  "*.query",
  "url",
  "err.detail",
  "err.parameters",
  "err.cause.detail",
];

export interface LoggerOptions {
  /** Where lines go (tests capture them); default stdout. */
  destination?: DestinationStream;
  format?: LogFormat;
  /** Default env LOG_LEVEL, else "info"; "silent" writes nothing. */
  level?: string;
}

/** pretty when LOG_FORMAT says so or, without it, when a person is watching stdout. */
export function logFormatFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  stdoutIsTty = process.stdout.isTTY === true,
): LogFormat {
  if (env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty") return env.LOG_FORMAT;
  return stdoutIsTty ? "pretty" : "json";
}

export function createLogger({
  destination,
  format = "json",
  level = process.env.LOG_LEVEL ?? "info",
}: LoggerOptions = {}): Logger {
  const out = destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level,
      base: { service: "outrigger" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than 30: readable without a lookup table.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    format === "pretty" ? humanLines(out) : out,
  );
}

/** A logger that writes nothing (quiet servers, tests that do not look at logs). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

let processLogger: Logger | undefined;

/** The one logger of this process, made on first use from LOG_FORMAT / LOG_LEVEL. */
export function defaultLogger(): Logger {
  return (processLogger ??= createLogger({ format: logFormatFromEnv() }));
}

const SKIPPED_IN_HUMAN_LINES = new Set(["time", "level", "msg", "service", "pid", "hostname"]);

/** Turns each JSON line into `12:00:01 INFO message key=value …`, with a stack on the lines below; no extra dependency. */
function humanLines(out: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const time = typeof entry.time === "string" ? entry.time.slice(11, 19) : "";
      const fields = Object.entries(entry)
        .filter(([key]) => !SKIPPED_IN_HUMAN_LINES.has(key) && key !== "err")
        .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
      const err = entry.err as { stack?: string } | undefined;
      const text = [time, String(entry.level).toUpperCase(), entry.msg ?? "", ...fields]
        .filter((part) => part !== "")
        .join(" ");
      out.write(`${text}${err?.stack ? `\n${err.stack}` : ""}\n`);
    },
  };
}
