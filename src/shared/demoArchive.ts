// The demo data's state as the console shows it (GET /api/console/demo-data): there or not, archived or in use.
import * as z from "zod/mini";

export const demoDataState = z.object({
  /** False when the demo workshop is not in this database (deleted, or never seeded). */
  present: z.boolean(),
  workshopId: z.string(),
  workshopTitle: z.nullable(z.string()),
  campaignId: z.string(),
  invitationCodes: z.array(z.string()),
  /** When it was archived; null while it is in use. */
  archivedAt: z.nullable(z.string()),
  /** The name of the organiser who archived it. */
  archivedBy: z.nullable(z.string()),
});
export type DemoDataState = z.infer<typeof demoDataState>;
