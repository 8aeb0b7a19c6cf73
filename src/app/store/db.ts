// The phone's database (IndexedDB through Dexie). Every table the UI reads lives here; schema changes are new versions.
import Dexie, { type EntityTable } from "dexie";
import type { ApiErrorBody, InvitationPrefill } from "../../shared/api";
import type { Answers } from "../../shared/answers";
import type { Campaign } from "../../shared/campaign";
import type { Administration, Workshop } from "../../shared/directory";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import type { Reply, ReplyReceipt } from "../../shared/reply";

/** A campaign this phone joined through an invitation, with what the invitation pre-fills. */
export interface JoinedCampaign {
  invitationCode: string;
  campaign: Campaign;
  prefill: InvitationPrefill;
  joinedAt: string;
  /** Set when a later refresh of the invitation found a change (e.g. the campaign was withdrawn). */
  refreshedAt?: string;
}

export interface StoredQuestionnaire {
  /** `${id}@${version}`: every version is kept so a draft stays pinned to the one it started on. */
  key: string;
  definition: QuestionnaireDefinition;
}

/** A reply being written. It becomes an outbox entry on submit and keeps the same id all the way. */
export interface Draft {
  id: string;
  invitationCode: string;
  campaignId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Answers;
  startedAt: string;
  updatedAt: string;
  /** The section the participant was on, so they resume where they left. */
  sectionIndex: number;
  /** Field problems the server reported last time, shown until the participant edits the answer. */
  serverIssues?: ApiErrorBody;
}

export type OutboxState = "waiting" | "sending" | "sent" | "needs_attention";

export interface OutboxEntry {
  id: string;
  reply: Reply;
  state: OutboxState;
  queuedAt: string;
  attempts: number;
  lastAttemptAt?: string;
  /** The server's receipt once it acknowledged the reply. */
  receipt?: ReplyReceipt;
  /** Why the server refused the reply, in its words, for "needs attention". */
  problem?: ApiErrorBody;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class OutriggerDb extends Dexie {
  campaigns!: EntityTable<JoinedCampaign, "invitationCode">;
  workshops!: EntityTable<Workshop, "id">;
  questionnaires!: EntityTable<StoredQuestionnaire, "key">;
  administrations!: EntityTable<Administration, "code">;
  drafts!: EntityTable<Draft, "id">;
  outbox!: EntityTable<OutboxEntry, "id">;
  meta!: EntityTable<MetaEntry, "key">;

  constructor(name = "outrigger") {
    super(name);
    this.version(1).stores({
      campaigns: "invitationCode, campaign.id",
      workshops: "id",
      questionnaires: "key",
      administrations: "code",
      drafts: "id, invitationCode, campaignId",
      outbox: "id, state, reply.invitationCode, reply.campaignId",
      meta: "key",
    });
  }
}

export const questionnaireKey = (id: string, version: number): string => `${id}@${version}`;

export const db = new OutriggerDb();
