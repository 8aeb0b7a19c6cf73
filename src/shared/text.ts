// Text that every store can keep: PostgreSQL refuses the NUL character ("\u0000") in text, so no schema lets one in.
import * as z from "zod/mini";
import type { FieldIssue } from "./api";

export const NUL_CHARACTER_CODE = "nul_character";
const NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

const hasNul = (s: string): boolean => s.includes("\u0000");

/** A zod check for strings; the issue carries its own code (see fieldIssuesFromZod). */
export const noNulCharacter = z.refine<string>((s) => !hasNul(s), {
  message: NUL_MESSAGE,
  params: { code: NUL_CHARACTER_CODE },
});

/** A string without NUL characters: what any text field of a reply is. */
export const text = () => z.string().check(noNulCharacter);

/** The first NUL character in any string or key of a parsed JSON value, as a field issue. */
export function nulCharacterIssue(value: unknown, path: string[] = []): FieldIssue | undefined {
  const at = (p: string[]) => ({
    path: p.join("."),
    code: NUL_CHARACTER_CODE,
    message: `"${p.join(".")}" ${NUL_MESSAGE}.`,
  });
  if (typeof value === "string") return hasNul(value) ? at(path) : undefined;
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (hasNul(key)) return at([...path, key]);
    const found = nulCharacterIssue(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
