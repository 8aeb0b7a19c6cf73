// The organiser's own column mapping for a participants file: one choice per header (a column of ours or "ignore"),
// remembered by the header line so the next file from the same registration system is read the same way.
import * as z from "zod/mini";
import { squeeze, type ColumnMapping, type ImportColumn } from "./importColumns";

// console.ts builds its import request from these, so they are spelt here rather than imported from it.
export const IMPORT_TARGETS = ["ignore", "name", "administration", "email", "position"] as const;
const MAX_FIXED_LINES = 2000;
export const importTarget = z.enum(IMPORT_TARGETS);
export type ImportTarget = z.infer<typeof importTarget>;
export const MAX_IMPORT_HEADERS = 100;

/** One choice per header of the file, in its order. */
export const columnChoices = z.array(importTarget).check(z.maxLength(MAX_IMPORT_HEADERS));
export type ColumnChoices = z.infer<typeof columnChoices>;

/** A bad line's cells as the organiser corrected them in the preview (the file itself is not changed). */
export const lineFix = z.strictObject({
  line: z.int().check(z.positive()),
  values: z.strictObject({
    name: z.optional(z.string().check(z.maxLength(1000))),
    administration: z.optional(z.string().check(z.maxLength(1000))),
    email: z.optional(z.string().check(z.maxLength(1000))),
    position: z.optional(z.string().check(z.maxLength(1000))),
  }),
});
export type LineFix = z.infer<typeof lineFix>;
export const lineFixes = z.array(lineFix).check(z.maxLength(MAX_FIXED_LINES));

/** Same key for the same headers in any case, spacing or punctuation. */
export function headerKey(headers: readonly string[]): string {
  return headers.map(squeeze).join("|");
}

/** The choices a mapping amounts to, one per header. */
export function choicesOf(headers: readonly string[], mapping: ColumnMapping): ColumnChoices {
  return headers.map((_, index) => {
    const column = (Object.keys(mapping.indexOf) as ImportColumn[]).find((c) => mapping.indexOf[c] === index);
    return column ?? "ignore";
  });
}

const REQUIRED: readonly ImportColumn[] = ["name", "administration", "email"];

/** The mapping the choices make; `twice` names a column chosen for two headers (the file cannot be read so). */
export function mappingOf(
  headers: readonly string[],
  choices: ColumnChoices,
): ColumnMapping & { twice: ImportColumn[] } {
  const indexOf: Partial<Record<ImportColumn, number>> = {};
  const ignored: string[] = [];
  const twice: ImportColumn[] = [];
  headers.forEach((raw, index) => {
    const choice = choices[index] ?? "ignore";
    if (choice === "ignore") {
      if (raw.trim() !== "") ignored.push(raw.trim());
      return;
    }
    if (indexOf[choice] !== undefined) twice.push(choice);
    else indexOf[choice] = index;
  });
  return { indexOf, ignored, missing: REQUIRED.filter((c) => indexOf[c] === undefined), twice };
}
