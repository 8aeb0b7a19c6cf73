// A campaign's own e-mail templates: read with the defaults filling in what the campaign has not changed, saved, reset.
import {
  DEFAULT_TEMPLATES,
  MESSAGE_KINDS,
  type CampaignMessageTemplates,
  type MessageKind,
  type MessageTemplate,
} from "../../shared/messageTemplates";
import { recordAudit, type AuditedChange } from "./auditLog";
import type { OutriggerDatabase } from "./database";

/** What the audit log is told about a template change: who, when, and the wording before (and after). */
export type TemplateAudit = Pick<AuditedChange, "editor" | "before" | "after">;

export async function campaignMessageTemplates(
  db: OutriggerDatabase,
  campaignId: string,
): Promise<CampaignMessageTemplates> {
  const rows = await db
    .selectFrom("campaign_message_templates")
    .selectAll()
    .where("campaign_id", "=", campaignId)
    .execute();
  const templates = {} as CampaignMessageTemplates;
  for (const kind of MESSAGE_KINDS) {
    const row = rows.find((r) => r.kind === kind);
    templates[kind] = row
      ? {
          subject: row.subject,
          body: row.body,
          signature: row.signature,
          replyTo: row.reply_to,
          cc: JSON.parse(row.cc) as string[],
          isDefault: false,
        }
      : { ...DEFAULT_TEMPLATES[kind], isDefault: true };
  }
  return templates;
}

export async function saveCampaignMessageTemplate(
  db: OutriggerDatabase,
  campaignId: string,
  kind: MessageKind,
  template: MessageTemplate,
  by: string,
  at: Date,
  audit: TemplateAudit,
): Promise<void> {
  const values = {
    subject: template.subject,
    body: template.body,
    signature: template.signature,
    reply_to: template.replyTo,
    cc: JSON.stringify(template.cc),
    updated_at: at.toISOString(),
    updated_by: by,
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("campaign_message_templates")
      .values({ campaign_id: campaignId, kind, ...values })
      .onConflict((oc) => oc.columns(["campaign_id", "kind"]).doUpdateSet(values))
      .execute();
    await recordAudit(tx, {
      ...audit,
      at,
      action: "update",
      entityType: "message_template",
      entityId: `${campaignId}/${kind}`,
    });
  });
}

/** Back to the office's default text for this kind. */
export async function resetCampaignMessageTemplate(
  db: OutriggerDatabase,
  campaignId: string,
  kind: MessageKind,
  at: Date,
  audit: TemplateAudit,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const reset = await tx
      .deleteFrom("campaign_message_templates")
      .where("campaign_id", "=", campaignId)
      .where("kind", "=", kind)
      .executeTakeFirst();
    // Resetting a template still at the default changes nothing, and is not logged.
    if (Number(reset.numDeletedRows) === 0) return;
    await recordAudit(tx, {
      ...audit,
      at,
      action: "delete",
      entityType: "message_template",
      entityId: `${campaignId}/${kind}`,
    });
  });
}
