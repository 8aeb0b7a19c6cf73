// Turns zod issues into field issues with plain messages (zod/mini's own messages are just "Invalid input").
import type * as z from "zod/mini";
import type { FieldIssue } from "../../shared/api";

const DEFAULT_MESSAGE = "Invalid input";

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function label(path: string): string {
  return path === "" ? "The value" : `"${path}"`;
}

export function fieldIssuesFromZod(issues: readonly z.core.$ZodIssue[], input: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = pathText(issue.path);
    const custom = issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          const keyPath = path === "" ? key : `${path}.${key}`;
          out.push({ path: keyPath, code: "unexpected_field", message: `${label(keyPath)} is not an expected field.` });
        }
        break;
      case "invalid_type":
        if (valueAt(input, issue.path) === undefined)
          out.push({ path, code: "missing_field", message: `${label(path)} is missing.` });
        else
          out.push({
            path,
            code: issue.code,
            message: custom ?? `${label(path)} should be ${article(issue.expected)}.`,
          });
        break;
      case "too_small":
        out.push({
          path,
          code: issue.code,
          message:
            custom ??
            `${label(path)} is too ${issue.origin === "string" || issue.origin === "array" ? "short" : "small"}.`,
        });
        break;
      case "too_big":
        out.push({
          path,
          code: issue.code,
          message:
            custom ??
            `${label(path)} is too ${issue.origin === "string" || issue.origin === "array" ? "long" : "large"} (at most ${String(issue.maximum)}).`,
        });
        break;
      case "invalid_format":
        out.push({
          path,
          code: issue.code,
          message: custom ? `${label(path)} ${custom}.` : `${label(path)} is not a valid ${formatName(issue.format)}.`,
        });
        break;
      case "custom": {
        // A check of ours may name its own code (e.g. nul_character) in its params.
        const code = typeof issue.params?.code === "string" ? issue.params.code : issue.code;
        out.push({ path, code, message: custom ?? `${label(path)} is not valid.` });
        break;
      }
      default:
        out.push({ path, code: issue.code, message: custom ?? `${label(path)} is not valid.` });
    }
  }
  return out;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    object: "an object",
    array: "a list",
  };
  return names[expected] ?? `a ${expected}`;
}

function formatName(format: string): string {
  if (format === "datetime") return "date and time (ISO 8601, e.g. 2024-03-01T09:30:00Z)";
  if (format === "regex") return "value";
  return format;
}
