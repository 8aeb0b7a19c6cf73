// A workshop's participants: the people later invited to its follow-up survey.
import { v7 as uuidv7 } from "uuid";
import type { Participant } from "../../shared/console";
import type { OutriggerDatabase } from "./database";
import type { ParticipantsTable } from "./schema";

export interface ParticipantValues {
  name: string;
  administrationCode: string;
  email: string;
  position: string | null;
}

function toParticipant(r: ParticipantsTable): Participant {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    name: r.name,
    administrationCode: r.administration_code,
    email: r.email,
    position: r.position,
    createdAt: r.created_at,
  };
}

export async function listParticipants(db: OutriggerDatabase, workshopId: string): Promise<Participant[]> {
  const rows = await db
    .selectFrom("participants")
    .selectAll()
    .where("workshop_id", "=", workshopId)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toParticipant);
}

export async function findParticipant(db: OutriggerDatabase, id: string): Promise<Participant | undefined> {
  const row = await db.selectFrom("participants").selectAll().where("id", "=", id).executeTakeFirst();
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
  const rows: ParticipantsTable[] = people.map((p) => ({
    id: uuidv7(),
    workshop_id: workshopId,
    name: p.name,
    administration_code: p.administrationCode,
    email: p.email,
    position: p.position,
    created_at: now.toISOString(),
  }));
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("participants")
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map(toParticipant);
}

/** A whole imported file: every participant or, when one insert fails, none. */
export async function insertParticipantsAllOrNothing(
  db: OutriggerDatabase,
  workshopId: string,
  people: ParticipantValues[],
  now: Date,
): Promise<Participant[]> {
  return db.transaction().execute((tx) => insertParticipants(tx, workshopId, people, now));
}

export async function updateParticipant(db: OutriggerDatabase, id: string, values: ParticipantValues): Promise<void> {
  await db
    .updateTable("participants")
    .set({
      name: values.name,
      administration_code: values.administrationCode,
      email: values.email,
      position: values.position,
    })
    .where("id", "=", id)
    .execute();
}

export async function deleteParticipant(db: OutriggerDatabase, id: string): Promise<boolean> {
  const result = await db.deleteFrom("participants").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
