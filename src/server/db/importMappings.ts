// Column mappings of participants files, remembered office-wide by header line (migration 0141).
import * as z from "zod/mini";
import { columnChoices, type ColumnChoices } from "../../shared/importMapping";
import type { OutriggerDatabase } from "./database";

const stored = z.object({ headers: z.array(z.string()), choices: columnChoices });

export async function findImportMapping(db: OutriggerDatabase, key: string): Promise<ColumnChoices | undefined> {
  const row = await db.selectFrom("import_mappings").select("mapping").where("header_key", "=", key).executeTakeFirst();
  if (!row) return undefined;
  const parsed = stored.safeParse(JSON.parse(row.mapping));
  return parsed.success ? parsed.data.choices : undefined;
}

export async function saveImportMapping(
  db: OutriggerDatabase,
  key: string,
  mapping: { headers: string[]; choices: ColumnChoices },
  by: string,
  at: Date,
): Promise<void> {
  const values = { mapping: JSON.stringify(mapping), updated_by: by, updated_at: at.toISOString() };
  await db
    .insertInto("import_mappings")
    .values({ header_key: key, ...values })
    .onConflict((conflict) => conflict.column("header_key").doUpdateSet(values))
    .execute();
}
