// An earlier round's replies stored as if phones had sent them: workshops matched by title or created, one
// "imported round" campaign per workshop and questionnaire version, an invitation per code; all in one transaction.
import { randomBytes } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import type { ImportedReply, ImportedWorkshop } from "../report/repliesImport";
import type { OutriggerDatabase } from "./database";
import { forgetCampaigns, forgetInvitations } from "./referenceChanges";

/** App version written on imported replies, so they can be told apart from those sent by phones. */
export const IMPORTED_APP_VERSION = "imported";
/** Lookups of many ids go in chunks this size (PostgreSQL and SQLite both take it in one statement). */
const CHUNK = 500;

export interface ImportOutcome {
  replies: number;
  /** Replies whose id is already stored (the same file imported again): left as they are. */
  alreadyHere: number;
  /** Workshop titles not found in the fiscal year: created (in a preview: would be). */
  newWorkshops: string[];
}

async function storedReplyIds(db: OutriggerDatabase, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom("replies")
      .select("id")
      .where("id", "in", ids.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

async function workshopIdsByTitle(db: OutriggerDatabase, fiscalYear: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom("workshops").select(["id", "title"]).where("fiscal_year", "=", fiscalYear).execute();
  return new Map(rows.map((r) => [r.title.trim(), r.id]));
}

/** What importing would do, without storing anything. */
export async function previewImportedRound(
  db: OutriggerDatabase,
  fiscalYear: string,
  workshops: readonly ImportedWorkshop[],
  replies: readonly ImportedReply[],
): Promise<ImportOutcome> {
  const here = await storedReplyIds(
    db,
    replies.map((r) => r.id),
  );
  const known = await workshopIdsByTitle(db, fiscalYear);
  return {
    replies: replies.length,
    alreadyHere: here.size,
    newWorkshops: workshops.filter((w) => !known.has(w.title)).map((w) => w.title),
  };
}

/**
 * Stores the replies not yet here, all or nothing. A workshop already in the fiscal year (same title) keeps its
 * facts; a new one gets the file's kind, month and counts. An invitation whose every reply was "Counted: no" was
 * withdrawn in the round it came from, so it is stored withdrawn and its replies stay out of the tables again.
 */
export async function storeImportedRound(
  db: OutriggerDatabase,
  fiscalYear: string,
  workshops: readonly ImportedWorkshop[],
  replies: readonly ImportedReply[],
  organiserId: string,
  now: Date,
  /** The reply's content hash as the intake would compute it (the route knows how). */
  contentHashOf: (reply: ImportedReply, campaignId: string) => string,
): Promise<ImportOutcome> {
  const at = now.toISOString();
  try {
    return await db.transaction().execute(async (tx) => {
      const outcome = await previewImportedRound(tx, fiscalYear, workshops, replies);
      const here = await storedReplyIds(
        tx,
        replies.map((r) => r.id),
      );
      const toStore = replies.filter((r) => !here.has(r.id));
      if (toStore.length === 0) return outcome;

      const workshopIds = await workshopIdsByTitle(tx, fiscalYear);
      for (const w of workshops) {
        if (workshopIds.has(w.title) || !toStore.some((r) => r.workshopTitle === w.title)) continue;
        const id = uuidv7();
        await tx
          .insertInto("workshops")
          .values({
            id,
            title: w.title,
            kind: w.kind,
            mode: "in-person",
            fiscal_year: fiscalYear,
            starts_on: null,
            ends_on: null,
            location: null,
            month: w.month ?? null,
            participating_administrations: w.participatingAdministrations ?? null,
            invited_participants: w.invitedParticipants ?? null,
            report_position: null,
          })
          .execute();
        workshopIds.set(w.title, id);
      }

      // One imported campaign per workshop and questionnaire version, reused by a later import.
      const campaignIds = new Map<string, string>();
      const campaignOf = async (reply: ImportedReply): Promise<string> => {
        const workshopId = workshopIds.get(reply.workshopTitle)!;
        const key = `${workshopId}\n${reply.questionnaireId}\n${reply.questionnaireVersion}`;
        const cached = campaignIds.get(key);
        if (cached) return cached;
        const existing = await tx
          .selectFrom("campaigns")
          .select("id")
          .where("workshop_id", "=", workshopId)
          .where("questionnaire_id", "=", reply.questionnaireId)
          .where("questionnaire_version", "=", reply.questionnaireVersion)
          .where("imported_at", "is not", null)
          .executeTakeFirst();
        let id = existing?.id;
        if (!id) {
          const same = toStore.filter((r) => r.workshopTitle === reply.workshopTitle);
          const submitted = same.map((r) => new Date(r.submittedAt).toISOString()).sort();
          id = uuidv7();
          await tx
            .insertInto("campaigns")
            .values({
              id,
              workshop_id: workshopId,
              questionnaire_id: reply.questionnaireId,
              questionnaire_version: reply.questionnaireVersion,
              opens_at: submitted[0],
              due_on: submitted[submitted.length - 1].slice(0, 10),
              late_replies_accepted: 1,
              status: "closed",
              created_at: at,
              imported_at: at,
            })
            .execute();
        }
        campaignIds.set(key, id);
        return id;
      };

      const codes = [...new Set(toStore.map((r) => r.invitationCode))];
      const invitationCampaign = new Map<string, string>();
      for (let i = 0; i < codes.length; i += CHUNK) {
        const rows = await tx
          .selectFrom("invitations")
          .select(["code", "campaign_id"])
          .where("code", "in", codes.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) invitationCampaign.set(r.code, r.campaign_id);
      }
      for (const reply of toStore) {
        let campaignId = invitationCampaign.get(reply.invitationCode);
        if (!campaignId) {
          campaignId = await campaignOf(reply);
          const withdrawn = replies.filter((r) => r.invitationCode === reply.invitationCode).every((r) => !r.counted);
          await tx
            .insertInto("invitations")
            .values({
              code: reply.invitationCode,
              campaign_id: campaignId,
              participant_name: null,
              email: null,
              administration_code: reply.administrationCode === "" ? null : reply.administrationCode,
              position: null,
              created_at: at,
              relay_key: randomBytes(32).toString("base64"),
              participant_id: null,
              reminded_at: null,
              withdrawn_at: withdrawn ? at : null,
              withdrawn_by: withdrawn ? organiserId : null,
            })
            .execute();
          invitationCampaign.set(reply.invitationCode, campaignId);
        }
        await tx
          .insertInto("replies")
          .values({
            id: reply.id,
            campaign_id: campaignId,
            invitation_code: reply.invitationCode,
            questionnaire_id: reply.questionnaireId,
            questionnaire_version: reply.questionnaireVersion,
            answers: JSON.stringify(reply.answers),
            started_at: reply.submittedAt,
            submitted_at: reply.submittedAt,
            app_version: IMPORTED_APP_VERSION,
            content_hash: contentHashOf(reply, campaignId),
            receipt_id: uuidv7(),
            received_at: reply.receivedAt,
          })
          .execute();
      }
      return outcome;
    });
  } finally {
    // New campaigns and invitations: the intake's caches must look again.
    forgetCampaigns();
    forgetInvitations();
  }
}
