// Migration 0011: campaigns due at an instant become due on a calendar day, the day the organiser chose, on both engines.
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { findCampaign } from "../../src/server/db/campaigns";
import { createMigrator, migrateToLatest } from "../../src/server/db/migrate";
import { createTestDatabase, ENGINES } from "./support/testDatabase";

describe.each(ENGINES)("a campaign's due date becomes a calendar day (%s)", (engine) => {
  it("each stored due instant becomes its UTC day, and migrating down gives an instant on that day back", async () => {
    const test = await createTestDatabase(engine);
    const db = test.open();
    try {
      const migrator = await createMigrator(db);
      const { error } = await migrator.migrateTo("0010_questionnaire_lifecycle");
      if (error) throw error;
      await sql`insert into questionnaires (id, version, definition) values ('q', 1, '{}')`.execute(db);
      await sql`insert into workshops (id, title, kind, mode, fiscal_year) values ('w', 'W', 'regional', 'in-person', '2022/23')`.execute(
        db,
      );
      // As the console wrote a chosen day (its last second in UTC), as the default wrote it (a UTC midnight),
      // and as an API caller in Tonga might have sent it (kept as the UTC instant).
      const stored = [
        ["from-console", "2026-12-20T23:59:59.000Z"],
        ["by-default", "2026-12-21T00:00:00.000Z"],
        ["from-tonga", "2026-12-20T10:59:59.000Z"],
      ];
      for (const [id, dueAt] of stored) {
        await sql`insert into campaigns (id, workshop_id, questionnaire_id, questionnaire_version, opens_at, due_at, created_at)
                  values (${id}, 'w', 'q', 1, '2026-11-30T00:00:00.000Z', ${dueAt}, '2026-11-01T00:00:00.000Z')`.execute(
          db,
        );
      }

      expect((await migrateToLatest(db)).applied).toContain("0011_campaign_due_day");
      expect((await findCampaign(db, "from-console"))?.dueOn).toBe("2026-12-20");
      expect((await findCampaign(db, "by-default"))?.dueOn).toBe("2026-12-21");
      expect((await findCampaign(db, "from-tonga"))?.dueOn).toBe("2026-12-20");

      const down = await migrator.migrateTo("0010_questionnaire_lifecycle");
      if (down.error) throw down.error;
      const { rows } = await sql<{ id: string; due_at: string }>`select id, due_at from campaigns order by id`.execute(
        db,
      );
      expect(rows).toEqual([
        { id: "by-default", due_at: "2026-12-21T23:59:59.000Z" },
        { id: "from-console", due_at: "2026-12-20T23:59:59.000Z" },
        { id: "from-tonga", due_at: "2026-12-20T23:59:59.000Z" },
      ]);
    } finally {
      await db.destroy();
      await test.dispose();
    }
  });
});
