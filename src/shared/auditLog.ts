// The audit log's shapes: who changed what in the console, each change as its fields before → after, bounded in size.
import * as z from "zod/mini";

export const AUDIT_ACTIONS = ["create", "update", "delete"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the log can name: the records console forms create, save and delete. */
export const AUDITED_ENTITIES = [
  "workshop",
  "participant",
  "campaign",
  "message_template",
  "feedback",
  "questionnaire_draft",
  "report_bindings",
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** One field's value before and after (absent: the field did not exist then, as on create or delete). */
export const fieldChange = z.object({ before: z.optional(z.unknown()), after: z.optional(z.unknown()) });
export const auditChanges = z.record(z.string(), fieldChange);
export type AuditChanges = z.infer<typeof auditChanges>;

/** One value is kept to this many characters; a row's changes to this many bytes of JSON (the rest is cut, said so). */
export const AUDIT_VALUE_MAX_CHARS = 300;
export const AUDIT_CHANGES_MAX_CHARS = 4000;
/** GET /api/console/audit-log answers at most this many rows a page. */
export const AUDIT_LOG_PAGE_SIZE = 50;

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string(),
  entityId: z.string(),
  changes: auditChanges,
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** GET /api/console/audit-log?before=<id>: newest first; `nextBefore` asks for the page after this one. */
export const auditLogPage = z.object({ entries: z.array(auditEntry), nextBefore: z.optional(z.string()) });
export type AuditLogPage = z.infer<typeof auditLogPage>;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function boundedValue(value: unknown): unknown {
  if (value === undefined || value === null || typeof value === "number" || typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (text.length <= AUDIT_VALUE_MAX_CHARS) return value;
  return `${text.slice(0, AUDIT_VALUE_MAX_CHARS)}… (cut)`;
}

/**
 * The fields that differ between two versions of a record, each value bounded; `before` undefined for a create and
 * `after` undefined for a delete list every field. Fields past AUDIT_CHANGES_MAX_CHARS are left out under "…".
 */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): AuditChanges {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditChanges = {};
  let size = 2;
  for (const key of keys) {
    const was = before?.[key];
    const is = after?.[key];
    if (before && after && sameValue(was, is)) continue;
    const change: z.infer<typeof fieldChange> = {};
    if (before) change.before = boundedValue(was ?? null);
    if (after) change.after = boundedValue(is ?? null);
    size += key.length + JSON.stringify(change).length + 4;
    if (size > AUDIT_CHANGES_MAX_CHARS) {
      changes["…"] = { after: "more fields changed than the log keeps" };
      break;
    }
    changes[key] = change;
  }
  return changes;
}
