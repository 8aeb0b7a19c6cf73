// Turns zod issues into field issues with plain messages (zod/mini's own messages are just "Invalid input"), each
// with its problem as data (fieldProblemWords.ts) unless the schema wrote its own sentence.
import type * as z from "zod/mini";
import type { FieldIssue } from "../../shared/api";
import { sayFieldProblem, type FieldProblem, type FieldProblemCode } from "../../shared/fieldProblemWords";

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

/** A problem worded from the shared list, carrying its code so the console can word it too. */
function worded(path: string, code: string, problem: FieldProblem): FieldIssue {
  return { path, code, message: sayFieldProblem(problem), problem };
}

const TYPE_PROBLEMS: Record<string, FieldProblemCode> = {
  string: "fieldShouldBeText",
  number: "fieldShouldBeNumber",
  int: "fieldShouldBeWholeNumber",
  boolean: "fieldShouldBeTrueOrFalse",
  object: "fieldShouldBeObject",
  array: "fieldShouldBeList",
};

export function fieldIssuesFromZod(issues: readonly z.core.$ZodIssue[], input: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = pathText(issue.path);
    const field = label(path);
    const custom = issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;
    // A schema's own sentence stays as written (free English text); zod's default is worded from the shared list.
    const say = (code: string, problem: FieldProblemCode, params: Record<string, string> = {}): FieldIssue =>
      custom !== undefined
        ? { path, code, message: custom }
        : worded(path, code, { code: problem, params: { field, ...params } });
    switch (issue.code) {
      case "unrecognized_keys":
        for (const key of issue.keys) {
          const keyPath = path === "" ? key : `${path}.${key}`;
          out.push(worded(keyPath, "unexpected_field", { code: "fieldUnexpected", params: { field: label(keyPath) } }));
        }
        break;
      case "invalid_type":
        if (valueAt(input, issue.path) === undefined)
          out.push(worded(path, "missing_field", { code: "fieldMissing", params: { field } }));
        else if (Object.hasOwn(TYPE_PROBLEMS, issue.expected)) out.push(say(issue.code, TYPE_PROBLEMS[issue.expected]));
        else out.push(say(issue.code, "fieldShouldBeOther", { expected: issue.expected }));
        break;
      case "too_small":
        out.push(
          say(issue.code, issue.origin === "string" || issue.origin === "array" ? "fieldTooShort" : "fieldTooSmall"),
        );
        break;
      case "too_big":
        out.push(
          say(issue.code, issue.origin === "string" || issue.origin === "array" ? "fieldTooLong" : "fieldTooLarge", {
            maximum: String(issue.maximum),
          }),
        );
        break;
      case "invalid_format":
        if (custom !== undefined) out.push({ path, code: issue.code, message: `${field} ${custom}.` });
        else if (issue.format === "datetime") out.push(say(issue.code, "fieldNotDateTime"));
        else if (issue.format === "regex") out.push(say(issue.code, "fieldNotValidValue"));
        else out.push(say(issue.code, "fieldNotValidFormat", { format: issue.format }));
        break;
      case "custom": {
        // A check of ours may name its own code (e.g. nul_character) in its params.
        const code = typeof issue.params?.code === "string" ? issue.params.code : issue.code;
        out.push(say(code, "fieldNotValid"));
        break;
      }
      default:
        out.push(say(issue.code, "fieldNotValid"));
    }
  }
  return out;
}
