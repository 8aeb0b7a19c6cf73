// The audit log: one row per console create, save and delete, written in the same transaction as the change.
import { sql, type RawBuilder, type UpdateResult } from "kysely";
import { v7 as uuidv7 } from "uuid";
import {
  auditChanges,
  changedFields,
  type AuditAction,
  type AuditedEntity,
  type AuditEntry,
  type AuditLogPage,
} from "../../shared/auditLog";
import type { OutriggerDatabase } from "./database";

/** The signed-in organiser making a change, as the log and the record's `updated_by` name them. */
export interface Editor {
  id: string;
  name: string;
}

export interface AuditedChange {
  editor: Editor;
  at: Date;
  action: AuditAction;
  entityType: AuditedEntity;
  entityId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The columns every version-checked save sets beside its own: the next version, who saved and when. */
export function savedBy(save: { editor: Editor; at: Date }) {
  return { version: sql<number>`version + 1`, updated_by: save.editor.id, updated_at: save.at.toISOString() };
}

/** The columns a revision-checked save of one part of a questionnaire row sets: the next revision, who saved and when. */
export function revisedBy<Part extends "draft" | "report_bindings">(part: Part, save: { editor: Editor; at: Date }) {
  return {
    [`${part}_revision`]: sql<number>`${sql.ref(`${part}_revision`)} + 1`,
    [`${part}_updated_at`]: save.at.toISOString(),
    [`${part}_updated_by`]: save.editor.id,
  } as Record<`${Part}_revision`, RawBuilder<number>> & Record<`${Part}_updated_at` | `${Part}_updated_by`, string>;
}

/** Audits a version- or revision-checked UPDATE in its transaction if it landed; false when it matched no row. */
export async function auditIfLanded(
  tx: OutriggerDatabase,
  result: UpdateResult,
  change: AuditedChange,
): Promise<boolean> {
  if (Number(result.numUpdatedRows) === 0) return false;
  await recordAudit(tx, change);
  return true;
}

/** Writes the row; pass the change's own transaction so both land or neither does. */
export async function recordAudit(db: OutriggerDatabase, change: AuditedChange): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: uuidv7(),
      at: change.at.toISOString(),
      account_id: change.editor.id,
      account_name: change.editor.name,
      action: change.action,
      entity_type: change.entityType,
      entity_id: change.entityId,
      changes: JSON.stringify(changedFields(change.before, change.after)),
    })
    .execute();
}

/** Newest first, `limit` rows older than the row `before` (ids are UUID v7: they sort with time). */
export async function listAuditLog(db: OutriggerDatabase, limit: number, before?: string): Promise<AuditLogPage> {
  let query = db
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("id", "desc")
    .limit(limit + 1);
  if (before !== undefined) query = query.where("id", "<", before);
  const rows = await query.execute();
  const entries: AuditEntry[] = rows.slice(0, limit).map((r) => ({
    id: r.id,
    at: r.at,
    accountId: r.account_id,
    accountName: r.account_name,
    action: r.action as AuditAction,
    entityType: r.entity_type,
    entityId: r.entity_id,
    changes: auditChanges.parse(JSON.parse(r.changes)),
  }));
  return rows.length > limit ? { entries, nextBefore: entries[entries.length - 1].id } : { entries };
}

/** The name of the organiser who saved a record last (for "Changed by …"); undefined when unknown. */
export async function organiserName(db: OutriggerDatabase, id: string | null): Promise<string | undefined> {
  if (id === null) return undefined;
  const row = await db.selectFrom("organisers").select("name").where("id", "=", id).executeTakeFirst();
  return row?.name;
}
