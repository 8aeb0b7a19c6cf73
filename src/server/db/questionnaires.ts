// Questionnaire definitions, stored as JSON text per (id, version). A stored version never changes.
import type { QuestionnaireVersionSummary } from "../../shared/console";
import { allQuestions, questionnaireDefinition, type QuestionnaireDefinition } from "../../shared/questionnaire";
import type { OutriggerDatabase } from "./database";

export async function insertQuestionnaire(db: OutriggerDatabase, definition: QuestionnaireDefinition): Promise<void> {
  await db
    .insertInto("questionnaires")
    .values({ id: definition.id, version: definition.version, definition: JSON.stringify(definition) })
    .onConflict((oc) => oc.columns(["id", "version"]).doNothing())
    .execute();
}

export async function findQuestionnaire(db: OutriggerDatabase, id: string, version: number): Promise<QuestionnaireDefinition | undefined> {
  const row = await db.selectFrom("questionnaires").select("definition").where("id", "=", id).where("version", "=", version).executeTakeFirst();
  return row ? questionnaireDefinition.parse(JSON.parse(row.definition)) : undefined;
}

/** Every stored version, newest first within each questionnaire. */
export async function listQuestionnaireVersions(db: OutriggerDatabase): Promise<QuestionnaireVersionSummary[]> {
  const rows = await db.selectFrom("questionnaires").select(["id", "version", "definition"]).orderBy("id").orderBy("version", "desc").execute();
  return rows.map((row) => {
    const definition = questionnaireDefinition.parse(JSON.parse(row.definition));
    return { id: row.id, version: Number(row.version), title: definition.title, questions: allQuestions(definition).length };
  });
}
