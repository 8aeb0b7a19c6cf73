// The sign-in and invitation-guess limits with their counts in the database (db/accessAttempts.ts), on both engines:
// the same rules as in memory, and on PostgreSQL two handles — as two server processes would hold — share one count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INVITATION_LOOKUP_FAILURES_PER_SOURCE,
  SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE,
  INVITATION_LOOKUP_WINDOW_MS,
  SIGN_IN_WINDOW_MS,
} from "../../src/shared/accessLimits";
import { createInvitationLookupLimiter } from "../../src/server/auth/invitationLookupLimiter";
import { createLoginLimiter } from "../../src/server/auth/loginLimiter";
import { createDatabaseAttemptLedger } from "../../src/server/db/accessAttempts";
import type { OutriggerDatabase } from "../../src/server/db/database";
import { describeSignInLimitRules } from "../support/signInLimitRules";
import { ENGINES, openTwoHandles } from "./support/testDatabase";

const at = new Date("2024-03-01T09:00:00.000Z");

describe.each(ENGINES)("attempt counts in the database (%s)", (engine) => {
  let db: OutriggerDatabase;
  let other: OutriggerDatabase;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, other, close } = await openTwoHandles(engine));
  });
  afterAll(() => close());

  describeSignInLimitRules(`database, ${engine}`, async () => {
    await db.deleteFrom("access_attempts").execute();
    return createLoginLimiter(createDatabaseAttemptLedger(db, SIGN_IN_WINDOW_MS));
  });

  // Several processes share PostgreSQL only: an SQLite file is served by one process (README "Running several servers").
  const severalProcesses = engine === "postgres";

  it.runIf(severalProcesses)(
    "two handles on one database count the same sign-in attempts: parallel guesses from both stop at the limit",
    async () => {
      await db.deleteFrom("access_attempts").execute();
      const limiters = [db, other].map((handle) =>
        createLoginLimiter(createDatabaseAttemptLedger(handle, SIGN_IN_WINDOW_MS)),
      );
      const answers = await Promise.all(
        Array.from({ length: 2 * SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE }, (_, i) =>
          limiters[i % 2].reserve("org@example.org", "10.9.0.1", at),
        ),
      );
      expect(answers.filter((a) => a.allowed)).toHaveLength(SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE);
    },
  );

  it("a source's wait is read without counting anything, and past the limit it is the same wait a reservation gets", async () => {
    await db.deleteFrom("access_attempts").execute();
    const [first, second] = [db, severalProcesses ? other : db].map((handle) =>
      createInvitationLookupLimiter(createDatabaseAttemptLedger(handle, INVITATION_LOOKUP_WINDOW_MS)),
    );
    for (let i = 0; i < 3 * INVITATION_LOOKUP_FAILURES_PER_SOURCE; i++)
      expect(await second.wait("10.9.0.4", at)).toBe(0);
    expect(await db.selectFrom("access_attempts").selectAll().execute()).toEqual([]);
    for (let i = 0; i < INVITATION_LOOKUP_FAILURES_PER_SOURCE; i++)
      expect((await first.reserve("10.9.0.4", at)).allowed).toBe(true);
    const refused = await first.reserve("10.9.0.4", at);
    expect(refused).toMatchObject({ allowed: false });
    expect(await second.wait("10.9.0.4", at)).toBe(refused.allowed ? -1 : refused.retryAfterSeconds);
    expect(await second.wait("10.9.0.5", at)).toBe(0);
  });

  it.runIf(severalProcesses)(
    "invitation guesses are counted across handles, and a found code takes its look-up back",
    async () => {
      await db.deleteFrom("access_attempts").execute();
      const [first, second] = [db, other].map((handle) =>
        createInvitationLookupLimiter(createDatabaseAttemptLedger(handle, INVITATION_LOOKUP_WINDOW_MS)),
      );
      const found = await first.reserve("10.9.0.2", at);
      expect(found.allowed).toBe(true);
      if (found.allowed) await found.succeeded();
      for (let i = 0; i < INVITATION_LOOKUP_FAILURES_PER_SOURCE; i++)
        expect((await (i % 2 === 0 ? first : second).reserve("10.9.0.2", at)).allowed).toBe(true);
      expect(await second.reserve("10.9.0.2", at)).toMatchObject({ allowed: false });
      expect((await first.reserve("10.9.0.3", at)).allowed).toBe(true);
    },
  );
});
