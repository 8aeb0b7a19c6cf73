// /api/console/workshops: list and create (POST); one workshop read (GET /:id), edited (PATCH /:id, over the version
// the form loaded, else 409 changed_elsewhere) and deleted while nobody has replied (DELETE /:id); each change audited.
import { Hono } from "hono";
import { v7 as uuidv7 } from "uuid";
import { newWorkshop, workshopChanges, workshopFormValues, type ConsoleWorkshop } from "../../../shared/console";
import { fiscalYearOf, fiscalYearRange } from "../../../shared/report/fiscalYear";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import type { OutriggerDatabase } from "../../db/database";
import { listAdministrationCodes } from "../../db/directory";
import {
  findConsoleWorkshop,
  insertConsoleWorkshop,
  listConsoleWorkshops,
  updateConsoleWorkshop,
  type WorkshopValues,
  deleteWorkshopWithoutReplies,
} from "../../db/workshopRecords";
import { ApiProblem } from "../errors";
import { changedElsewhere, editorOf } from "./editConflict";
import { jsonBody } from "../jsonBody";

function invalid(path: string, code: string, message: string): ApiProblem {
  return new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", [{ path, code, message }]);
}

/** Dates in order; the fiscal year given or derived from the dates (start, else end). */
function checkedValues(values: Omit<WorkshopValues, "fiscalYear"> & { fiscalYear?: string }): WorkshopValues {
  if (values.startsOn !== null && values.endsOn !== null && values.endsOn < values.startsOn)
    throw invalid("endsOn", "dates_out_of_order", "The workshop cannot end before it starts.");
  // Exact dates win over a month: the month is for workshops known no better.
  const month = values.startsOn === null && values.endsOn === null ? values.month : null;
  const dated = values.startsOn ?? values.endsOn ?? (month === null ? null : `${month}-01`);
  let fiscalYear = values.fiscalYear;
  if (fiscalYear === undefined) {
    if (dated === null)
      throw invalid("fiscalYear", "missing_field", "Give the workshop's dates, its month or its fiscal year.");
    fiscalYear = fiscalYearOf(dated);
  }
  try {
    fiscalYearRange(fiscalYear);
  } catch {
    throw invalid("fiscalYear", "invalid_format", `"${fiscalYear}" is not a fiscal year such as 2024/25.`);
  }
  return { ...values, month, fiscalYear };
}

async function checkedCodes(db: OutriggerDatabase, codes: string[] | undefined): Promise<string[] | undefined> {
  if (codes === undefined) return undefined;
  const known = new Set(await listAdministrationCodes(db));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new ApiProblem(
      422,
      "unknown_administration",
      `Unknown administration code(s): ${unknown.join(", ")}. Add them to the administrations list first.`,
      unknown.map((code) => ({
        path: "administrationCodes",
        code: "unknown_administration",
        message: `"${code}" is not in the administrations list.`,
      })),
    );
  }
  return [...new Set(codes)].sort();
}

/** The fields the workshop form edits, as the audit log compares them. */
function formFields(w: WorkshopValues & { administrationCodes: string[] }): Record<string, unknown> {
  return { ...w };
}

function formFieldsOf(w: ConsoleWorkshop): Record<string, unknown> {
  return formFields(workshopFormValues(w));
}

export async function workshopOr404(db: OutriggerDatabase, id: string): Promise<ConsoleWorkshop> {
  const workshop = await findConsoleWorkshop(db, id);
  if (!workshop) throw new ApiProblem(404, "workshop_not_found", "There is no workshop with this id.");
  return workshop;
}

export function workshopRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/", requireSession(), async (c) => c.json({ workshops: await listConsoleWorkshops(c.var.deps.db) }));

  routes.post("/", requireOrganiser(), jsonBody(newWorkshop), async (c) => {
    const { db, now } = c.var.deps;
    const input = c.req.valid("json");
    const values = checkedValues({
      title: input.title,
      kind: input.kind,
      mode: input.mode,
      fiscalYear: input.fiscalYear,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      location: input.location || null,
      month: input.month ?? null,
      participatingAdministrations: input.participatingAdministrations,
    });
    const codes = (await checkedCodes(db, input.administrationCodes)) ?? [];
    const id = uuidv7();
    await insertConsoleWorkshop(db, id, values, codes, {
      editor: editorOf(c),
      at: now(),
      after: formFields({ ...values, administrationCodes: codes }),
    });
    return c.json(await workshopOr404(db, id), 201);
  });

  routes.get("/:id", requireSession(), async (c) => c.json(await workshopOr404(c.var.deps.db, c.req.param("id"))));

  routes.patch("/:id", requireOrganiser(), jsonBody(workshopChanges), async (c) => {
    const { db, now } = c.var.deps;
    const current = await workshopOr404(db, c.req.param("id"));
    const changes = c.req.valid("json");
    const startsOn = changes.startsOn === undefined ? (current.startsOn ?? null) : changes.startsOn;
    const endsOn = changes.endsOn === undefined ? (current.endsOn ?? null) : changes.endsOn;
    const month = changes.month === undefined ? (current.month ?? null) : changes.month;
    const datesChanged = changes.startsOn !== undefined || changes.endsOn !== undefined || changes.month !== undefined;
    // A workshop known by its fiscal year only (the seeded ones) keeps it when the form sends its empty dates again.
    const datedAfter = startsOn !== null || endsOn !== null || month !== null;
    const values = checkedValues({
      title: changes.title ?? current.title,
      kind: changes.kind ?? current.kind,
      mode: changes.mode ?? current.mode,
      // New dates move the fiscal year with them unless one is given.
      fiscalYear: changes.fiscalYear ?? (datesChanged && datedAfter ? undefined : current.fiscalYear),
      startsOn,
      endsOn,
      location: changes.location === undefined ? (current.location ?? null) : changes.location || null,
      month,
      participatingAdministrations: changes.participatingAdministrations,
    });
    const codes = await checkedCodes(db, changes.administrationCodes);
    const saved = await updateConsoleWorkshop(db, current.id, values, codes, {
      expectedVersion: changes.version,
      editor: editorOf(c),
      at: now(),
      before: formFieldsOf(current),
      after: formFields({ ...values, administrationCodes: codes ?? current.administrationCodes }),
    });
    if (!saved) return changedElsewhere(c, await workshopOr404(db, current.id));
    return c.json(await workshopOr404(db, current.id));
  });

  // Only a workshop nobody has answered about and with no materials: replies are the office's record.
  routes.delete("/:id", requireOrganiser(), async (c) => {
    const { db, now } = c.var.deps;
    const workshop = await workshopOr404(db, c.req.param("id"));
    const outcome = await deleteWorkshopWithoutReplies(db, workshop.id, {
      editor: editorOf(c),
      at: now(),
      before: formFieldsOf(workshop),
    });
    if (outcome === "has_replies")
      throw new ApiProblem(
        409,
        "workshop_has_replies",
        "Participants of this workshop have replied, so it cannot be deleted: its replies count in the report.",
      );
    if (outcome === "has_materials")
      throw new ApiProblem(
        409,
        "workshop_has_materials",
        "This workshop has training materials that phones may hold, so it cannot be deleted from here.",
      );
    return c.body(null, 204);
  });

  return routes;
}
