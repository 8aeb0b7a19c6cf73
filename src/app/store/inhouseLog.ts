// The trainer's in-house session log, kept only on this phone for the follow-up questionnaire to offer.
import { v7 as uuidv7 } from "uuid";
import { db, type InhouseSession, type OutriggerDb } from "./db";

export type NewInhouseSession = Omit<InhouseSession, "id" | "createdAt">;

/** Sessions by the day they took place; the log shows the latest first, the questionnaire's summary the earliest first. */
export function listInhouseSessions(
  order: "oldest_first" | "newest_first",
  database: OutriggerDb = db,
): Promise<InhouseSession[]> {
  const byDate = database.inhouseSessions.orderBy("date");
  return (order === "newest_first" ? byDate.reverse() : byDate).toArray();
}

export function countInhouseSessions(database: OutriggerDb = db): Promise<number> {
  return database.inhouseSessions.count();
}

export async function addInhouseSession(
  session: NewInhouseSession,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<InhouseSession> {
  const stored: InhouseSession = { id: uuidv7(), ...session, createdAt: now.toISOString() };
  await database.inhouseSessions.add(stored);
  return stored;
}

export async function deleteInhouseSession(id: string, database: OutriggerDb = db): Promise<void> {
  await database.inhouseSessions.delete(id);
}
