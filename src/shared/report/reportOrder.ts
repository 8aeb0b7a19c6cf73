// PUT /api/console/report/:fiscalYear/order: the organiser's numbering of the year's workshops in every table.
import * as z from "zod/mini";

export const MAX_REPORT_ORDER_WORKSHOPS = 500;

/** Workshop ids in the order the report numbers them; an empty list goes back to chronological. */
export const reportOrderRequest = z.strictObject({
  workshopIds: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(
    z.maxLength(MAX_REPORT_ORDER_WORKSHOPS),
    z.refine((ids) => new Set(ids).size === ids.length, "A workshop may appear only once."),
  ),
});
export type ReportOrderRequest = z.infer<typeof reportOrderRequest>;
