// Member administrations and workshops.
import type { Administration, SubRegion, Workshop } from "../../shared/directory";
import type { OutriggerDatabase } from "./database";
import { forgetAdministrations } from "./referenceChanges";

export interface WorkshopRecord extends Workshop {
  participatingAdministrations?: number;
}

export async function listAdministrations(db: OutriggerDatabase): Promise<Administration[]> {
  const rows = await db.selectFrom("administrations").select(["code", "name", "sub_region"]).orderBy("name").execute();
  return rows.map((r) => ({ code: r.code, name: r.name, subRegion: r.sub_region as SubRegion }));
}

export async function listAdministrationCodes(db: OutriggerDatabase): Promise<string[]> {
  const rows = await db.selectFrom("administrations").select("code").execute();
  return rows.map((r) => r.code);
}

export async function countAdministrations(db: OutriggerDatabase): Promise<number> {
  const row = await db
    .selectFrom("administrations")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
  // PostgreSQL returns count(*) as a bigint string.
  return Number(row?.n ?? 0);
}

/** The name of the administration with this code, or undefined when the code is free. */
export async function findAdministrationName(db: OutriggerDatabase, code: string): Promise<string | undefined> {
  const row = await db.selectFrom("administrations").select("name").where("code", "=", code).executeTakeFirst();
  return row?.name;
}

export async function insertAdministration(db: OutriggerDatabase, administration: Administration): Promise<void> {
  await db
    .insertInto("administrations")
    .values({ code: administration.code, name: administration.name, sub_region: administration.subRegion })
    .execute();
  forgetAdministrations();
}

export async function upsertAdministrations(
  db: OutriggerDatabase,
  administrations: readonly Administration[],
): Promise<void> {
  if (administrations.length === 0) return;
  await db
    .insertInto("administrations")
    .values(administrations.map((a) => ({ code: a.code, name: a.name, sub_region: a.subRegion })))
    .onConflict((oc) =>
      oc
        .column("code")
        .doUpdateSet((eb) => ({ name: eb.ref("excluded.name"), sub_region: eb.ref("excluded.sub_region") })),
    )
    .execute();
  forgetAdministrations();
}

export async function insertWorkshops(db: OutriggerDatabase, workshops: readonly WorkshopRecord[]): Promise<void> {
  if (workshops.length === 0) return;
  await db
    .insertInto("workshops")
    .values(
      workshops.map((w) => ({
        id: w.id,
        title: w.title,
        kind: w.kind,
        mode: w.mode,
        fiscal_year: w.fiscalYear,
        starts_on: w.startsOn ?? null,
        ends_on: w.endsOn ?? null,
        location: w.location ?? null,
        participating_administrations: w.participatingAdministrations ?? null,
      })),
    )
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** The workshop as the shared schema shows it to a phone. */
export async function findWorkshop(db: OutriggerDatabase, id: string): Promise<Workshop | undefined> {
  const row = await db.selectFrom("workshops").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const workshop: Workshop = {
    id: row.id,
    title: row.title,
    kind: row.kind as Workshop["kind"],
    mode: row.mode as Workshop["mode"],
    fiscalYear: row.fiscal_year,
  };
  // The shared schema is strict: absent facts are left out, never sent as null.
  if (row.starts_on !== null) workshop.startsOn = row.starts_on;
  if (row.ends_on !== null) workshop.endsOn = row.ends_on;
  if (row.location !== null) workshop.location = row.location;
  return workshop;
}
