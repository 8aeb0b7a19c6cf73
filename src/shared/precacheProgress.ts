// The service worker's progress message while it stores the app for offline use (see offlineReadiness.ts).
import * as z from "zod/mini";
import { PRECACHE_PROGRESS_TYPE } from "./offlineReadiness";

/** Posted to open pages while the worker installs: entries of the precache stored so far, of how many. */
export const precacheProgressMessage = z.object({
  type: z.literal(PRECACHE_PROGRESS_TYPE),
  done: z.int().check(z.nonnegative()),
  total: z.int().check(z.positive()),
});
export type PrecacheProgressMessage = z.infer<typeof precacheProgressMessage>;
