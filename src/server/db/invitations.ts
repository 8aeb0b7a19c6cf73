// Invitations: one per participant of a campaign, with what the organiser knows about them.
import { randomBytes } from "node:crypto";
import type { InvitationPrefill } from "../../shared/api";
import type { OutriggerDatabase } from "./database";

export interface Invitation {
  code: string;
  campaignId: string;
  prefill: InvitationPrefill;
  /** Signs the participant's replies that travel by hand (see src/shared/relay.ts). */
  relayKey?: string;
}

export interface NewInvitation extends InvitationPrefill {
  code: string;
  campaignId: string;
  /** Default: a new random key. */
  relayKey?: string;
  /** The workshop participant it was made for (campaigns made in the console). */
  participantId?: string;
}

/** A new relay key: 32 random bytes, base64. */
export function newRelayKey(): string {
  return randomBytes(32).toString("base64");
}

export async function findInvitation(db: OutriggerDatabase, code: string): Promise<Invitation | undefined> {
  const row = await db.selectFrom("invitations").selectAll().where("code", "=", code).executeTakeFirst();
  if (!row) return undefined;
  const prefill: InvitationPrefill = {};
  if (row.participant_name !== null) prefill.participantName = row.participant_name;
  if (row.email !== null) prefill.email = row.email;
  if (row.administration_code !== null) prefill.administrationCode = row.administration_code;
  if (row.position !== null) prefill.position = row.position;
  return row.relay_key === null ? { code: row.code, campaignId: row.campaign_id, prefill } : { code: row.code, campaignId: row.campaign_id, prefill, relayKey: row.relay_key };
}

export async function insertInvitations(db: OutriggerDatabase, invitations: readonly NewInvitation[], createdAt: Date): Promise<void> {
  if (invitations.length === 0) return;
  await db
    .insertInto("invitations")
    .values(
      invitations.map((i) => ({
        code: i.code,
        campaign_id: i.campaignId,
        participant_name: i.participantName ?? null,
        email: i.email ?? null,
        administration_code: i.administrationCode ?? null,
        position: i.position ?? null,
        created_at: createdAt.toISOString(),
        relay_key: i.relayKey ?? newRelayKey(),
        participant_id: i.participantId ?? null,
      })),
    )
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}

export async function listInvitationCodes(db: OutriggerDatabase, campaignId: string): Promise<string[]> {
  const rows = await db.selectFrom("invitations").select("code").where("campaign_id", "=", campaignId).orderBy("created_at").orderBy("code").execute();
  return rows.map((r) => r.code);
}

/** The workshop an invitation belongs to (through its campaign), or undefined for an unknown code. */
export async function findInvitationWorkshopId(db: OutriggerDatabase, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("invitations")
    .innerJoin("campaigns", "campaigns.id", "invitations.campaign_id")
    .select("campaigns.workshop_id as workshopId")
    .where("invitations.code", "=", code)
    .executeTakeFirst();
  return row?.workshopId;
}
