// Invitations: one per participant of a campaign, with what the organiser knows about them.
import { randomBytes } from "node:crypto";
import type { InvitationPrefill } from "../../shared/api";
import type { Participant } from "../../shared/console";
import type { OutriggerDatabase } from "./database";
import { listParticipants } from "./participants";
import { forgetInvitations } from "./referenceChanges";

export interface Invitation {
  code: string;
  campaignId: string;
  prefill: InvitationPrefill;
  /** Signs the participant's replies that travel by hand (see src/shared/relay.ts). */
  relayKey?: string;
  /** When the organiser withdrew it: it then takes no new replies. */
  withdrawnAt?: string;
  /** When its campaign or workshop was archived (the demo data): it then takes no new replies. */
  archivedAt?: string;
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
  const row = await db
    .selectFrom("invitations")
    .leftJoin("campaigns", "campaigns.id", "invitations.campaign_id")
    .leftJoin("workshops", "workshops.id", "campaigns.workshop_id")
    .selectAll("invitations")
    .select(["campaigns.archived_at as campaign_archived_at", "workshops.archived_at as workshop_archived_at"])
    .where("invitations.code", "=", code)
    .executeTakeFirst();
  if (!row) return undefined;
  const archivedAt = row.campaign_archived_at ?? row.workshop_archived_at ?? null;
  const prefill: InvitationPrefill = {};
  if (row.participant_name !== null) prefill.participantName = row.participant_name;
  if (row.email !== null) prefill.email = row.email;
  if (row.administration_code !== null) prefill.administrationCode = row.administration_code;
  if (row.position !== null) prefill.position = row.position;
  return {
    code: row.code,
    campaignId: row.campaign_id,
    prefill,
    ...(row.relay_key !== null ? { relayKey: row.relay_key } : {}),
    ...(row.withdrawn_at !== null ? { withdrawnAt: row.withdrawn_at } : {}),
    ...(archivedAt !== null ? { archivedAt } : {}),
  };
}

/**
 * Withdraws the campaign's invitation with this code (`withdrawal` says when and by whom), or reinstates it (null).
 * False when the campaign has no such invitation. Its replies are never touched: readers leave them out.
 */
export async function setInvitationWithdrawal(
  db: OutriggerDatabase,
  campaignId: string,
  code: string,
  withdrawal: { at: Date; by: string } | null,
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ withdrawn_at: withdrawal?.at.toISOString() ?? null, withdrawn_by: withdrawal?.by ?? null })
    .where("code", "=", code)
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  forgetInvitations();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertInvitations(
  db: OutriggerDatabase,
  invitations: readonly NewInvitation[],
  createdAt: Date,
): Promise<void> {
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
  forgetInvitations();
}

/** Inserts 200 at a time: each statement stays under SQLite's bound-parameter limit. */
export async function insertInvitationsInBatches(
  db: OutriggerDatabase,
  invitations: readonly NewInvitation[],
  createdAt: Date,
): Promise<void> {
  for (let i = 0; i < invitations.length; i += 200)
    await insertInvitations(db, invitations.slice(i, i + 200), createdAt);
}

/**
 * Makes invitations with `invitationsFor` and inserts them, in one transaction (so the codes it checked
 * stay free and a campaign never gets half its invitations); how many were added.
 */
export async function addInvitations(
  db: OutriggerDatabase,
  createdAt: Date,
  invitationsFor: (tx: OutriggerDatabase) => Promise<NewInvitation[]>,
): Promise<number> {
  const added = await db.transaction().execute(async (tx) => {
    const invitations = await invitationsFor(tx);
    await insertInvitationsInBatches(tx, invitations, createdAt);
    return invitations.length;
  });
  // Again once committed: a reply read between the write and the commit (another connection) saw the old rows.
  forgetInvitations();
  return added;
}

/** Those of `codes` some invitation already has (asked 500 at a time, under SQLite's bound-parameter limit). */
export async function takenInvitationCodes(db: OutriggerDatabase, codes: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let k = 0; k < codes.length; k += 500) {
    const rows = await db
      .selectFrom("invitations")
      .select("code")
      .where("code", "in", codes.slice(k, k + 500))
      .execute();
    for (const row of rows) taken.add(row.code);
  }
  return taken;
}

/** Participants of the workshop who have no invitation in this campaign yet (matched by participant id, else e-mail). */
export async function listUninvitedParticipants(
  db: OutriggerDatabase,
  campaign: { id: string; workshopId: string },
): Promise<Participant[]> {
  const participants = await listParticipants(db, campaign.workshopId);
  const existing = await db
    .selectFrom("invitations")
    .select(["participant_id", "email"])
    .where("campaign_id", "=", campaign.id)
    .execute();
  const ids = new Set(existing.map((e) => e.participant_id).filter((id): id is string => id !== null));
  const emails = new Set(
    existing.filter((e) => e.participant_id === null && e.email !== null).map((e) => (e.email as string).toLowerCase()),
  );
  return participants.filter((p) => !ids.has(p.id) && !emails.has(p.email.toLowerCase()));
}

/** The code when this campaign has an invitation with it, else undefined. */
export async function findCampaignInvitationCode(
  db: OutriggerDatabase,
  campaignId: string,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("invitations")
    .select("code")
    .where("code", "=", code)
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  return row?.code;
}

/** The column that records when each kind of e-mail last went to an invitation. */
const SENT_AT_COLUMN = { invitation: "invitation_emailed_at", reminder: "reminded_at" } as const;
export type InvitationEmailKind = keyof typeof SENT_AT_COLUMN;

/**
 * Claims the invitation's e-mail of this kind for this moment: records `at` only when none went out since `notSince`
 * (for an invitation e-mail, `undefined`: only when none ever went out). One UPDATE, so of two requests at once only
 * one wins. Returns the value before, to put back if the message then fails; undefined when the claim was not made.
 */
export async function claimInvitationEmail(
  db: OutriggerDatabase,
  kind: InvitationEmailKind,
  campaignId: string,
  code: string,
  at: Date,
  notSince: Date | undefined,
): Promise<{ previous: string | null } | undefined> {
  const column = SENT_AT_COLUMN[kind];
  const before = await db
    .selectFrom("invitations")
    .select(column)
    .where("code", "=", code)
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  const result = await db
    .updateTable("invitations")
    .set({ [column]: at.toISOString() })
    .where("code", "=", code)
    .where("campaign_id", "=", campaignId)
    .where((eb) =>
      notSince === undefined
        ? eb(column, "is", null)
        : eb.or([eb(column, "is", null), eb(column, "<", notSince.toISOString())]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? { previous: before?.[column] ?? null } : undefined;
}

/** Gives a claim back after the message failed, unless a later claim has taken its place. */
export async function releaseInvitationEmail(
  db: OutriggerDatabase,
  kind: InvitationEmailKind,
  campaignId: string,
  code: string,
  claimedAt: Date,
  previous: string | null,
): Promise<void> {
  const column = SENT_AT_COLUMN[kind];
  await db
    .updateTable("invitations")
    .set({ [column]: previous })
    .where("code", "=", code)
    .where("campaign_id", "=", campaignId)
    .where(column, "=", claimedAt.toISOString())
    .execute();
}

export async function listInvitationCodes(db: OutriggerDatabase, campaignId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("invitations")
    .select("code")
    .where("campaign_id", "=", campaignId)
    .orderBy("created_at")
    .orderBy("code")
    .execute();
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
