// The library's refusals from the sync layer (no room for a download, the list of materials not fetched) worded in the
// chosen language from their reason and numbers; a reason this screen does not know shows the layer's own sentence.
import { t } from "../../i18n/libraryMessages";
import type english from "../../messages/en/library";
import type { ManifestRefreshResult } from "../../sync/materialsManifest";
import type { NotEnoughSpace } from "../../sync/storageBudget";
import { formatBytes } from "./formatBytes";

export type LibraryProblem = NotEnoughSpace | Extract<ManifestRefreshResult, { ok: false }>;

/** The catalogue key of each reason; the compiler refuses a reason the layer adds without one here. */
export const LIBRARY_PROBLEM_KEYS = {
  not_enough_space: "notEnoughSpace",
  offline: "manifestOffline",
  not_allowed: "manifestNotAllowed",
  server_error: "manifestServerError",
} as const satisfies Record<LibraryProblem["reason"], keyof typeof english>;

export function libraryProblemText(problem: LibraryProblem): string {
  if (problem.reason === "not_enough_space")
    return t("notEnoughSpace", {
      needed: formatBytes(problem.neededBytes),
      available: formatBytes(problem.availableBytes),
    });
  const key = (LIBRARY_PROBLEM_KEYS as Partial<Record<string, keyof typeof english>>)[problem.reason];
  return key ? t(key) : problem.message;
}
