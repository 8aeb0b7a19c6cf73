// Participants: /api/console/workshops/:id/participants (list, add, import CSV) and /api/console/participants/:id (edit, remove).
import { Hono } from "hono";
import {
  newParticipant,
  participantChanges,
  participantImportRequest,
  type ImportPreview,
} from "../../../shared/console";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import type { OutriggerDatabase } from "../../db/database";
import { listAdministrationCodes, listAdministrations } from "../../db/directory";
import {
  deleteParticipant,
  findParticipant,
  insertParticipantsAllOrNothing,
  insertParticipantsAudited,
  listParticipants,
  participantEmails,
  participantFormFields,
  updateParticipant,
} from "../../db/participants";
import { ApiProblem, errorBody } from "../errors";
import { checkParticipantCsv } from "./participantImport";
import { findImportMapping, saveImportMapping } from "../../db/importMappings";
import { headerKey } from "../../../shared/importMapping";
import { jsonBody } from "../jsonBody";
import { changedElsewhere, editorOf } from "./editConflict";
import { workshopOr404 } from "./workshops";

async function checkAdministration(db: OutriggerDatabase, code: string): Promise<void> {
  if (!(await listAdministrationCodes(db)).includes(code)) {
    throw new ApiProblem(422, "unknown_administration", `"${code}" is not in the administrations list. Add it first.`, [
      {
        path: "administrationCode",
        code: "unknown_administration",
        message: `"${code}" is not in the administrations list.`,
      },
    ]);
  }
}

async function checkEmailFree(
  db: OutriggerDatabase,
  workshopId: string,
  email: string,
  exceptId?: string,
): Promise<void> {
  if ((await participantEmails(db, workshopId, exceptId)).has(email.toLowerCase())) {
    throw new ApiProblem(409, "participant_exists", `${email} is already a participant of this workshop.`);
  }
}

export function participantRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/workshops/:id/participants", requireSession(), async (c) => {
    const workshop = await workshopOr404(c.var.deps.db, c.req.param("id"));
    return c.json({ participants: await listParticipants(c.var.deps.db, workshop.id) });
  });

  routes.post("/workshops/:id/participants", requireOrganiser(), jsonBody(newParticipant), async (c) => {
    const { db, now } = c.var.deps;
    const workshop = await workshopOr404(db, c.req.param("id"));
    const input = c.req.valid("json");
    await checkAdministration(db, input.administrationCode);
    await checkEmailFree(db, workshop.id, input.email);
    const [created] = await insertParticipantsAudited(
      db,
      workshop.id,
      [
        {
          name: input.name,
          administrationCode: input.administrationCode,
          email: input.email,
          position: input.position || null,
        },
      ],
      now(),
      { editor: editorOf(c) },
    );
    return c.json(created, 201);
  });

  routes.post(
    "/workshops/:id/participants/import",
    requireOrganiser(),
    jsonBody(participantImportRequest),
    async (c) => {
      const { db, now } = c.var.deps;
      const workshop = await workshopOr404(db, c.req.param("id"));
      const { csv, commit, skipLines, columns, fixes } = c.req.valid("json");
      const checked = await checkParticipantCsv(csv, {
        administrations: await listAdministrations(db),
        workshopAdministrations: new Set(workshop.administrationCodes),
        existingEmails: await participantEmails(db, workshop.id),
        skipLines: new Set(skipLines ?? []),
        columns,
        fixes,
        rememberedColumns: (headers) => findImportMapping(db, headerKey(headers)),
      });
      const { rows, people, ignoredColumns } = checked;
      const skipped = rows.filter((r) => r.skipped).length;
      const blocking = rows.filter((r) => !r.skipped && r.errors.length > 0);
      const preview: ImportPreview = {
        rows,
        valid: people.length,
        invalid: blocking.length,
        skipped,
        ignoredColumns,
        committed: false,
        headers: checked.headers,
        columns: checked.columns,
        mappingSource: checked.mappingSource,
      };
      if (!commit) return c.json(preview, 200);
      if (blocking.length > 0) {
        const details = blocking.flatMap((r) =>
          r.errors.map((e) => ({
            path: `line ${r.line}.${e.field}`,
            code: "invalid_row",
            message: `Line ${r.line}: ${e.message}`,
            place: { row: r.line, column: e.field },
            reason: e.message,
            ...(e.problem ? { problem: e.problem } : {}),
          })),
        );
        return c.json(
          {
            ...errorBody(
              "csv_has_errors",
              `${blocking.length} row(s) have errors; nothing was imported. Correct or skip them and import again.`,
              details,
            ),
            preview,
          },
          422,
        );
      }
      if (people.length === 0)
        throw new ApiProblem(422, "csv_nothing_to_import", "Every line is skipped; there is nobody to import.");
      await insertParticipantsAllOrNothing(db, workshop.id, people, now(), {
        editor: editorOf(c),
        before: { participantCount: workshop.participantCount },
        after: { participantCount: workshop.participantCount + people.length },
      });
      // Remembered office-wide once it has served an import: the next file with these headers is read the same way.
      await saveImportMapping(
        db,
        headerKey(checked.headers),
        { headers: checked.headers, choices: checked.columns },
        c.var.session.organiser.id,
        now(),
      );
      return c.json({ ...preview, committed: true }, 201);
    },
  );

  routes.patch("/participants/:id", requireOrganiser(), jsonBody(participantChanges), async (c) => {
    const { db, now } = c.var.deps;
    const current = await findParticipant(db, c.req.param("id"));
    if (!current) throw new ApiProblem(404, "participant_not_found", "There is no participant with this id.");
    const changes = c.req.valid("json");
    const next = {
      name: changes.name ?? current.name,
      administrationCode: changes.administrationCode ?? current.administrationCode,
      email: changes.email ?? current.email,
      position: changes.position === undefined ? current.position : changes.position || null,
    };
    if (changes.administrationCode !== undefined) await checkAdministration(db, next.administrationCode);
    if (changes.email !== undefined) await checkEmailFree(db, current.workshopId, next.email, current.id);
    const saved = await updateParticipant(db, current.id, next, {
      expectedVersion: changes.version,
      editor: editorOf(c),
      at: now(),
      before: participantFormFields(current),
      after: participantFormFields(next),
    });
    const stored = await findParticipant(db, current.id);
    if (!stored) throw new ApiProblem(404, "participant_not_found", "There is no participant with this id.");
    return saved ? c.json(stored) : changedElsewhere(c, stored);
  });

  routes.delete("/participants/:id", requireOrganiser(), async (c) => {
    const { db, now } = c.var.deps;
    const current = await findParticipant(db, c.req.param("id"));
    const before = current && { workshopId: current.workshopId, ...participantFormFields(current) };
    if (!current || !(await deleteParticipant(db, current.id, { editor: editorOf(c), at: now(), before })))
      throw new ApiProblem(404, "participant_not_found", "There is no participant with this id.");
    return c.body(null, 204);
  });

  return routes;
}
