// Questionnaire versions, stored as JSON text per (id, version) with their lifecycle. Only a draft ever changes:
// every write below names the status it expects, so a published or retired version is refused here, not only by routes.
import type {
  QuestionnaireVersionDetail,
  QuestionnaireVersionStatus,
  QuestionnaireVersionSummary,
} from "../../shared/questionnaireVersions";
import { allQuestions, questionnaireDefinition, type QuestionnaireDefinition } from "../../shared/questionnaire";
import { shippedBindingsOf } from "../../shared/questionnaires/reportBindings";
import { questionnaireContentHash } from "../questionnaires/contentHash";
import type { OutriggerDatabase } from "./database";
import type { QuestionnairesTable } from "./schema";
import type { Selectable } from "kysely";
import { auditIfLanded, revisedBy, type Editor } from "./auditLog";

/** A change asked of a version in a state that does not allow it (e.g. editing a published version). */
export class QuestionnaireVersionFrozen extends Error {
  constructor(
    readonly id: string,
    readonly version: number,
    readonly status: QuestionnaireVersionStatus,
  ) {
    super(`Questionnaire "${id}" version ${version} is ${status}: it cannot be changed that way.`);
    this.name = "QuestionnaireVersionFrozen";
  }
}

/** The columns that store a definition: its id and version, and the definition as JSON text. */
function storedDefinition(definition: QuestionnaireDefinition) {
  return { id: definition.id, version: definition.version, definition: JSON.stringify(definition) };
}

/** A version shipped with the build: stored as published with its shipped report bindings, once (a later start writes nothing). */
export async function insertQuestionnaire(
  db: OutriggerDatabase,
  definition: QuestionnaireDefinition,
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto("questionnaires")
    .values({
      ...storedDefinition(definition),
      status: "published",
      content_hash: questionnaireContentHash(definition),
      created_at: at,
      published_at: at,
      report_bindings: shippedReportBindingsText(definition),
    })
    .onConflict((oc) => oc.columns(["id", "version"]).doNothing())
    .execute();
}

function shippedReportBindingsText(definition: QuestionnaireDefinition): string | null {
  const bindings = shippedBindingsOf(definition.id, definition.version);
  return bindings ? JSON.stringify(bindings) : null;
}

/** The stored row of one version, whatever its status. */
async function findVersionRow(
  db: OutriggerDatabase,
  id: string,
  version: number,
): Promise<Selectable<QuestionnairesTable> | undefined> {
  return db
    .selectFrom("questionnaires")
    .selectAll()
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
}

/** The highest version number stored for `id`, optionally only among versions in one status. */
async function highestVersion(
  db: OutriggerDatabase,
  id: string,
  status?: QuestionnaireVersionStatus,
): Promise<number | undefined> {
  let query = db
    .selectFrom("questionnaires")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("id", "=", id);
  if (status !== undefined) query = query.where("status", "=", status);
  const row = await query.executeTakeFirst();
  return row?.v === null || row?.v === undefined ? undefined : Number(row.v);
}

/** The definition of any stored version, whatever its status (campaigns and replies on retired versions keep working). */
export async function findQuestionnaire(
  db: OutriggerDatabase,
  id: string,
  version: number,
): Promise<QuestionnaireDefinition | undefined> {
  const row = await findVersionRow(db, id, version);
  return row ? questionnaireDefinition.parse(JSON.parse(row.definition)) : undefined;
}

function detailOf(row: Selectable<QuestionnairesTable>): QuestionnaireVersionDetail {
  const definition = questionnaireDefinition.parse(JSON.parse(row.definition));
  return {
    id: row.id,
    version: Number(row.version),
    title: definition.title,
    questions: allQuestions(definition).length,
    status: row.status as QuestionnaireVersionStatus,
    contentHash: row.content_hash,
    basedOnVersion: row.based_on_version === null ? null : Number(row.based_on_version),
    createdAt: row.created_at,
    createdBy: row.created_by,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    retiredAt: row.retired_at,
    retiredBy: row.retired_by,
    revision: Number(row.draft_revision),
    definition,
  };
}

export async function findQuestionnaireVersion(
  db: OutriggerDatabase,
  id: string,
  version: number,
): Promise<QuestionnaireVersionDetail | undefined> {
  const row = await findVersionRow(db, id, version);
  return row ? detailOf(row) : undefined;
}

/** Every stored version, newest first within each questionnaire. */
export async function listQuestionnaireVersions(db: OutriggerDatabase): Promise<QuestionnaireVersionSummary[]> {
  const rows = await db.selectFrom("questionnaires").selectAll().orderBy("id").orderBy("version", "desc").execute();
  return rows.map((row) => {
    const { definition: _definition, ...summary } = detailOf(row);
    return summary;
  });
}

/** The newest published version: what new campaigns and the report use unless told otherwise. */
export async function latestPublishedVersion(db: OutriggerDatabase, id: string): Promise<number | undefined> {
  return highestVersion(db, id, "published");
}

export async function nextVersionNumber(db: OutriggerDatabase, id: string): Promise<number> {
  const highest = await highestVersion(db, id);
  return highest === undefined ? 1 : highest + 1;
}

export interface NewDraft {
  definition: QuestionnaireDefinition;
  basedOnVersion: number | null;
  by: string;
  at: Date;
}

export async function insertDraft(db: OutriggerDatabase, draft: NewDraft): Promise<void> {
  const { definition } = draft;
  await db
    .insertInto("questionnaires")
    .values({
      ...storedDefinition(definition),
      status: "draft",
      based_on_version: draft.basedOnVersion,
      created_at: draft.at.toISOString(),
      created_by: draft.by,
    })
    .execute();
}

async function refuseUnlessChanged(
  db: OutriggerDatabase,
  id: string,
  version: number,
  changedRows: bigint | number,
): Promise<void> {
  if (Number(changedRows) > 0) return;
  const row = await findVersionRow(db, id, version);
  if (row) throw new QuestionnaireVersionFrozen(id, version, row.status as QuestionnaireVersionStatus);
  throw new Error(`There is no questionnaire "${id}" version ${version}.`);
}

/**
 * Replaces a draft's definition if it is still at the revision the form loaded (checked in the same UPDATE, so of two
 * racing saves one lands), audited in the same transaction. False when someone saved it since; refuses any other status.
 */
export async function updateDraft(
  db: OutriggerDatabase,
  definition: QuestionnaireDefinition,
  save: { expectedRevision: number; editor: Editor; at: Date },
): Promise<boolean> {
  const { id, version } = definition;
  const landed = await db.transaction().execute(async (tx) => {
    const before = await findVersionRow(tx, id, version);
    const result = await tx
      .updateTable("questionnaires")
      .set({ definition: JSON.stringify(definition), ...revisedBy("draft", save) })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("status", "=", "draft")
      .where("draft_revision", "=", save.expectedRevision)
      .executeTakeFirst();
    return auditIfLanded(tx, result, {
      ...save,
      action: "update",
      entityType: "questionnaire_draft",
      entityId: `${id}/${version}`,
      before: before ? (JSON.parse(before.definition) as Record<string, unknown>) : undefined,
      after: definition,
    });
  });
  if (landed) return true;
  const row = await findVersionRow(db, id, version);
  if (!row) throw new Error(`There is no questionnaire "${id}" version ${version}.`);
  if (row.status !== "draft")
    throw new QuestionnaireVersionFrozen(id, version, row.status as QuestionnaireVersionStatus);
  return false;
}

/** Who saved a draft last (their name), when, and at which revision: what a stale save is answered with. */
export async function draftLastChange(
  db: OutriggerDatabase,
  id: string,
  version: number,
): Promise<{ version: number; updatedAt?: string; updatedBy?: string } | undefined> {
  const row = await db
    .selectFrom("questionnaires")
    .leftJoin("organisers", "organisers.id", "questionnaires.draft_updated_by")
    .select(["questionnaires.draft_revision", "questionnaires.draft_updated_at", "organisers.name"])
    .where("questionnaires.id", "=", id)
    .where("questionnaires.version", "=", version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    version: Number(row.draft_revision),
    ...(row.draft_updated_at !== null ? { updatedAt: row.draft_updated_at } : {}),
    ...(row.name !== null ? { updatedBy: row.name } : {}),
  };
}

export async function deleteDraft(db: OutriggerDatabase, id: string, version: number): Promise<void> {
  const result = await db
    .deleteFrom("questionnaires")
    .where("id", "=", id)
    .where("version", "=", version)
    .where("status", "=", "draft")
    .executeTakeFirst();
  await refuseUnlessChanged(db, id, version, result.numDeletedRows);
}

/** Freezes a draft: published, with the hash of the definition as stored. Returns the hash. */
export async function publishDraft(
  db: OutriggerDatabase,
  id: string,
  version: number,
  by: string,
  at: Date,
): Promise<string> {
  const row = await findVersionRow(db, id, version);
  const hash = row ? questionnaireContentHash(JSON.parse(row.definition)) : "";
  const result = await db
    .updateTable("questionnaires")
    .set({ status: "published", content_hash: hash, published_at: at.toISOString(), published_by: by })
    .where("id", "=", id)
    .where("version", "=", version)
    .where("status", "=", "draft")
    // Only the definition that was hashed: an edit landing in between leaves the draft a draft.
    .where("definition", "=", row?.definition ?? "")
    .executeTakeFirst();
  await refuseUnlessChanged(db, id, version, result.numUpdatedRows);
  return hash;
}

/** Hides a published version from new campaigns; its campaigns and replies keep working. */
export async function retireVersion(
  db: OutriggerDatabase,
  id: string,
  version: number,
  by: string,
  at: Date,
): Promise<void> {
  const result = await db
    .updateTable("questionnaires")
    .set({ status: "retired", retired_at: at.toISOString(), retired_by: by })
    .where("id", "=", id)
    .where("version", "=", version)
    .where("status", "=", "published")
    .executeTakeFirst();
  await refuseUnlessChanged(db, id, version, result.numUpdatedRows);
}
