// A campaign's own e-mail templates: read with the defaults filling in what the campaign has not changed, saved over
// the version the form was loaded with (a stale save is refused), put back to the default.
import {
  DEFAULT_TEMPLATES,
  MESSAGE_KINDS,
  type CampaignMessageTemplates,
  type MessageKind,
  type MessageTemplate,
} from "../../shared/messageTemplates";
import { recordAudit, savedBy, type AuditedChange, type Editor } from "./auditLog";
import type { OutriggerDatabase } from "./database";

/** A template change: who and when, and the wording before (and after) for the audit log. */
export interface TemplateChange extends Pick<AuditedChange, "before" | "after"> {
  editor: Editor;
  at: Date;
}

export async function campaignMessageTemplates(
  db: OutriggerDatabase,
  campaignId: string,
): Promise<CampaignMessageTemplates> {
  const rows = await db
    .selectFrom("campaign_message_templates as t")
    .leftJoin("organisers as o", "o.id", "t.updated_by")
    .selectAll("t")
    .select("o.name as updated_by_name")
    .where("t.campaign_id", "=", campaignId)
    .execute();
  const templates = {} as CampaignMessageTemplates;
  for (const kind of MESSAGE_KINDS) {
    const row = rows.find((r) => r.kind === kind);
    // Never saved: version 0, the one a first save names.
    const last = row
      ? {
          version: Number(row.version),
          updatedAt: row.updated_at,
          ...(row.updated_by_name ? { updatedBy: row.updated_by_name } : {}),
        }
      : { version: 0 };
    templates[kind] =
      row && Number(row.is_default) === 0
        ? {
            subject: row.subject,
            body: row.body,
            signature: row.signature,
            replyTo: row.reply_to,
            cc: JSON.parse(row.cc) as string[],
            isDefault: false,
            ...last,
          }
        : { ...DEFAULT_TEMPLATES[kind], isDefault: true, ...last };
  }
  return templates;
}

/**
 * Saves the wording over the version the form was loaded with, in one statement (an insert that yields to an existing
 * row for version 0, else `UPDATE … WHERE version = ?`), so of two saves from the same version exactly one lands;
 * with its audit row, all or nothing. False: changed elsewhere since.
 */
export async function saveCampaignMessageTemplate(
  db: OutriggerDatabase,
  campaignId: string,
  kind: MessageKind,
  template: MessageTemplate,
  expectedVersion: number,
  change: TemplateChange,
): Promise<boolean> {
  const values = {
    subject: template.subject,
    body: template.body,
    signature: template.signature,
    reply_to: template.replyTo,
    cc: JSON.stringify(template.cc),
    is_default: 0,
  };
  return db.transaction().execute(async (tx) => {
    const landed =
      expectedVersion === 0
        ? Number(
            (
              await tx
                .insertInto("campaign_message_templates")
                .values({
                  campaign_id: campaignId,
                  kind,
                  ...values,
                  version: 1,
                  updated_by: change.editor.id,
                  updated_at: change.at.toISOString(),
                })
                .onConflict((oc) => oc.columns(["campaign_id", "kind"]).doNothing())
                .executeTakeFirst()
            ).numInsertedOrUpdatedRows ?? 0,
          ) > 0
        : Number(
            (
              await tx
                .updateTable("campaign_message_templates")
                .set({ ...values, ...savedBy(change) })
                .where("campaign_id", "=", campaignId)
                .where("kind", "=", kind)
                .where("version", "=", expectedVersion)
                .executeTakeFirst()
            ).numUpdatedRows,
          ) > 0;
    if (!landed) return false;
    await recordAudit(tx, {
      ...change,
      action: "update",
      entityType: "message_template",
      entityId: `${campaignId}/${kind}`,
    });
    return true;
  });
}

/** Back to the office's default text for this kind; the row stays, so its version keeps counting. */
export async function resetCampaignMessageTemplate(
  db: OutriggerDatabase,
  campaignId: string,
  kind: MessageKind,
  change: TemplateChange,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const reset = await tx
      .updateTable("campaign_message_templates")
      .set({ is_default: 1, ...savedBy(change) })
      .where("campaign_id", "=", campaignId)
      .where("kind", "=", kind)
      .where("is_default", "=", 0)
      .executeTakeFirst();
    // Resetting a template still at the default changes nothing, and is not logged.
    if (Number(reset.numUpdatedRows) === 0) return;
    await recordAudit(tx, {
      ...change,
      action: "delete",
      entityType: "message_template",
      entityId: `${campaignId}/${kind}`,
    });
  });
}
