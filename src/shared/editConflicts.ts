// Optimistic concurrency for console forms: every save names the version it was loaded with; a stale one is refused.
import * as z from "zod/mini";
import { apiErrorBody } from "./api";

/** The version of a record a form was loaded with (records count their saves from 1). */
export const recordVersion = z.int().check(z.positive());

/** The code of the 409 a save gets when someone else saved the same record since the form was loaded. */
export const CHANGED_ELSEWHERE = "changed_elsewhere";

/** Who saved the record last, and when (UTC ISO); both absent for a record not saved since versions began. */
export const lastChange = z.object({
  version: z.number(),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
});
export type LastChange = z.infer<typeof lastChange>;

/**
 * The 409 answer to a stale save: the usual error envelope (code changed_elsewhere, "Changed by … at …"), plus
 * `current`, the record as it now stands (with its new version), so the form can compare and choose.
 */
export const changedElsewhereAnswer = z.object({
  error: apiErrorBody,
  current: z.record(z.string(), z.unknown()),
});
export type ChangedElsewhereAnswer = z.infer<typeof changedElsewhereAnswer>;

/** "Changed by Ana at 2026-12-03 10:41 UTC — your changes are not saved." (the console shows its own local time). */
export function changedElsewhereMessage(change: Omit<LastChange, "version">): string {
  const who = change.updatedBy ?? "another organiser";
  const when = change.updatedAt ? ` at ${change.updatedAt.slice(0, 16).replace("T", " ")} UTC` : "";
  return `Changed by ${who}${when} — your changes are not saved.`;
}
