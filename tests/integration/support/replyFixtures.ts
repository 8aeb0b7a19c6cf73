// Valid replies to the seeded demo campaign (newest questionnaire version), campaigns in other states to send them to,
// and a database made to refuse one reply row.
import { sql } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Answers } from "../../../src/shared/answers";
import type { Campaign } from "../../../src/shared/campaign";
import { reply as replySchema, type Reply, type ReplyInput } from "../../../src/shared/reply";
import { insertCampaign } from "../../../src/server/db/campaigns";
import type { OutriggerDatabase } from "../../../src/server/db/database";
import { insertInvitations } from "../../../src/server/db/invitations";
import { followUpLatest } from "../../../src/shared/questionnaires";
import { DEMO_CAMPAIGN_ID, DEMO_WORKSHOP_ID } from "../../../src/server/db/seedData";
import type { Engine } from "./testDatabase";

export const DAY_MS = 24 * 60 * 60 * 1000;

export function validAnswers(overrides: Partial<Answers> = {}): Answers {
  return {
    name: "Sela Taufa",
    administration: "TO",
    position: "Customs Officer, Compliance and Enforcement",
    email: "sela.taufa@example.org",
    followUpActions: { choices: ["shared_materials", "inhouse_workshop"] },
    actionsDescription: "Put the RKC slides on the intranet and ran a half-day session for twelve colleagues.",
    application: "We compared our clearance steps with the General Annex and removed a duplicate document check.",
    directEffects: "yes",
    directEffectsDescription: "Release times for low-risk cargo went down by about a day.",
    efficiencyImproved: "yes",
    newProjects: "no",
    ...overrides,
  } as Answers;
}

export function validReply(overrides: Partial<ReplyInput> = {}): ReplyInput {
  return {
    id: uuidv7(),
    campaignId: DEMO_CAMPAIGN_ID,
    invitationCode: "DEMO-TO1",
    questionnaireId: "follow-up",
    questionnaireVersion: followUpLatest.version,
    answers: validAnswers(),
    startedAt: "2024-01-10T08:00:00.000Z",
    submittedAt: "2024-01-10T08:20:00.000Z",
    appVersion: "0.1.0",
    ...overrides,
  };
}

/** A valid reply parsed as the server and the phone hold it (validated ids). */
export const parsedReply = (overrides: Partial<ReplyInput> = {}): Reply => replySchema.parse(validReply(overrides));

/** Adds a campaign for the RKC workshop with one invitation; returns the invitation code. */
export async function addCampaign(
  db: OutriggerDatabase,
  campaign: Partial<Campaign> & { id: string },
  invitationCode: string,
  now: Date,
): Promise<string> {
  await insertCampaign(
    db,
    {
      workshopId: DEMO_WORKSHOP_ID,
      questionnaireId: "follow-up",
      questionnaireVersion: followUpLatest.version,
      opensAt: new Date(now.getTime() - DAY_MS).toISOString(),
      dueOn: new Date(now.getTime() + 21 * DAY_MS).toISOString().slice(0, 10),
      lateRepliesAccepted: true,
      status: "open",
      ...campaign,
    },
    now,
  );
  await insertInvitations(
    db,
    [{ code: invitationCode, campaignId: campaign.id, participantName: "Test Participant", administrationCode: "FJ" }],
    now,
  );
  return invitationCode;
}

/** Makes the database itself refuse any reply row whose app_version is `version` (a per-row refusal we control). */
export async function refuseRowsWithAppVersion(db: OutriggerDatabase, engine: Engine, version: string): Promise<void> {
  if (engine === "sqlite") {
    await sql`create trigger refuse_test_rows before insert on replies when new.app_version = ${sql.lit(version)} begin select raise(abort, 'refused by the test trigger'); end`.execute(
      db,
    );
    return;
  }
  await sql`create function refuse_test_rows() returns trigger language plpgsql as $$ begin if new.app_version = ${sql.lit(version)} then raise exception 'refused by the test trigger' using errcode = 'check_violation'; end if; return new; end $$`.execute(
    db,
  );
  await sql`create trigger refuse_test_rows before insert on replies for each row execute function refuse_test_rows()`.execute(
    db,
  );
}
