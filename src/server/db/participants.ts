// A workshop's participants: the people later invited to its follow-up survey.
import { v7 as uuidv7 } from "uuid";
import type { Participant } from "../../shared/console";
import type { Insertable, Selectable } from "kysely";
import { auditIfLanded, recordAudit, savedBy, type AuditedChange } from "./auditLog";
import type { OutriggerDatabase } from "./database";
import type { ParticipantsTable } from "./schema";
import type { VersionedSave } from "./workshopRecords";

type ParticipantRow = Selectable<ParticipantsTable> & { updated_by_name?: string | null };

/** The fields the participant form edits, as the audit log compares them. */
export function participantFormFields(p: ParticipantValues): Record<string, unknown> {
  return { name: p.name, administrationCode: p.administrationCode, email: p.email, position: p.position };
}

export interface ParticipantValues {
  name: string;
  administrationCode: string;
  email: string;
  position: string | null;
}

function toParticipant(r: ParticipantRow): Participant {
  const p: Participant = {
    id: r.id,
    workshopId: r.workshop_id,
    name: r.name,
    administrationCode: r.administration_code,
    email: r.email,
    position: r.position,
    createdAt: r.created_at,
    version: Number(r.version),
  };
  if (r.updated_at !== null) p.updatedAt = r.updated_at;
  if (r.updated_by_name) p.updatedBy = r.updated_by_name;
  return p;
}

/** Participant rows with the name of the organiser who saved each last. */
function participantsWithEditor(db: OutriggerDatabase) {
  return db
    .selectFrom("participants")
    .leftJoin("organisers", "organisers.id", "participants.updated_by")
    .selectAll("participants")
    .select("organisers.name as updated_by_name");
}

export async function listParticipants(db: OutriggerDatabase, workshopId: string): Promise<Participant[]> {
  const rows = await participantsWithEditor(db)
    .where("participants.workshop_id", "=", workshopId)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toParticipant);
}

export async function findParticipant(db: OutriggerDatabase, id: string): Promise<Participant | undefined> {
  const row = await participantsWithEditor(db).where("participants.id", "=", id).executeTakeFirst();
  return row && toParticipant(row);
}

/** Lower-cased e-mails already in the workshop (to refuse a second entry for the same person). */
export async function participantEmails(
  db: OutriggerDatabase,
  workshopId: string,
  exceptId?: string,
): Promise<Set<string>> {
  let query = db.selectFrom("participants").select("email").where("workshop_id", "=", workshopId);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return new Set((await query.execute()).map((r) => r.email.toLowerCase()));
}

export async function insertParticipants(
  db: OutriggerDatabase,
  workshopId: string,
  people: ParticipantValues[],
  now: Date,
): Promise<Participant[]> {
  if (people.length === 0) return [];
  const rows = people.map((p) => ({
    id: uuidv7(),
    workshop_id: workshopId,
    name: p.name,
    administration_code: p.administrationCode,
    email: p.email,
    position: p.position,
    created_at: now.toISOString(),
    version: 1,
    updated_by: null,
    updated_at: null,
  })) satisfies Insertable<ParticipantsTable>[];
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("participants")
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map(toParticipant);
}

/**
 * A whole imported file: every participant or, when one insert fails, none. Audited as one change of the workshop
 * (its participant count), which keeps the log to one row for up to MAX_CSV_ROWS people.
 */
export async function insertParticipantsAllOrNothing(
  db: OutriggerDatabase,
  workshopId: string,
  people: ParticipantValues[],
  now: Date,
  audit: Pick<AuditedChange, "editor" | "before" | "after">,
): Promise<Participant[]> {
  return db.transaction().execute(async (tx) => {
    const added = await insertParticipants(tx, workshopId, people, now);
    await recordAudit(tx, { ...audit, at: now, action: "update", entityType: "workshop", entityId: workshopId });
    return added;
  });
}

/** Adds people one by one, each with its audit row (the form's add; CSV imports are audited as one row per file). */
export async function insertParticipantsAudited(
  db: OutriggerDatabase,
  workshopId: string,
  people: ParticipantValues[],
  now: Date,
  audit: Pick<AuditedChange, "editor">,
): Promise<Participant[]> {
  return db.transaction().execute(async (tx) => {
    const added = await insertParticipants(tx, workshopId, people, now);
    for (const p of added)
      await recordAudit(tx, {
        ...audit,
        at: now,
        action: "create",
        entityType: "participant",
        entityId: p.id,
        after: { workshopId, ...participantFormFields(p) },
      });
    return added;
  });
}

/** Saves over the version the form loaded, in one statement, with its audit row; false: changed elsewhere. */
export async function updateParticipant(
  db: OutriggerDatabase,
  id: string,
  values: ParticipantValues,
  save: VersionedSave,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("participants")
      .set({
        name: values.name,
        administration_code: values.administrationCode,
        email: values.email,
        position: values.position,
        ...savedBy(save),
      })
      .where("id", "=", id)
      .where("version", "=", save.expectedVersion)
      .executeTakeFirst();
    return auditIfLanded(tx, updated, { ...save, action: "update", entityType: "participant", entityId: id });
  });
}

export async function deleteParticipant(
  db: OutriggerDatabase,
  id: string,
  audit: Omit<AuditedChange, "action" | "entityType" | "entityId" | "after">,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx.deleteFrom("participants").where("id", "=", id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await recordAudit(tx, { ...audit, action: "delete", entityType: "participant", entityId: id });
    return true;
  });
}
