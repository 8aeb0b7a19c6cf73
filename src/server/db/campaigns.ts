// Follow-up campaigns: one questionnaire version sent to one workshop's participants.
// Kept whole past 300 lines: every campaign query reads the same row shape, the version-checked save beside the lists.
import type { Campaign, CampaignStatus } from "../../shared/campaign";
import { auditIfLanded, recordAudit, savedBy, type AuditedChange } from "./auditLog";
import type { OutriggerDatabase } from "./database";
import { latestPublishedVersion } from "./questionnaires";
import { insertInvitationsInBatches, type NewInvitation } from "./invitations";
import { forgetCampaigns, forgetInvitations } from "./referenceChanges";
import { isLater } from "../report/reportData";
import { isRowRefusal } from "./storageErrors";
import type { CampaignRow } from "./schema";
import type { VersionedSave } from "./workshopRecords";

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: Number(row.questionnaire_version),
    opensAt: row.opens_at,
    dueOn: row.due_on,
    lateRepliesAccepted: Number(row.late_replies_accepted) === 1,
    status: row.status as CampaignStatus,
  };
}

/** The fields the console sets on a campaign, as the audit log compares them. */
export function campaignFormFields(c: Campaign): Record<string, unknown> {
  return {
    workshopId: c.workshopId,
    questionnaire: `${c.questionnaireId} v${c.questionnaireVersion}`,
    opensAt: c.opensAt,
    dueOn: c.dueOn,
    lateRepliesAccepted: c.lateRepliesAccepted,
    status: c.status,
  };
}

export async function findCampaign(db: OutriggerDatabase, id: string): Promise<Campaign | undefined> {
  const row = await db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toCampaign(row) : undefined;
}

export async function insertCampaign(db: OutriggerDatabase, campaign: Campaign, createdAt: Date): Promise<void> {
  await db
    .insertInto("campaigns")
    .values({
      id: campaign.id,
      workshop_id: campaign.workshopId,
      questionnaire_id: campaign.questionnaireId,
      questionnaire_version: campaign.questionnaireVersion,
      opens_at: new Date(campaign.opensAt).toISOString(),
      due_on: campaign.dueOn,
      late_replies_accepted: campaign.lateRepliesAccepted ? 1 : 0,
      status: campaign.status,
      created_at: createdAt.toISOString(),
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  forgetCampaigns();
}

/** The campaign and the invitations `invitationsFor` makes once it is in, all or nothing. */
export async function insertCampaignWithInvitations(
  db: OutriggerDatabase,
  campaign: Campaign,
  createdAt: Date,
  invitationsFor: (tx: OutriggerDatabase) => Promise<NewInvitation[]>,
  audit?: Pick<AuditedChange, "editor">,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await insertCampaign(tx, campaign, createdAt);
    await insertInvitationsInBatches(tx, await invitationsFor(tx), createdAt);
    if (audit)
      await recordAudit(tx, {
        ...audit,
        at: createdAt,
        action: "create",
        entityType: "campaign",
        entityId: campaign.id,
        after: campaignFormFields(campaign),
      });
  });
  // Again once committed: a reply read between the write and the commit (another connection) saw the old rows.
  forgetCampaigns();
  forgetInvitations();
}

export async function setCampaignStatus(db: OutriggerDatabase, id: string, status: CampaignStatus): Promise<void> {
  await db.updateTable("campaigns").set({ status }).where("id", "=", id).execute();
  forgetCampaigns();
}

/** Runs a deletion in one transaction; a reply landing meanwhile still references the rows, so the database refuses
 * it: "has_replies". The cached campaigns and invitations are forgotten either way. */
export async function deleteUnlessReplied<Outcome>(
  db: OutriggerDatabase,
  deletion: (tx: OutriggerDatabase) => Promise<Outcome>,
): Promise<Outcome | "has_replies"> {
  try {
    return await db.transaction().execute(deletion);
  } catch (error) {
    if (isRowRefusal(error)) return "has_replies";
    throw error;
  } finally {
    forgetCampaigns();
    forgetInvitations();
  }
}

/** Removes campaigns with their invitations and feedback, inside the caller's transaction (which has checked that
 * none of them has a reply: replies are never deleted). */
export async function deleteCampaignRows(tx: OutriggerDatabase, campaignIds: readonly string[]): Promise<void> {
  if (campaignIds.length === 0) return;
  await tx.deleteFrom("feedback_versions").where("campaign_id", "in", campaignIds).execute();
  await tx.deleteFrom("campaign_feedback").where("campaign_id", "in", campaignIds).execute();
  await tx.deleteFrom("invitations").where("campaign_id", "in", campaignIds).execute();
  await tx.deleteFrom("campaigns").where("id", "in", campaignIds).execute();
}

/**
 * Deletes a campaign that no one has replied to, with its invitations and feedback, all or nothing. "has_replies"
 * when a reply is stored — also one that lands while deleting: its invitation is then still referenced, and the
 * database refuses the delete.
 */
export async function deleteCampaignWithoutReplies(
  db: OutriggerDatabase,
  id: string,
  audit: Omit<AuditedChange, "action" | "entityType" | "entityId" | "after">,
): Promise<"deleted" | "has_replies"> {
  return deleteUnlessReplied(db, async (tx) => {
    const reply = await tx.selectFrom("replies").select("id").where("campaign_id", "=", id).executeTakeFirst();
    if (reply) return "has_replies" as const;
    await deleteCampaignRows(tx, [id]);
    await recordAudit(tx, { ...audit, action: "delete", entityType: "campaign", entityId: id });
    return "deleted" as const;
  });
}

export interface CampaignWithCounts extends Campaign {
  createdAt: string;
  version: number;
  /** When and by whom (name) it was last saved from the console; absent before. */
  updatedAt?: string;
  updatedBy?: string;
  /** Invitations not withdrawn. */
  invited: number;
  /** Invitations not withdrawn with at least one stored reply. */
  replied: number;
}

async function withCounts(db: OutriggerDatabase, rows: CampaignRow[]): Promise<CampaignWithCounts[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const invited = await db
    .selectFrom("invitations")
    .select((eb) => ["campaign_id", eb.fn.countAll().as("n")])
    .where("campaign_id", "in", ids)
    .where("withdrawn_at", "is", null)
    .groupBy("campaign_id")
    .execute();
  // A withdrawn invitation leaves both counts; its replies stay stored.
  const replied = await db
    .selectFrom("replies")
    .innerJoin("invitations", "invitations.code", "replies.invitation_code")
    .select((eb) => ["replies.campaign_id as campaign_id", eb.fn.count("replies.invitation_code").distinct().as("n")])
    .where("replies.campaign_id", "in", ids)
    .where("invitations.withdrawn_at", "is", null)
    .groupBy("replies.campaign_id")
    .execute();
  const invitedOf = new Map(invited.map((r) => [r.campaign_id, Number(r.n)]));
  const repliedOf = new Map(replied.map((r) => [r.campaign_id, Number(r.n)]));
  const editorIds = [...new Set(rows.flatMap((r) => (r.updated_by === null ? [] : [r.updated_by])))];
  const editors =
    editorIds.length === 0
      ? []
      : await db.selectFrom("organisers").select(["id", "name"]).where("id", "in", editorIds).execute();
  const nameOf = new Map(editors.map((e) => [e.id, e.name]));
  return rows.map((r) => {
    const campaign: CampaignWithCounts = {
      ...toCampaign(r),
      createdAt: r.created_at,
      version: Number(r.version),
      invited: invitedOf.get(r.id) ?? 0,
      replied: repliedOf.get(r.id) ?? 0,
    };
    if (r.updated_at !== null) campaign.updatedAt = r.updated_at;
    const name = r.updated_by === null ? undefined : nameOf.get(r.updated_by);
    if (name !== undefined) campaign.updatedBy = name;
    return campaign;
  });
}

/** A workshop's campaigns, oldest first, with their invitation and reply counts. */
export async function listWorkshopCampaigns(db: OutriggerDatabase, workshopId: string): Promise<CampaignWithCounts[]> {
  const rows = await db
    .selectFrom("campaigns")
    .selectAll()
    .where("workshop_id", "=", workshopId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return withCounts(db, rows);
}

/**
 * Each workshop's newest campaign (the one its overview is about), with its counts, by workshop id; only the given
 * workshops when told. A workshop without a campaign is absent.
 */
export async function newestCampaignOfEachWorkshop(
  db: OutriggerDatabase,
  workshopIds?: readonly string[],
): Promise<Map<string, CampaignWithCounts>> {
  if (workshopIds?.length === 0) return new Map();
  let query = db.selectFrom("campaigns").selectAll().orderBy("created_at").orderBy("id");
  if (workshopIds) query = query.where("workshop_id", "in", [...workshopIds]);
  const newest = new Map<string, CampaignRow>();
  // Oldest first, so the last one kept per workshop is its newest.
  for (const row of await query.execute()) newest.set(row.workshop_id, row);
  return new Map((await withCounts(db, [...newest.values()])).map((c) => [c.workshopId, c]));
}

export async function findCampaignWithCounts(
  db: OutriggerDatabase,
  id: string,
): Promise<CampaignWithCounts | undefined> {
  const row = await db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await withCounts(db, [row]))[0] : undefined;
}

/**
 * Saves over the version the page loaded, in one statement (`WHERE id AND version`), with its audit row, all or
 * nothing; false: changed elsewhere since. A save that changes nothing still counts as a save (the version moves).
 */
export async function updateCampaign(
  db: OutriggerDatabase,
  id: string,
  changes: { status?: CampaignStatus; dueOn?: string; lateRepliesAccepted?: boolean },
  save: VersionedSave,
): Promise<boolean> {
  const set: { status?: string; due_on?: string; late_replies_accepted?: number } = {};
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.dueOn !== undefined) set.due_on = changes.dueOn;
  if (changes.lateRepliesAccepted !== undefined) set.late_replies_accepted = changes.lateRepliesAccepted ? 1 : 0;
  try {
    return await db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable("campaigns")
        .set({
          ...set,
          ...savedBy(save),
        })
        .where("id", "=", id)
        .where("version", "=", save.expectedVersion)
        .executeTakeFirst();
      return auditIfLanded(tx, updated, { ...save, action: "update", entityType: "campaign", entityId: id });
    });
  } finally {
    forgetCampaigns();
  }
}

/** The highest published version of a questionnaire (drafts and retired versions are not offered), or undefined. */
export async function latestQuestionnaireVersion(
  db: OutriggerDatabase,
  questionnaireId: string,
): Promise<number | undefined> {
  return latestPublishedVersion(db, questionnaireId);
}

export interface CampaignInvitationRow {
  code: string;
  participantId: string | null;
  participantName: string | null;
  administrationCode: string | null;
  email: string | null;
  position: string | null;
  createdAt: string;
  /** When the latest reply with this code arrived; undefined without a reply. */
  repliedAt?: string;
  /** The id of the reply that counts for this code (the latest received); undefined without a reply. */
  latestReplyId?: string;
  /** When the last reminder e-mail went out (migration 0006); null before. */
  remindedAt: string | null;
  /** When the invitation e-mail went out (migration 0031); null before. */
  invitationEmailedAt: string | null;
  /** When the organiser withdrew it (migration 0120); null while it stands. */
  withdrawnAt: string | null;
}

/** A campaign's invitations (by administration, then name) with their latest reply's arrival. */
export async function listCampaignInvitations(
  db: OutriggerDatabase,
  campaignId: string,
): Promise<CampaignInvitationRow[]> {
  const rows = await db.selectFrom("invitations").selectAll().where("campaign_id", "=", campaignId).execute();
  const replies = await db
    .selectFrom("replies")
    .select((eb) => ["invitation_code", eb.fn.max("received_at").as("at")])
    .where("campaign_id", "=", campaignId)
    .groupBy("invitation_code")
    .execute();
  const repliedAt = new Map(replies.map((r) => [r.invitation_code, r.at === null ? undefined : String(r.at)]));
  // The reply that counts per code, by the report's rule, for the link to it.
  const latest = new Map<string, { id: string; receivedAt: string; submittedAt: string }>();
  const replyRows = await db
    .selectFrom("replies")
    .select(["id", "invitation_code", "received_at", "submitted_at"])
    .where("campaign_id", "=", campaignId)
    .execute();
  for (const r of replyRows) {
    const candidate = { id: r.id, receivedAt: r.received_at, submittedAt: r.submitted_at };
    const current = latest.get(r.invitation_code);
    if (!current || isLater(candidate, current)) latest.set(r.invitation_code, candidate);
  }
  const out = rows.map((r) => {
    const row: CampaignInvitationRow = {
      code: r.code,
      participantId: r.participant_id,
      participantName: r.participant_name,
      administrationCode: r.administration_code,
      email: r.email,
      position: r.position,
      createdAt: r.created_at,
      remindedAt: r.reminded_at ?? null,
      invitationEmailedAt: r.invitation_emailed_at ?? null,
      withdrawnAt: r.withdrawn_at ?? null,
    };
    const at = repliedAt.get(r.code);
    if (at !== undefined) row.repliedAt = at;
    const latestReply = latest.get(r.code);
    if (latestReply !== undefined) row.latestReplyId = latestReply.id;
    return row;
  });
  const key = (r: CampaignInvitationRow) =>
    `${r.administrationCode ?? ""}\u0000${(r.participantName ?? "").toLowerCase()}\u0000${r.code}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
