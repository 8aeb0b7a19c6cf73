// Workshops as the console edits them: with their participating administrations, participant count and, in the
// list, their newest campaign's figures.
import type { ConsoleWorkshop, WorkshopCampaignFigures } from "../../shared/console";
import type { Workshop } from "../../shared/directory";
import { recordAudit, savedBy, type AuditedChange, type Editor } from "./auditLog";
import {
  deleteCampaignRows,
  deleteUnlessReplied,
  newestCampaignOfEachWorkshop,
  type CampaignWithCounts,
} from "./campaigns";
import type { OutriggerDatabase } from "./database";
import type { Selectable } from "kysely";
import type { WorkshopsTable } from "./schema";

type WorkshopRow = Selectable<WorkshopsTable> & { updated_by_name: string | null };

function toConsoleWorkshop(row: WorkshopRow, codes: string[], participantCount: number): ConsoleWorkshop {
  const w: ConsoleWorkshop = {
    id: row.id,
    title: row.title,
    kind: row.kind as Workshop["kind"],
    mode: row.mode as Workshop["mode"],
    fiscalYear: row.fiscal_year,
    participatingAdministrations:
      row.participating_administrations === null ? null : Number(row.participating_administrations),
    administrationCodes: codes,
    participantCount,
    version: Number(row.version),
  };
  if (row.updated_at !== null) w.updatedAt = row.updated_at;
  if (row.updated_by_name !== null) w.updatedBy = row.updated_by_name;
  if (row.starts_on !== null) w.startsOn = row.starts_on;
  if (row.ends_on !== null) w.endsOn = row.ends_on;
  if (row.location !== null) w.location = row.location;
  if (row.month !== null) w.month = row.month;
  return w;
}

/** Workshop rows with the name of the organiser who saved each last. */
function workshopsWithEditor(db: OutriggerDatabase) {
  return db
    .selectFrom("workshops")
    .leftJoin("organisers", "organisers.id", "workshops.updated_by")
    .selectAll("workshops")
    .select("organisers.name as updated_by_name");
}

export async function listConsoleWorkshops(db: OutriggerDatabase): Promise<ConsoleWorkshop[]> {
  const rows = await workshopsWithEditor(db)
    // Archived ones (the demo data put away) leave the list; restoring brings them back.
    .where("workshops.archived_at", "is", null)
    .orderBy("fiscal_year", "desc")
    .orderBy("starts_on", "desc")
    .orderBy("title")
    .execute();
  const links = await db
    .selectFrom("workshop_administrations")
    .select(["workshop_id", "administration_code"])
    .orderBy("administration_code")
    .execute();
  const counts = await db
    .selectFrom("participants")
    .select((eb) => ["workshop_id", eb.fn.countAll().as("n")])
    .groupBy("workshop_id")
    .execute();
  const codesOf = new Map<string, string[]>();
  for (const l of links) codesOf.set(l.workshop_id, [...(codesOf.get(l.workshop_id) ?? []), l.administration_code]);
  const countOf = new Map(counts.map((r) => [r.workshop_id, Number(r.n)]));
  const newestCampaignOf = await newestCampaignOfEachWorkshop(db);
  return rows.map((r) => {
    const w = toConsoleWorkshop(r, codesOf.get(r.id) ?? [], countOf.get(r.id) ?? 0);
    const campaign = newestCampaignOf.get(r.id);
    if (campaign) w.latestCampaign = campaignFigures(campaign);
    return w;
  });
}

function campaignFigures(c: CampaignWithCounts): WorkshopCampaignFigures {
  return {
    id: c.id,
    status: c.status,
    opensAt: c.opensAt,
    dueOn: c.dueOn,
    lateRepliesAccepted: c.lateRepliesAccepted,
    invited: c.invited,
    replied: c.replied,
  };
}

export async function findConsoleWorkshop(db: OutriggerDatabase, id: string): Promise<ConsoleWorkshop | undefined> {
  const row = await workshopsWithEditor(db).where("workshops.id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const links = await db
    .selectFrom("workshop_administrations")
    .select("administration_code")
    .where("workshop_id", "=", id)
    .orderBy("administration_code")
    .execute();
  const count = await db
    .selectFrom("participants")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("workshop_id", "=", id)
    .executeTakeFirst();
  return toConsoleWorkshop(
    row,
    links.map((l) => l.administration_code),
    Number(count?.n ?? 0),
  );
}

export interface WorkshopValues {
  title: string;
  kind: string;
  mode: string;
  fiscalYear: string;
  startsOn: string | null;
  endsOn: string | null;
  location: string | null;
  /** "2020-11" for a workshop known only by its month; null when dated. */
  month: string | null;
  /** A count given without the list; undefined: the list's length (when a list is given). */
  participatingAdministrations?: number | null;
}

/** The workshop columns a console form sets, on insert and on update alike. */
function workshopColumns(values: WorkshopValues) {
  return {
    title: values.title,
    kind: values.kind,
    mode: values.mode,
    fiscal_year: values.fiscalYear,
    starts_on: values.startsOn,
    ends_on: values.endsOn,
    location: values.location,
    month: values.month,
  };
}

export async function insertConsoleWorkshop(
  db: OutriggerDatabase,
  id: string,
  values: WorkshopValues,
  administrationCodes: string[],
  audit: Omit<AuditedChange, "action" | "entityType" | "entityId" | "before">,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("workshops")
      .values({
        id,
        ...workshopColumns(values),
        participating_administrations: values.participatingAdministrations ?? administrationCodes.length,
      })
      .execute();
    await replaceAdministrations(tx, id, administrationCodes);
    await recordAudit(tx, { ...audit, action: "create", entityType: "workshop", entityId: id });
  });
}

export interface VersionedSave {
  /** The version the form was loaded with: the save lands only while the record is still at it. */
  expectedVersion: number;
  editor: Editor;
  at: Date;
  /** The form's fields before and after, for the audit log. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Saves the form over the version it was loaded with, in one statement (`WHERE id AND version`), so of two saves
 * racing from the same version exactly one lands; with its audit row, all or nothing. False: changed elsewhere.
 */
export async function updateConsoleWorkshop(
  db: OutriggerDatabase,
  id: string,
  values: WorkshopValues,
  administrationCodes: string[] | undefined,
  save: VersionedSave,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("workshops")
      .set({
        ...workshopColumns(values),
        // The count follows the list whenever the list is given; workshops imported with a count only keep theirs.
        ...(values.participatingAdministrations !== undefined
          ? { participating_administrations: values.participatingAdministrations }
          : administrationCodes !== undefined
            ? { participating_administrations: administrationCodes.length }
            : {}),
        ...savedBy(save),
      })
      .where("id", "=", id)
      .where("version", "=", save.expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    if (administrationCodes !== undefined) await replaceAdministrations(tx, id, administrationCodes);
    await recordAudit(tx, { ...save, action: "update", entityType: "workshop", entityId: id });
    return true;
  });
}

async function replaceAdministrations(db: OutriggerDatabase, workshopId: string, codes: string[]): Promise<void> {
  await db.deleteFrom("workshop_administrations").where("workshop_id", "=", workshopId).execute();
  if (codes.length > 0)
    await db
      .insertInto("workshop_administrations")
      .values(codes.map((code) => ({ workshop_id: workshopId, administration_code: code })))
      .execute();
}

/**
 * Deletes a workshop set up by mistake, with its participants and its campaigns, all or nothing — only while no
 * campaign of it has a reply (also one landing meanwhile: the database then refuses) and it has no training
 * materials (phones may hold them).
 */
export async function deleteWorkshopWithoutReplies(
  db: OutriggerDatabase,
  id: string,
  audit: Omit<AuditedChange, "action" | "entityType" | "entityId" | "after">,
): Promise<"deleted" | "has_replies" | "has_materials"> {
  return deleteUnlessReplied(db, async (tx) => {
    const campaigns = tx.selectFrom("campaigns").select("id").where("workshop_id", "=", id);
    const reply = await tx.selectFrom("replies").select("id").where("campaign_id", "in", campaigns).executeTakeFirst();
    if (reply) return "has_replies" as const;
    const material = await tx.selectFrom("materials").select("id").where("workshop_id", "=", id).executeTakeFirst();
    if (material) return "has_materials" as const;
    const campaignIds = (await campaigns.execute()).map((campaign) => campaign.id);
    await deleteCampaignRows(tx, campaignIds);
    await tx.deleteFrom("participants").where("workshop_id", "=", id).execute();
    await tx.deleteFrom("workshop_administrations").where("workshop_id", "=", id).execute();
    await tx.deleteFrom("workshops").where("id", "=", id).execute();
    await recordAudit(tx, { ...audit, action: "delete", entityType: "workshop", entityId: id });
    return "deleted" as const;
  });
}
