// A campaign's own e-mail templates: read with the defaults filling in what the campaign has not changed, saved, reset.
import {
  DEFAULT_TEMPLATES,
  MESSAGE_KINDS,
  type CampaignMessageTemplates,
  type MessageKind,
  type MessageTemplate,
} from "../../shared/messageTemplates";
import type { OutriggerDatabase } from "./database";

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
  await db
    .insertInto("campaign_message_templates")
    .values({ campaign_id: campaignId, kind, ...values })
    .onConflict((oc) => oc.columns(["campaign_id", "kind"]).doUpdateSet(values))
    .execute();
}

/** Back to the office's default text for this kind. */
export async function resetCampaignMessageTemplate(
  db: OutriggerDatabase,
  campaignId: string,
  kind: MessageKind,
): Promise<void> {
  await db
    .deleteFrom("campaign_message_templates")
    .where("campaign_id", "=", campaignId)
    .where("kind", "=", kind)
    .execute();
}
