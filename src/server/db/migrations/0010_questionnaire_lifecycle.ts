// Questionnaire versions become data with a lifecycle: draft → published → retired, a content hash fixed at publish,
// and when and by whom each step happened. Versions stored before this were all published with the build.
import { sql, type Kysely } from "kysely";
import { questionnaireContentHash } from "../../questionnaires/contentHash";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("questionnaires")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("published"))
    .execute();
  for (const column of [
    "content_hash",
    "created_at",
    "created_by",
    "published_at",
    "published_by",
    "retired_at",
    "retired_by",
  ]) {
    await db.schema.alterTable("questionnaires").addColumn(column, "text").execute();
  }
  // The version a draft was copied from, so publishing can warn about options that disappeared.
  await db.schema.alterTable("questionnaires").addColumn("based_on_version", "integer").execute();

  const at = new Date().toISOString();
  const rows = await sql<{
    id: string;
    version: number;
    definition: string;
  }>`select id, version, definition from questionnaires`.execute(db);
  for (const row of rows.rows) {
    const hash = questionnaireContentHash(JSON.parse(row.definition));
    await sql`update questionnaires set content_hash = ${hash}, created_at = ${at}, published_at = ${at} where id = ${row.id} and version = ${row.version}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of [
    "based_on_version",
    "retired_by",
    "retired_at",
    "published_by",
    "published_at",
    "created_by",
    "created_at",
    "content_hash",
    "status",
  ]) {
    await db.schema.alterTable("questionnaires").dropColumn(column).execute();
  }
}
