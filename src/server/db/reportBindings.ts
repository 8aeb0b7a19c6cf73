// Report bindings stored beside each questionnaire version row. They are a reading of the replies, not what a
// participant sees, so they stay writable in every status (a version published unbound can be bound afterwards).
import { questionnaireDefinition, type QuestionnaireDefinition } from "../../shared/questionnaire";
import { shippedReportBindings } from "../../shared/questionnaires/reportBindings";
import { reportBindings, UNBOUND, type ReportBindings } from "../../shared/report/bindings";
import { auditIfLanded, revisedBy, type Editor } from "./auditLog";
import type { OutriggerDatabase } from "./database";

function parseBindings(text: string | null): ReportBindings {
  if (text === null) return UNBOUND;
  const parsed = reportBindings.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : UNBOUND;
}

/** A version's bindings (UNBOUND when never set); undefined when there is no such version. */
export async function findReportBindings(
  db: OutriggerDatabase,
  id: string,
  version: number,
): Promise<ReportBindings | undefined> {
  const row = await db
    .selectFrom("questionnaires")
    .select("report_bindings")
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return row ? parseBindings(row.report_bindings) : undefined;
}

/** Replaces a version's bindings, whatever its status. False when there is no such version. */
export async function saveReportBindings(
  db: OutriggerDatabase,
  id: string,
  version: number,
  bindings: ReportBindings,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("questionnaires")
    .set({
      report_bindings: JSON.stringify(bindings),
      report_bindings_updated_at: at.toISOString(),
      report_bindings_updated_by: by,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A version's bindings with their revision (saves counted from 1), who saved them last (name) and when. */
export async function findReportBindingsRevision(
  db: OutriggerDatabase,
  id: string,
  version: number,
): Promise<{ bindings: ReportBindings; version: number; updatedAt?: string; updatedBy?: string } | undefined> {
  const row = await db
    .selectFrom("questionnaires")
    .leftJoin("organisers", "organisers.id", "questionnaires.report_bindings_updated_by")
    .select([
      "questionnaires.report_bindings",
      "questionnaires.report_bindings_revision",
      "questionnaires.report_bindings_updated_at",
      "organisers.name",
    ])
    .where("questionnaires.id", "=", id)
    .where("questionnaires.version", "=", version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    bindings: parseBindings(row.report_bindings),
    version: Number(row.report_bindings_revision),
    ...(row.report_bindings_updated_at !== null ? { updatedAt: row.report_bindings_updated_at } : {}),
    ...(row.name !== null ? { updatedBy: row.name } : {}),
  };
}

/**
 * An organiser's save of a version's bindings: lands only if they are still at the revision the form loaded (checked
 * in the same UPDATE, so of two racing saves one lands), audited in the same transaction. False when someone saved since.
 */
export async function replaceReportBindings(
  db: OutriggerDatabase,
  id: string,
  version: number,
  bindings: ReportBindings,
  save: { expectedRevision: number; editor: Editor; at: Date },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const before = await findReportBindings(tx, id, version);
    const result = await tx
      .updateTable("questionnaires")
      .set({ report_bindings: JSON.stringify(bindings), ...revisedBy("report_bindings", save) })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("report_bindings_revision", "=", save.expectedRevision)
      .executeTakeFirst();
    return auditIfLanded(tx, result, {
      ...save,
      action: "update",
      entityType: "report_bindings",
      entityId: `${id}/${version}`,
      before,
      after: bindings,
    });
  });
}

/** Binds the shipped versions from their data files where they are not bound yet (every start; an organiser's edit stays). */
export async function bindShippedVersions(db: OutriggerDatabase, at: Date = new Date()): Promise<void> {
  for (const { definition, bindings } of shippedReportBindings) {
    await db
      .updateTable("questionnaires")
      .set({ report_bindings: JSON.stringify(bindings), report_bindings_updated_at: at.toISOString() })
      .where("id", "=", definition.id)
      .where("version", "=", definition.version)
      .where("report_bindings", "is", null)
      .execute();
  }
}

/** Every stored version with its definition and bindings: what the report reads replies through. */
export async function listBoundVersions(
  db: OutriggerDatabase,
): Promise<Array<{ definition: QuestionnaireDefinition; bindings: ReportBindings }>> {
  const rows = await db.selectFrom("questionnaires").select(["definition", "report_bindings"]).execute();
  return rows.map((row) => ({
    definition: questionnaireDefinition.parse(JSON.parse(row.definition)),
    bindings: parseBindings(row.report_bindings),
  }));
}
